import type { KallelseDocument, KallelseItem } from '../../../shared/domain/meetings/kallelse-document';
import { videoLinkProblem } from '../../../shared/domain/meetings/video-link';
import { COLORS, baseDocument, headingsKeepWithNext, quietTableLayout, styles } from '../pdf/layout';
import { protokollStyles } from './protokoll/protokoll-content';
import { renderPdf } from '../pdf/render';
import type { Content, DocDefinition, DocInfo, TableLayout } from '../pdf/types';

/**
 * The kallelse (notice of meeting, DOMAIN 4.1): time, place and distance
 * participation, the föredragningslista with proposals and handlingar, the
 * request to report förhinder, and who is called. PDF/A-3b like every
 * document the board keeps.
 */

const gridLayout: TableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (i) => (i === 0 ? 0 : 8),
  paddingRight: () => 0,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** A row's value: plain text, or a link that opens in the reader's browser (only https, checked in the domain). */
type Value = string | { link: string };
const labelled = (rows: [string, Value][]): Content => ({
  table: {
    widths: [110, '*'],
    body: rows.map(([l, v]) => [
      { text: l, style: 'label', margin: [0, 1.5, 0, 0] },
      // The text as typed; the link itself as the URL standard writes it (ASCII: punycode host, percent-encoded path), as PDF requires.
      typeof v === 'string' ? { text: v, style: 'value' } : { text: v.link, link: new URL(v.link).href, style: 'value', color: COLORS.accent, decoration: 'underline' },
    ]),
  },
  layout: gridLayout,
});

function item(i: KallelseItem): Content {
  const lines: Content[] = [];
  if (i.presenter) lines.push({ text: [{ text: 'Föredragande: ', style: 'label' }, i.presenter], style: 'body', margin: [0, 2, 0, 2] });
  if (i.proposal) lines.push({ stack: [{ text: 'Förslag till beslut', style: 'subLabel', margin: [0, 4, 0, 1] }, { text: i.proposal, style: 'body', margin: [0, 0, 0, 2] }] });
  if (i.documents.length > 0) {
    lines.push({ stack: [{ text: 'Handlingar', style: 'subLabel', margin: [0, 4, 0, 1] }, ...i.documents.map((d): Content => ({ text: `– ${d}`, style: 'body', margin: [8, 0, 0, 1] }))] });
  }
  return {
    unbreakable: true,
    margin: [0, 0, 0, 10],
    columns: [
      { text: `${i.number}.`, style: 'paragraphNumber', fontSize: 12, width: 28 },
      {
        width: '*',
        stack: [
          { columns: [{ text: i.title, style: 'paragraphTitle', fontSize: 11, width: '*' }, { text: i.dnr ?? '', style: 'dnr', width: 'auto', margin: [8, 2, 0, 0] }] },
          ...lines,
        ],
      },
    ],
  };
}

/** The heading and the first `keep` blocks after it as one unbreakable block, then the rest. */
function withHeading(heading: Content, blocks: Content[], keep: number): Content[] {
  return [{ unbreakable: true, stack: [heading, ...blocks.slice(0, keep)] }, ...blocks.slice(keep)];
}

export function kallelseDefinition(doc: KallelseDocument): DocDefinition {
  const m = doc.meeting;
  const title = `Kallelse ${doc.organ} ${m.date}`;
  const recipients: Content[][] = [
    ['Namn', 'Roll', 'Organisation'].map((text) => ({ text, style: 'tableHeader' })),
    ...doc.recipients.map((r) => [{ text: r.name, style: 'tableCell', bold: true }, { text: r.role, style: 'tableCell' }, { text: r.organisation ?? '', style: 'tableCell' }]),
  ];
  const base = baseDocument({ title, organisation: doc.forbund.name, footerNote: `Kallelse · skickad ${doc.sentOn}`, subject: `Kallelse till sammanträde, ${doc.organ.toLowerCase()}, ${m.date}`, createdAt: new Date(`${doc.sentOn}T12:00:00Z`) });
  return {
    ...base,
    styles: { ...styles, ...protokollStyles },
    info: { ...(base.info as DocInfo), keywords: ['kallelse', 'föredragningslista', doc.organ.toLowerCase(), doc.forbund.name, m.date].join(', ') },
    subset: 'PDF/A-3b',
    // A heading never ends a page alone: it moves to the next page with what follows.
    pageBreakBefore: headingsKeepWithNext,
    content: [
      { text: 'KALLELSE', style: 'docKind' },
      { text: `${doc.forbund.name} · ${doc.organ}`, style: 'docSub' },
      { text: `Ledamöter och ersättare i ${doc.organ.toLowerCase()} kallas härmed till sammanträde.`, style: 'body', margin: [0, 0, 0, 8] },
      labelled([
        ['Tid', `${m.date} kl. ${m.startTime.replace(':', '.')}`],
        ['Plats', m.place],
        ...(m.distance ? ([['På distans', m.distance]] as [string, Value][]) : []),
        ...(m.videoLink && videoLinkProblem(m.videoLink) === null ? ([['Videolänk', { link: m.videoLink }]] as [string, Value][]) : []),
        ...(m.justering ? ([['Justering', `${m.justering.date}, ${m.justering.place}`]] as [string, Value][]) : []),
      ]),
      {
        margin: [0, 12, 0, 4],
        table: { widths: ['*'], body: [[{ stack: [{ text: 'Anmäl förhinder', style: 'label', fontSize: 9.5 }, { text: doc.absenceNote, style: 'notice', margin: [0, 2, 0, 0] }] }]] },
        layout: { hLineWidth: () => 0, vLineWidth: (i) => (i === 0 ? 3 : 0), vLineColor: () => COLORS.accent, fillColor: () => COLORS.headerFill, paddingLeft: () => 10, paddingRight: () => 10, paddingTop: () => 7, paddingBottom: () => 7 },
      },
      // Each heading keeps with what follows: the first item, the list of those called (a board's list fits on a page).
      ...withHeading({ text: 'Föredragningslista', style: 'heading', margin: [0, 16, 0, 8], headlineLevel: 1 }, doc.items.map(item), 1),
      ...withHeading(
        { text: 'Kallade', style: 'heading', margin: [0, 14, 0, 6], headlineLevel: 1 },
        [{ table: { widths: ['auto', 'auto', '*'], headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, body: recipients }, layout: quietTableLayout() }],
        doc.recipients.length <= 30 ? 1 : 0,
      ),
      ...(doc.sender
        ? [{ unbreakable: true, margin: [0, 20, 0, 0], stack: [{ text: `${doc.sentOn}`, style: 'body' }, { text: doc.sender.name, bold: true }, { text: `${doc.sender.role}, ${doc.sender.email}`, style: 'muted' }] } as Content]
        : []),
    ],
  };
}

export async function renderKallelse(doc: KallelseDocument): Promise<Buffer<ArrayBuffer>> {
  return renderPdf(kallelseDefinition(doc));
}
