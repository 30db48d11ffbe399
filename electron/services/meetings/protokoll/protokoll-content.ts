import type { SignedEventLine } from '../../../../shared/domain/log/signed-event';
import type { AttendanceLine, ProtokollDocument, ProtokollParagraph } from '../../../../shared/domain/meetings/protokoll-document';
import { formatAmount, formatParagraph } from '../../../../shared/domain/format';
import { COLORS, quietTableLayout } from '../../pdf/layout';
import type { Content, ContentNode, Style, TableLayout } from '../../pdf/types';
import { contentText } from './visible-text';

/**
 * The protokoll's own pages in the standard Swedish layout (DOMAIN 4.3):
 * page 1 with header, närvaro, justering, underskrifter and the ANSLAG/BEVIS
 * block, then one § per matter. Pure: a function of the signed document and a
 * few export facts, so `verify` can build the same content again and compare
 * the text a reader sees with what was signed.
 *
 * Layout rules that keep the visible text in a stable order for `verify`
 * (pdfmake writes page by page in the order of the definition): tables never
 * split a row across pages (`dontBreakRows`) and never repeat header rows;
 * side-by-side columns appear only inside blocks that are never split.
 */

export type ProtokollVariant = 'signed' | 'public';

/** The anslag as recorded (anslag.posted); both null while it is not posted, and the BEVIS block is then left unfilled. */
export interface AnslagFacts {
  postedOn: string | null;
  takenDownOn: string | null;
  /** The signed `anslag.posted` event that recorded postedOn; `verify` holds the dates to it (protokoll-anslag.ts). */
  event?: SignedEventLine;
}

/**
 * The page layout of an export. `verify` rebuilds the pages of a file with
 * the layout it was made with (export.json's `layout`, absent = 1), so a
 * change to what the pages show is a new number, never an edit of an old one.
 *   1  the first layout
 *   2  no "Utfall: Noteras" under a decision that is only noted; a § heading
 *      and a long section's label never end a page alone (issue #15)
 */
export const CURRENT_LAYOUT = 2;
export type ProtokollLayout = 1 | 2;

export interface ProtokollContext {
  variant: ProtokollVariant;
  /** Absent: 1. */
  layout?: ProtokollLayout;
  /** personId → date (YYYY-MM-DD, Swedish time) of that signatory's electronic justering that holds. */
  justerad: Record<string, string>;
  anslag: AnslagFacts;
  /** SHA-256 of the signed protokoll (shown on the public version). */
  hash: string;
}

export const protokollStyles: Record<string, Style> = {
  docKind: { fontSize: 18, bold: true, color: COLORS.accent, characterSpacing: 1.2, margin: [0, 0, 0, 2] },
  docSub: { fontSize: 10.5, color: COLORS.muted, margin: [0, 0, 0, 14] },
  label: { fontSize: 8.5, bold: true, color: COLORS.accent, characterSpacing: 0.3 },
  value: { fontSize: 10 },
  section: { fontSize: 10.5, bold: true, color: COLORS.accent, margin: [0, 12, 0, 4] },
  paragraphNumber: { fontSize: 14, bold: true, color: COLORS.accent },
  paragraphTitle: { fontSize: 12.5, bold: true, color: COLORS.text },
  dnr: { fontSize: 9, color: COLORS.muted },
  subLabel: { fontSize: 8.5, bold: true, color: COLORS.muted, characterSpacing: 0.4, margin: [0, 8, 0, 2] },
  decisionLabel: { fontSize: 10, bold: true, color: COLORS.accent, margin: [0, 10, 0, 2] },
  decision: { fontSize: 10.5, bold: true },
  notice: { fontSize: 9, color: COLORS.text },
};

/** A label–value grid without lines: the classic protokoll head ("Plats och tid …"). */
const gridLayout: TableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (i) => (i === 0 ? 0 : 8),
  paddingRight: () => 0,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

function grid(rows: [string, Content][]): ContentNode {
  return {
    table: {
      widths: [128, '*'],
      dontBreakRows: true,
      body: rows.map(([label, value]) => [{ text: label, style: 'label', margin: [0, 1.5, 0, 0] }, typeof value === 'string' ? { text: value, style: 'value' } : value]),
    },
    layout: gridLayout,
  };
}

const range = (doc: ProtokollDocument): string => `${doc.paragraphRange.from}–${doc.paragraphRange.to}`;

function placeAndTime(doc: ProtokollDocument): string {
  const m = doc.meeting;
  // Swedish clock times are written 09.00; the document keeps them as 09:00.
  const clock = (t: string): string => t.replace(':', '.');
  const time = m.endTime ? `kl. ${clock(m.startTime)}–${clock(m.endTime)}` : `kl. ${clock(m.startTime)}`;
  const distance = m.distanceParticipation ? ' Deltagande på distans har erbjudits.' : '';
  return `${m.place}, ${m.date} ${time}.${distance}`;
}

/** "§ 12–17, på distans" — when a person's attendance is not simply the whole meeting on site. */
function attendanceNote(line: AttendanceLine): string {
  return [line.paragraphs, line.distance ? 'på distans' : null].filter(Boolean).join(', ');
}

function attendanceTable(title: string, lines: AttendanceLine[]): Content[] {
  if (lines.length === 0) return [];
  const head = ['Namn', 'Organisation', 'Roll', 'Närvaro'].map((text) => ({ text, style: 'tableHeader' }));
  const rows = lines.map((l) => [
    { text: l.name, style: 'tableCell', bold: true },
    { text: l.organisation ?? '', style: 'tableCell' },
    { text: l.role, style: 'tableCell' },
    { text: attendanceNote(l), style: 'tableCell' },
  ]);
  return [
    { text: title, style: 'subLabel' },
    // The same widths in all three tables, so their columns line up down the page.
    { table: { widths: [96, 132, '*', 66], dontBreakRows: true, body: [head, ...rows] }, layout: { ...quietTableLayout(), paddingTop: () => 2.5, paddingBottom: () => 2.5 } },
  ];
}

function signatureRows(doc: ProtokollDocument, ctx: ProtokollContext): Content {
  const status = (personId: string): Content => {
    const date = ctx.justerad[personId];
    return date
      ? { text: `Elektroniskt justerad ${date}`, style: 'tableCell', color: COLORS.accent }
      : { text: 'Ej justerad', style: 'tableCell', color: COLORS.muted };
  };
  const rows: Content[][] = [];
  const s = doc.signatories;
  if (s.secretary) rows.push([{ text: 'Sekreterare', style: 'label' }, { text: s.secretary.name, style: 'tableCell', bold: true }, { text: 'Protokollförare', style: 'tableCell', color: COLORS.muted }]);
  rows.push([{ text: 'Ordförande', style: 'label' }, { text: s.chair.name, style: 'tableCell', bold: true }, status(s.chair.personId)]);
  for (const a of s.adjusters) rows.push([{ text: 'Justerare', style: 'label' }, { text: a.name, style: 'tableCell', bold: true }, status(a.personId)]);
  return {
    stack: [
      { text: 'Underskrifter', style: 'section' },
      { text: [{ text: 'Paragrafer ', style: 'label' }, { text: range(doc), bold: true }], margin: [0, 0, 0, 4] },
      { table: { widths: [128, '*', 'auto'], dontBreakRows: true, body: rows }, layout: quietTableLayout() },
    ],
    unbreakable: true,
  };
}

/** The notice-board certificate, boxed like the stamp it replaces. */
function anslagBlock(doc: ProtokollDocument, ctx: ProtokollContext): Content {
  const posted = ctx.anslag.postedOn !== null;
  const row = (label: string, value: string): Content[] => [{ text: label, style: 'label', margin: [0, 1.5, 0, 0] }, { text: value, style: 'value' }];
  const boxed: TableLayout = {
    hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 1 : 0),
    vLineWidth: (i) => (i === 0 || i === 2 ? 1 : 0),
    hLineColor: () => COLORS.accent,
    vLineColor: () => COLORS.accent,
    fillColor: (r) => (r === 0 ? COLORS.headerFill : null),
    paddingLeft: () => 8,
    paddingRight: () => 8,
    paddingTop: (i) => (i === 0 ? 6 : 3),
    paddingBottom: (i, node) => (i === 0 || i === node.table.body.length - 1 ? 6 : 3),
  };
  return {
    margin: [0, 16, 0, 0],
    unbreakable: true,
    table: {
      widths: [168, '*'],
      dontBreakRows: true,
      body: [
        [{ colSpan: 2, stack: [{ text: 'ANSLAG/BEVIS', style: 'label', fontSize: 10 }, { text: posted ? 'Protokollet är justerat. Justeringen har tillkännagivits genom anslag.' : 'Protokollet är justerat. Anslaget var inte uppsatt när protokollet exporterades.', style: 'value', margin: [0, 2, 0, 0] }] }, ''],
        row('Organ', doc.organ),
        row('Paragrafer', `§§ ${range(doc)}`),
        row('Sammanträdesdatum', doc.meeting.date),
        row('Datum då anslaget sätts upp', ctx.anslag.postedOn ?? ''),
        row('Datum då anslaget tas ned', ctx.anslag.takenDownOn ?? ''),
        row('Förvaringsplats för protokollet', doc.storage),
      ],
    },
    layout: boxed,
  };
}

function publicNotice(ctx: ProtokollContext): Content {
  return {
    margin: [0, 0, 0, 14],
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: 'OFFENTLIG VERSION – OSIGNERAD KOPIA', style: 'label', fontSize: 9.5 },
              {
                text:
                  'Det här är den offentliga versionen av ett elektroniskt justerat protokoll. Uppgifter som omfattas av sekretess är utelämnade. ' +
                  'Kopian bär inga signaturer; originalet har kontrollsumman (SHA-256):',
                style: 'notice',
                margin: [0, 2, 0, 2],
              },
              { text: ctx.hash, style: 'code' },
            ],
          },
        ],
      ],
    },
    layout: { ...quietTableLayout(), hLineWidth: () => 0, fillColor: () => '#fdf3e1', paddingLeft: () => 8, paddingRight: () => 8, paddingTop: () => 6, paddingBottom: () => 6 },
  };
}

/** Page 1 (and what follows it until the first §). */
export function frontPage(doc: ProtokollDocument, ctx: ProtokollContext): Content[] {
  const { adjusters } = doc.signatories;
  return [
    { text: 'SAMMANTRÄDESPROTOKOLL', style: 'docKind' },
    { text: `${doc.forbund.name} · ${doc.organ}`, style: 'docSub' },
    ...(ctx.variant === 'public' ? [publicNotice(ctx)] : []),
    grid([
      ['Organ', doc.organ],
      ['Sammanträdesdatum', doc.meeting.date],
      ['Plats och tid', placeAndTime(doc)],
    ]),
    { text: 'Närvarande', style: 'section' },
    ...attendanceTable('Beslutande', doc.attendance.deciding),
    ...attendanceTable('Närvarande, ej tjänstgörande ersättare', doc.attendance.substitutesNotServing),
    ...attendanceTable('Övriga deltagande', doc.attendance.others),
    { text: '', margin: [0, 6, 0, 0] },
    grid([
      [adjusters.length === 1 ? 'Justerare' : 'Justerare', adjusters.map((a) => a.name).join(', ')],
      ['Justeringens tid och plats', `${doc.justering.date}, ${doc.justering.place}`],
    ]),
    signatureRows(doc, ctx),
    anslagBlock(doc, ctx),
  ];
}

/**
 * A labelled section; short ones are kept whole, so a label or a last line
 * never stands alone at a page break. From layout 2 a long one keeps its
 * label with its first paragraph.
 */
function sub(label: string, body: Content[], layout: ProtokollLayout = 1): Content {
  const labelNode: Content = { text: label, style: 'subLabel' };
  if (contentText(body).length < 700) return { stack: [labelNode, ...body], unbreakable: true };
  if (layout < 2 || body.length === 0) return { stack: [labelNode, ...body], unbreakable: false };
  const [firstParagraph, ...rest] = body;
  return { stack: [{ unbreakable: true, stack: [labelNode, firstParagraph!] }, ...rest] };
}
/** No line break inside an amount: "1 234 500 kr" keeps its digit groups and unit together (no-break spaces). */
const keepNumbers = (text: string): string => text.replace(/(\d) (?=\d{3}\b)/g, '$1\u00a0').replace(/(\d) kr\b/g, '$1\u00a0kr');
const para = (text: string, extra: Partial<ContentNode> = {}): ContentNode => ({ text: keepNumbers(text), style: 'body', margin: [0, 0, 0, 3], ...extra });

function voteBlock(p: ProtokollParagraph): Content[] {
  const v = p.vote;
  if (!v) return [];
  const mark = (want: string, got: string): Content => ({ text: want === got ? 'X' : '', style: 'tableCell', alignment: 'center' });
  const align = (i: number): 'center' | 'left' => (i ? 'center' : 'left');
  const head: Content[] = ['Beslutande', 'Ja', 'Nej', 'Avstår'].map((text, i) => ({ text, style: 'tableHeader', alignment: align(i) }));
  const rows = v.votes.map((x) => [{ text: x.name, style: 'tableCell' }, mark('ja', x.vote), mark('nej', x.vote), mark('avstar', x.vote)]);
  const total: Content[] = ['Summa', String(v.yes), String(v.no), String(v.abstain)].map((text, i) => ({ text, style: 'tableTotal', alignment: align(i) }));
  // One block: a vote table never stands on a page apart from what was put to the vote and its result.
  return [
    {
      unbreakable: true,
      stack: [
        sub('Propositionsordning och omröstning', [para(v.proposition)]),
        // A closed vote (sluten omröstning) has only the count: no row per person.
        v.closed
          ? para(`Sluten omröstning: ${v.yes} ja, ${v.no} nej, ${v.abstain} blanka.`)
          : {
              margin: [0, 2, 0, 4],
              table: { widths: [180, 40, 40, 40], dontBreakRows: true, body: [head, ...rows, total] },
              layout: quietTableLayout({ footerRows: 1 }),
            },
        ...(v.castingVote ? [para('Då rösterna är lika avgörs omröstningen genom ordförandens utslagsröst.', { italics: true })] : []),
        para(v.result),
      ],
    },
  ];
}

function decisionBlock(p: ProtokollParagraph, layout: ProtokollLayout): Content {
  const d = p.decision;
  // "Utfall: Noteras" says again what "… lägga informationen till handlingarna" said (from layout 2).
  const outcome = layout >= 2 && d.outcome === 'noted' ? null : `Utfall: ${d.outcomeLabel}`;
  const facts = [outcome, d.amountKr !== null ? `Belopp: ${formatAmount(d.amountKr)}` : null, d.period ? `Period: ${d.period.from}–${d.period.to}` : null].filter(Boolean);
  return {
    unbreakable: true,
    stack: [
      { text: 'Beslut', style: 'decisionLabel' },
      { text: keepNumbers(d.text), style: 'decision', margin: [0, 0, 0, 2] },
      ...(layout < 2 || facts.length > 0 ? [{ text: facts.join(' · '), style: 'small' } satisfies ContentNode] : []),
    ],
  };
}

/** Whether those who took part differ from the meeting's beslutande (jäv, arrivals, departures). */
function participantsDiffer(doc: ProtokollDocument, p: ProtokollParagraph): boolean {
  const all = doc.attendance.deciding.map((l) => l.personId).sort();
  const here = p.participants.map((x) => x.personId).sort();
  return all.join() !== here.join();
}

const CONFIDENTIAL_NOTE =
  'Sammanfattning och beslutsunderlag omfattas av sekretess och ingår inte i den offentliga versionen av protokollet.';

/** One §: a block that starts with its number and title and is never split in the head. */
export function paragraphContent(doc: ProtokollDocument, p: ProtokollParagraph, ctx: ProtokollContext): Content {
  const hidden = ctx.variant === 'public' && p.confidential === true;
  const layout = ctx.layout ?? 1;
  const head: Content = {
    unbreakable: true,
    // From layout 2 the heading never ends a page alone (pageBreakBefore: headingsKeepWithNext).
    ...(layout >= 2 ? { headlineLevel: 1 } : {}),
    margin: [0, 0, 0, 2],
    stack: [
      {
        columns: [
          { text: formatParagraph(p.number), style: 'paragraphNumber', width: 52 },
          { text: p.title, style: 'paragraphTitle', width: '*', margin: [0, 1.5, 0, 0] },
          { text: p.dnr ?? '', style: 'dnr', width: 'auto', margin: [8, 4, 0, 0] },
        ],
      },
      ...(p.urgent ? [{ text: 'Paragrafen justerades omedelbart.', style: 'small', italics: true, margin: [52, 2, 0, 0] } satisfies ContentNode] : []),
    ],
  };
  const body: Content[] = [];
  if (hidden) body.push({ text: CONFIDENTIAL_NOTE, style: 'small', italics: true, margin: [0, 6, 0, 0] });
  if (!hidden && p.summary) body.push(sub('Sammanfattning', [para(p.summary)], layout));
  if (!hidden && p.basis.length > 0) body.push(sub('Beslutsunderlag', p.basis.map((b) => para(`– ${b}`, { margin: [8, 0, 0, 1] })), layout));
  if (p.proposal) body.push(sub('Förslag till beslut', [para(p.proposal)], layout));
  if (p.jav.length > 0 || p.javRulings) body.push(sub('Jäv', [...(p.javRulings ?? []).map((t) => para(t)), ...p.jav.map((j) => para(j.text))], layout));
  if (p.presidingNote) body.push(sub('Ordförande i paragrafen', [para(p.presidingNote)], layout));
  if (p.quorumNote) body.push(sub('Beslutförhet', [para(p.quorumNote)], layout));
  if (p.motions.length > 0) body.push(sub('Yrkanden', p.motions.map((m) => para(m.text)), layout));
  body.push(...voteBlock(p));
  body.push(decisionBlock(p, layout));
  if (p.qualifiedNote) body.push(sub('Kvalificerad majoritet', [para(p.qualifiedNote)], layout));
  if (participantsDiffer(doc, p)) body.push(sub('I beslutet deltar', [para(p.participants.map((x) => x.name).join(', '))], layout));
  if (p.reservations.length > 0) body.push(sub('Reservation', p.reservations.map((r) => para(r.text)), layout));
  if (p.notes.length > 0) body.push(sub('Protokollsanteckning', p.notes.map((n) => para(n.permission ? `${n.permission} ${n.text}` : n.text)), layout));
  if (p.sendTo.length > 0) body.push(sub('Expedieras till', [para(p.sendTo.join(', '))], layout));
  // The § heading keeps its first section with it (unless that section is long enough to fill most of a page).
  const first = body[0];
  const opening: Content[] = first && contentText(first).length < 900 ? [{ unbreakable: true, stack: [head, body.shift()!] }] : [head];
  return {
    margin: [0, 0, 0, 18],
    stack: [...opening, ...body, { canvas: [{ type: 'line', x1: 0, y1: 10, x2: 471, y2: 10, lineWidth: 0.5, lineColor: COLORS.faintRule }] }],
  };
}

/** Page 1, then every § from a new page; each § is its own node so pdfmake never lays out one giant block. */
export function protokollBody(doc: ProtokollDocument, ctx: ProtokollContext): Content[] {
  return [
    ...frontPage(doc, ctx),
    ...doc.paragraphs.map((p, i) => {
      const node = paragraphContent(doc, p, ctx) as ContentNode;
      return i === 0 ? { ...node, pageBreak: 'before' as const } : node;
    }),
  ];
}
