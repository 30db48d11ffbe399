import { AppError } from '../../../shared/contract/errors';
import type { ProtokollDocument } from '../../../shared/domain/meetings/protokoll-document';
import { COLORS, baseDocument, styles } from '../pdf/layout';
import { paragraphContent, protokollStyles } from './protokoll/protokoll-content';
import { renderPdf } from '../pdf/render';
import type { Content, DocDefinition, TableLayout } from '../pdf/types';

/**
 * Utdrag ur sammanträdesprotokoll: the chosen §§ exactly as in the protokoll,
 * under a head naming the meeting, and the utdragsbestyrkande (certification
 * that the extract matches the original) with name, date and a line to sign.
 */

export interface Certifier {
  name: string;
  /** Swedish, e.g. "sekreterare", "förbundschef". */
  role: string;
}

const gridLayout: TableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (i) => (i === 0 ? 0 : 8),
  paddingRight: () => 0,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

export function extractDefinition(doc: ProtokollDocument, paragraphNumbers: number[], certifiedBy: Certifier, date: string): DocDefinition {
  const wanted = new Set(paragraphNumbers);
  const paragraphs = doc.paragraphs.filter((p) => wanted.has(p.number));
  const missing = [...wanted].filter((n) => !paragraphs.some((p) => p.number === n));
  if (paragraphs.length === 0 || missing.length > 0) {
    throw new AppError('bad_request', `Protokollet har ingen § ${missing.join(', ') || '–'}. Välj paragrafer som finns i protokollet (§§ ${doc.paragraphRange.from}–${doc.paragraphRange.to}).`);
  }
  const numbers = paragraphs.map((p) => `§ ${p.number}`).join(', ');
  const title = `Utdrag ur protokoll ${doc.organ} ${doc.meeting.date}`;
  const base = baseDocument({ title, organisation: doc.forbund.name, footerNote: `Utdrag ${numbers} · bestyrkt ${date}`, subject: `Utdrag ur sammanträdesprotokoll, ${numbers}`, createdAt: new Date(`${date}T12:00:00Z`) });
  const ctx = { variant: 'signed' as const, justerad: {}, anslag: { postedOn: null, takenDownOn: null }, hash: '' };
  const row = (l: string, v: string): Content[] => [{ text: l, style: 'label', margin: [0, 1.5, 0, 0] }, { text: v, style: 'value' }];
  return {
    ...base,
    styles: { ...styles, ...protokollStyles },
    subset: 'PDF/A-3b',
    content: [
      { text: 'UTDRAG UR SAMMANTRÄDESPROTOKOLL', style: 'docKind', fontSize: 15 },
      { text: `${doc.forbund.name} · ${doc.organ}`, style: 'docSub' },
      {
        margin: [0, 0, 0, 16],
        table: {
          widths: [128, '*'],
          body: [
            row('Organ', doc.organ),
            row('Sammanträdesdatum', doc.meeting.date),
            row('Plats', doc.meeting.place),
            row('Paragrafer', numbers),
            row('Ordförande', doc.signatories.chair.name),
            row('Justerare', doc.signatories.adjusters.map((a) => a.name).join(', ')),
          ],
        },
        layout: gridLayout,
      },
      ...paragraphs.map((p) => paragraphContent(doc, p, ctx)),
      {
        unbreakable: true,
        margin: [0, 10, 0, 0],
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  { text: 'Utdragsbestyrkande', style: 'label', fontSize: 10 },
                  { text: `Utdraget överensstämmer med originalprotokollet (${numbers}).`, style: 'body', margin: [0, 3, 0, 16] },
                  { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 220, y2: 0, lineWidth: 0.5, lineColor: COLORS.text }] },
                  { text: `${certifiedBy.name}, ${certifiedBy.role}`, bold: true, margin: [0, 3, 0, 0] },
                  { text: `Datum ${date}`, style: 'muted' },
                ],
              },
            ],
          ],
        },
        layout: { hLineWidth: () => 1, vLineWidth: () => 1, hLineColor: () => COLORS.accent, vLineColor: () => COLORS.accent, paddingLeft: () => 10, paddingRight: () => 10, paddingTop: () => 8, paddingBottom: () => 10 },
      },
    ],
  };
}

/** `renderExtract(document, [14, 15], { name, role }, '2026-03-18')` → the utdrag as PDF bytes. */
export async function renderExtract(document: ProtokollDocument, paragraphNumbers: number[], certifiedBy: Certifier, date: string): Promise<Buffer<ArrayBuffer>> {
  return renderPdf(extractDefinition(document, paragraphNumbers, certifiedBy, date));
}
