import { utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from '../../../../shared/domain/log/canonical-json';
import type { SignedEventLine } from '../../../../shared/domain/log/signed-event';
import { protokollBytes, protokollHash, type ProtokollDocument } from '../../../../shared/domain/meetings/protokoll-document';
import { COLORS, PAGE_MARGINS, defaultStyle, headingsKeepWithNext, pageHeader, pageNumberLabel, styles } from '../../pdf/layout';
import { attestationsJsonl, checkAttestations, initials, stockholmDateTime, type AttestationReport, type SignerInfo } from './protokoll-attestations';
import { CURRENT_LAYOUT, protokollBody, protokollStyles, type AnslagFacts, type ProtokollContext, type ProtokollLayout, type ProtokollVariant } from './protokoll-content';
import { signaturePage } from './protokoll-signature-page';
import { renderPdf, type EmbeddedFile } from '../../pdf/render';
import type { DocDefinition, DynamicContent } from '../../pdf/types';

/**
 * The signed protokoll PDF: PDF/A-3b with Roboto embedded, the protokoll in
 * the standard layout, a signature page, and as associated files the exact
 * signed bytes (protokoll.json), the attestation events (signaturer.jsonl),
 * the signers' public keys (nycklar.json) and the export facts (export.json:
 * variant, anslag dates, export time — set after justering, so not signed).
 *
 * The page content is a pure function of those four files (see
 * `protokollDefinition`), which is what lets `verify` rebuild the text and
 * compare it with the pages.
 */

export const EXPORT_FORMAT = 'styrelsebordet-protokollexport/1';
export const FILE_NAMES = { protokoll: 'protokoll.json', publicProtokoll: 'protokoll-offentlig.json', signatures: 'signaturer.jsonl', keys: 'nycklar.json', export: 'export.json' } as const;

export interface ExportFacts {
  format: typeof EXPORT_FORMAT;
  variant: ProtokollVariant;
  anslag: AnslagFacts;
  /** ISO time of the export. */
  exportedAt: string;
  /** SHA-256 of the signed protokoll (on the public version: of the original, which is not embedded). */
  sha256: string;
  /** SHA-256 of the förbund CA's certificate, printed on the signature page (absent on exports before the CA). */
  caFingerprint?: string;
  /** The page layout the file was made with (protokoll-content.ts); absent: 1. */
  layout?: ProtokollLayout;
}

export interface SignedProtokollInput {
  document: ProtokollDocument;
  /** The signed `protokoll.attested` events as they travel. */
  attestations: SignedEventLine[];
  /** Per key fingerprint: the signer's name, role and public key (PEM). */
  signers: Record<string, SignerInfo>;
  anslag: AnslagFacts;
  variant: ProtokollVariant;
  /** Defaults to now. */
  exportedAt?: Date;
  /** The förbund CA's certificate fingerprint, printed on the signature page. */
  caFingerprint?: string;
  /** Defaults to CURRENT_LAYOUT; an older one only to show that old files still verify. */
  layout?: ProtokollLayout;
}

/** The public version: confidential §§ lose their summary and beslutsunderlag. */
export function publicDocument(doc: ProtokollDocument): ProtokollDocument {
  return { ...doc, paragraphs: doc.paragraphs.map((p) => (p.confidential ? { ...p, summary: null, basis: [] } : p)) };
}

function footer(signedInitials: string[], variant: ProtokollVariant): DynamicContent {
  const boxes = signedInitials.length > 0 ? signedInitials : ['', ''];
  return (current, count, pageSize) => ({
    margin: [PAGE_MARGINS[0], 14, PAGE_MARGINS[2], 0],
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: pageSize.width - PAGE_MARGINS[0] - PAGE_MARGINS[2], y2: 0, lineWidth: 0.5, lineColor: COLORS.rule }] },
      {
        margin: [0, 6, 0, 0],
        columns: [
          { text: 'Justerandes signatur', style: 'footer', width: 'auto', margin: [0, 5, 6, 0] },
          {
            width: 'auto',
            table: { widths: boxes.map(() => 34), heights: 16, body: [boxes.map((b) => ({ text: b, fontSize: 9, bold: true, color: COLORS.accent, alignment: 'center', margin: [0, 1, 0, 0] }))] },
            layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => COLORS.rule, vLineColor: () => COLORS.rule },
          },
          { text: variant === 'signed' ? 'Elektroniskt justerat, se signatursidan' : 'Offentlig version, osignerad kopia', style: 'footer', width: '*', alignment: 'center', margin: [0, 5, 0, 0] },
          { text: pageNumberLabel(current, count), style: 'pageNumber', alignment: 'right', width: 'auto', margin: [0, 4, 0, 0] },
        ],
      },
    ],
  });
}

export function protokollTitle(doc: ProtokollDocument): string {
  return `Protokoll ${doc.organ} ${doc.meeting.date}`;
}

/** Everything the pages show, from the (possibly public) document, the checks and the export facts. */
export function protokollDefinition(doc: ProtokollDocument, report: AttestationReport, facts: ExportFacts): DocDefinition {
  const justerad: Record<string, string> = {};
  const signed = [doc.signatories.chair, ...doc.signatories.adjusters];
  for (const c of report.checks) {
    if (!c.holds || c.part !== 'whole' || !c.at) continue;
    if (c.author) justerad[c.author] = stockholmDateTime(c.at).date;
  }
  const layout = facts.layout ?? 1;
  const ctx: ProtokollContext = { variant: facts.variant, layout, justerad, anslag: facts.anslag, hash: facts.sha256 };
  const title = protokollTitle(doc);
  const created = new Date(facts.exportedAt);
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    defaultStyle,
    styles: { ...styles, ...protokollStyles },
    header: pageHeader({ organisation: doc.forbund.name, documentTitle: `Sammanträdesprotokoll ${doc.meeting.date}${facts.variant === 'public' ? ' · offentlig version' : ''}` }),
    footer: footer(signed.filter((p) => justerad[p.personId]).map((p) => initials(p.name)), facts.variant),
    info: {
      title: facts.variant === 'public' ? `${title} (offentlig version)` : title,
      author: doc.forbund.name,
      subject: `Sammanträdesprotokoll, ${doc.organ.toLowerCase()}, ${doc.meeting.date}, §§ ${doc.paragraphRange.from}–${doc.paragraphRange.to}${facts.variant === 'signed' ? ', elektroniskt justerat' : ', offentlig version'}`,
      keywords: ['sammanträdesprotokoll', 'protokoll', doc.organ.toLowerCase(), doc.forbund.name, doc.meeting.date, `SHA-256 ${facts.sha256}`].join(', '),
      creationDate: created,
      modDate: created,
    },
    language: 'sv-SE',
    displayTitle: true,
    subset: 'PDF/A-3b',
    ...(layout >= 2 ? { pageBreakBefore: headingsKeepWithNext } : {}),
    content: [...protokollBody(doc, ctx), ...signaturePage({ variant: facts.variant, checks: report.checks, hash: facts.sha256, exportedAt: facts.exportedAt, caFingerprint: facts.caFingerprint ?? null })],
  };
}

const json = (value: unknown): Uint8Array => utf8ToBytes(`${JSON.stringify(value, null, 2)}\n`);

/** The embedded files: exactly what `verify` reads back. */
export function protokollFiles(doc: ProtokollDocument, lines: SignedEventLine[], signers: Record<string, SignerInfo>, facts: ExportFacts): EmbeddedFile[] {
  const date = new Date(facts.exportedAt);
  const file = (name: string, bytes: Uint8Array, mime: string, description: string, relationship: EmbeddedFile['relationship']): EmbeddedFile => ({ name, bytes, mime, description, relationship, date });
  const documentFile =
    facts.variant === 'signed'
      ? file(FILE_NAMES.protokoll, protokollBytes(doc), 'application/json', 'Det signerade protokollet (kanonisk JSON); signaturerna gäller SHA-256 av exakt de här byten.', 'Source')
      : file(FILE_NAMES.publicProtokoll, utf8ToBytes(canonicalJson(doc)), 'application/json', 'Den offentliga versionen av protokollet (osignerad).', 'Source');
  return [
    documentFile,
    file(FILE_NAMES.signatures, utf8ToBytes(attestationsJsonl(lines)), 'application/jsonl', 'Justeringarna: signerade händelser protokoll.attested, en per rad.', 'Supplement'),
    file(FILE_NAMES.keys, json(signers), 'application/json', 'De justerandes publika nycklar (PEM) per fingeravtryck, med namn och roll.', 'Supplement'),
    file(FILE_NAMES.export, json(facts), 'application/json', 'Exportens uppgifter: version, anslagets datum och tidpunkt.', 'Supplement'),
  ];
}

/**
 * Renders the signed (or public) protokoll to PDF bytes. Attestations that do
 * not hold are still shown, marked so on the signature page; the caller
 * decides whether to offer such an export at all.
 */
export async function renderSignedProtokoll(input: SignedProtokollInput): Promise<Buffer<ArrayBuffer>> {
  const hash = protokollHash(input.document);
  const doc = input.variant === 'public' ? publicDocument(input.document) : input.document;
  const facts: ExportFacts = {
    format: EXPORT_FORMAT,
    variant: input.variant,
    anslag: input.anslag,
    exportedAt: (input.exportedAt ?? new Date()).toISOString(),
    sha256: hash,
    ...(input.caFingerprint ? { caFingerprint: input.caFingerprint } : {}),
    ...((input.layout ?? CURRENT_LAYOUT) > 1 ? { layout: input.layout ?? CURRENT_LAYOUT } : {}),
  };
  const report = checkAttestations(input.document, hash, input.attestations, input.signers);
  return renderPdf(protokollDefinition(doc, report, facts), { files: protokollFiles(doc, input.attestations, input.signers, facts) });
}

/** "protokoll-styrelsen-2026-03-14.pdf", "…-offentlig.pdf": a file name for the save dialog. */
export function protokollFileName(doc: ProtokollDocument, variant: ProtokollVariant): string {
  const organ = doc.organ
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `protokoll-${organ || 'organ'}-${doc.meeting.date}${variant === 'public' ? '-offentlig' : ''}.pdf`;
}
