import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { z } from 'zod';
import { canonicalJson } from '../../../../shared/domain/log/canonical-json';
import { Hex64, SignedEventLine } from '../../../../shared/domain/log/signed-event';
import { ProtokollDocumentSchema, type ProtokollDocument } from '../../../../shared/domain/meetings/protokoll-document';
import { checkPades, type PadesReport } from '../../pki/pades-verify';
import { readStructure, structureProblems } from '../../pdf/pdf-structure';
import { openPdf } from '../../pdf/pdfjs-node';
import { anchorAnslag, checkAnslag } from './protokoll-anslag';
import { SignersFile, checkAttestations, stockholmDateTime, type AttestationCheck } from './protokoll-attestations';
import { EXPORT_FORMAT, FILE_NAMES, protokollDefinition, type ExportFacts } from './protokoll-pdf';
import { compareVisibleText, expectedText } from './visible-text';

/**
 * `verify`: checks a signed protokoll PDF against itself. It holds when
 *   1. the file opens and carries the four embedded files,
 *   2. protokoll.json is a protokoll in canonical form,
 *   3. every attestation in signaturer.jsonl is signed (Ed25519, over the
 *      exact body bytes) by the key nycklar.json gives for its fingerprint,
 *      and attests exactly this protokoll (meeting, version, SHA-256 of the
 *      embedded bytes) in the signer's role; the chair and every justerare
 *      have attested the whole protokoll,
 *   4. the text on every page is the text the renderer makes from those files
 *      (see visible-text.ts for how line breaks are made harmless),
 *   5. the PAdES signatures hold, chain to the förbund CA whose certificate
 *      fingerprint is pinned (`caFingerprint`: the laptop's own förbund, or
 *      given by the user), and the last one covers the whole file,
 *   6. every attestation's device key is named, for its person, in a
 *      certificate that CA issued (keys in nycklar.json are never trusted
 *      by themselves),
 *   7. no annotation, no embedded file name twice, and the document
 *      information is what the signed data gives,
 *   8. the anslag dates are those of the signed `anslag.posted` event the
 *      file carries, recorded by someone the CA certifies as förbundschef
 *      or sekreterare (protokoll-anslag.ts).
 * Never throws: anything unexpected becomes a Swedish reason.
 */

export interface VerifyOptions {
  /** SHA-256 of the förbund CA's certificate to trust; without it nothing is anchored and the file does not pass. */
  caFingerprint?: string | null;
}

export interface VerifiedSigner {
  name: string;
  role: string;
  /** "2026-03-16 14.05" in Swedish time. */
  time: string;
  fingerprint: string;
}

export interface ProtokollVerification {
  ok: boolean;
  /** The CA fingerprint the protokoll names (export.json), shown for comparison; null when unknown. */
  caFingerprint: string | null;
  /** The PAdES signers (name and role from their certificates). */
  sealedBy: { name: string; role: string; time: string }[];
  /** Set when the file is one of ours (even when something fails). */
  title: string | null;
  sha256: string | null;
  signers: VerifiedSigner[];
  /** Swedish reasons, empty when ok. */
  problems: string[];
}

const ExportFactsSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    variant: z.enum(['signed', 'public']),
    anslag: z
      .object({ postedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(), takenDownOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(), event: SignedEventLine.optional() })
      .strict()
      .refine((a) => (a.postedOn === null) === (a.takenDownOn === null)),
    exportedAt: z.string().datetime(),
    sha256: Hex64,
    caFingerprint: Hex64.optional(),
    layout: z.literal(2).optional(),
  })
  .strict();

const NOT_OURS =
  'Filen är inte ett signerat protokoll från Styrelsebordet: den saknar de bifogade filerna protokoll.json, signaturer.jsonl, nycklar.json och export.json.';

const fail = (problems: string[], partial: Partial<ProtokollVerification> = {}): ProtokollVerification => ({
  ok: false,
  title: null,
  sha256: null,
  caFingerprint: null,
  sealedBy: [],
  signers: [],
  ...partial,
  problems,
});

const decoder = new TextDecoder('utf-8', { fatal: true });
const utf8 = (bytes: Uint8Array): string | null => {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
};

function parseJson(bytes: Uint8Array | undefined): unknown {
  const s = bytes && utf8(bytes);
  if (!s) return undefined;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

function parseSignatures(bytes: Uint8Array): SignedEventLine[] | string {
  const s = utf8(bytes);
  if (s === null) return 'signaturer.jsonl är inte UTF-8-text.';
  const lines = s.split('\n').filter((l) => l.trim() !== '');
  const out: SignedEventLine[] = [];
  for (const [i, l] of lines.entries()) {
    let raw: unknown;
    try {
      raw = JSON.parse(l);
    } catch {
      return `Rad ${i + 1} i signaturer.jsonl är inte giltig JSON.`;
    }
    const line = SignedEventLine.safeParse(raw);
    if (!line.success) return `Rad ${i + 1} i signaturer.jsonl har inte formen {"body", "sig"}.`;
    out.push(line.data);
  }
  return out;
}

const toSigner = (c: AttestationCheck): VerifiedSigner => {
  const when = c.at ? stockholmDateTime(c.at) : null;
  return { name: c.name, role: c.roleLabel, time: when ? `${when.date} ${when.time}` : '', fingerprint: c.fingerprint ?? '' };
};

async function readPdf(bytes: Uint8Array): Promise<{ files: Map<string, Uint8Array>; pages: string[] } | string> {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  if (bytes.byteLength === 0) return 'Filen är tom.';
  if (!head.includes('%PDF-')) return 'Filen är inte en PDF.';
  let task: Awaited<ReturnType<typeof openPdf>> | undefined;
  try {
    task = await openPdf(bytes);
    const doc = await task.promise;
    const attachments = ((await doc.getAttachments()) ?? {}) as Record<string, { filename: string; content: Uint8Array }>;
    const files = new Map<string, Uint8Array>();
    for (const a of Object.values(attachments)) files.set(a.filename, a.content);
    const pages: string[] = [];
    if (files.has(FILE_NAMES.export)) {
      // Only our own files get their text read: a foreign PDF is refused on its attachments alone.
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
        page.cleanup();
      }
    }
    return { files, pages };
  } catch (err) {
    if ((err as Error | undefined)?.name === 'PasswordException') return 'PDF-filen är krypterad. Ett signerat protokoll är aldrig krypterat.';
    return 'PDF-filen är skadad eller ofullständig och går inte att läsa.';
  } finally {
    await task?.destroy();
  }
}

export async function verifyProtokollPdf(bytes: Uint8Array, opts: VerifyOptions = {}): Promise<ProtokollVerification> {
  try {
    return await verifyInner(bytes, normalisePin(opts.caFingerprint));
  } catch (err) {
    return fail([`Filen kunde inte kontrolleras: ${(err as Error).message}`]);
  }
}

/** Accepts the fingerprint as printed (groups of four, any case, colons). */
export function normalisePin(pin: string | null | undefined): string | null {
  const hex = (pin ?? '').replace(/[\s:]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

/** The PAdES layer and the anchoring of each attestation's key in a certificate of the pinned CA. */
function anchorProblems(pades: PadesReport, checks: AttestationCheck[], facts: ExportFacts, pin: string | null): string[] {
  const problems: string[] = [];
  if (!pin) {
    const named = facts.caFingerprint ?? pades.caFingerprints[0];
    problems.push(
      `Förbundets CA är inte angiven, så det går inte att avgöra vem som har signerat. ${named ? `Protokollet anger CA:n ${named}: jämför med förbundets publicerade fingeravtryck och ange det.` : 'Filen anger ingen CA.'}`,
    );
    return problems;
  }
  if (facts.caFingerprint && facts.caFingerprint !== pin) problems.push(`Protokollet anger en annan CA (${facts.caFingerprint.slice(0, 16)}…) än förbundets CA (${pin.slice(0, 16)}…).`);
  problems.push(...pades.problems);
  for (const c of checks) {
    if (!c.author || !c.fingerprint) continue;
    if (!pades.certified.some((s) => s.personId === c.author && s.deviceKey === c.fingerprint)) {
      problems.push(`Signaturen från ${c.name}: nyckeln ${c.fingerprint.slice(0, 16)}… har inget certifikat från förbundets CA för den personen.`);
    }
  }
  return problems;
}

async function verifyInner(bytes: Uint8Array, pin: string | null): Promise<ProtokollVerification> {
  const read = await readPdf(bytes);
  if (typeof read === 'string') return fail([read]);
  const { files, pages } = read;

  if (!files.has(FILE_NAMES.export)) return fail([NOT_OURS]);
  const factsResult = ExportFactsSchema.safeParse(parseJson(files.get(FILE_NAMES.export)));
  if (!factsResult.success) return fail(['Den bifogade filen export.json är ändrad eller skadad.']);
  const facts: ExportFacts = factsResult.data;

  const problems: string[] = [];
  const docName = facts.variant === 'signed' ? FILE_NAMES.protokoll : FILE_NAMES.publicProtokoll;
  const docBytes = files.get(docName);
  const sigBytes = files.get(FILE_NAMES.signatures);
  const keyBytes = files.get(FILE_NAMES.keys);
  const missing = [docBytes ? null : docName, sigBytes ? null : FILE_NAMES.signatures, keyBytes ? null : FILE_NAMES.keys].filter(Boolean);
  if (missing.length > 0) return fail([`Den bifogade filen ${missing.join(', ')} saknas. Protokollet kan inte kontrolleras.`]);

  const docText = utf8(docBytes!);
  const docResult = ProtokollDocumentSchema.safeParse(parseJson(docBytes));
  if (!docResult.success || docText === null) return fail([`Den bifogade filen ${docName} är ändrad eller skadad: den är inte ett protokoll.`]);
  const doc: ProtokollDocument = docResult.data;
  const title = `Protokoll ${doc.organ} ${doc.meeting.date}, §§ ${doc.paragraphRange.from}–${doc.paragraphRange.to}`;
  // Canonical form leaves one reading of the bytes (no duplicate keys, one key order): what was hashed is what is shown.
  if (canonicalJson(JSON.parse(docText)) !== docText) problems.push(`Den bifogade filen ${docName} är ändrad: den är inte längre i kanonisk form.`);

  const hash = bytesToHex(sha256(docBytes!));
  const signedHash = facts.variant === 'signed' ? hash : facts.sha256;
  if (facts.variant === 'signed' && facts.sha256 !== hash) problems.push('export.json anger en annan kontrollsumma än den inbäddade protokoll.json har.');

  const lines = parseSignatures(sigBytes!);
  const signersResult = SignersFile.safeParse(parseJson(keyBytes));
  if (typeof lines === 'string') problems.push(`Den bifogade filen signaturer.jsonl är ändrad eller skadad: ${lines}`);
  if (!signersResult.success) problems.push('Den bifogade filen nycklar.json är ändrad eller skadad.');
  if (typeof lines === 'string' || !signersResult.success) return fail(problems, { title, sha256: hash });

  const report = checkAttestations(doc, signedHash, lines, signersResult.data);
  problems.push(...report.problems);
  const pades = await checkPades(bytes, pin);
  // The public version is an unsigned copy (said first, below): its PAdES layer is not what makes it trustworthy.
  if (facts.variant === 'signed') problems.push(...anchorProblems(pades, report.checks, facts, pin));

  // The anslag date decides laga kraft: it must be the one the förbundschef or secretary signed (issue #13).
  const anslag = checkAnslag(doc, facts.anslag, signersResult.data, report.checks);
  problems.push(...anslag.problems);
  if (facts.variant === 'signed' && pin) problems.push(...anchorAnslag(anslag.poster, pades));

  const definition = protokollDefinition(doc, report, facts);
  const info = definition.info ?? {};
  const structure = await readStructure(bytes).catch(() => null);
  if (!structure) problems.push('PDF-filens uppbyggnad går inte att läsa.');
  else problems.push(...structureProblems(structure, { title: info.title ?? '', author: info.author ?? '', subject: info.subject ?? '', keywords: info.keywords ?? '' }));

  const mismatch = compareVisibleText(expectedText(definition), pages);
  if (mismatch) {
    const where = mismatch.kind === 'furniture' ? `sidhuvudet eller sidfoten på sidan ${mismatch.page}` : `texten på sidan ${mismatch.page}`;
    problems.push(`Den synliga texten stämmer inte med det signerade protokollet: ${where} har ändrats (väntat ”${mismatch.expected}”, i filen ”${mismatch.found}”; mellanslag borttagna).`);
  }

  if (facts.variant === 'public') {
    problems.unshift(
      `Filen är den offentliga versionen, en osignerad kopia av ett protokoll med SHA-256 ${facts.sha256}. Den innehåller inte det signerade protokollet och kan inte kontrolleras mot signaturerna. Kontrollera originalet.`,
    );
  }
  const sealedBy = pades.signatures.map((p) => ({ name: p.signer?.name ?? 'okänd', role: p.signer?.role ?? 'okänd roll', time: p.signingTime ? `${stockholmDateTime(p.signingTime).date} ${stockholmDateTime(p.signingTime).time}` : '' }));
  const unique = [...new Set(problems)];
  return { ok: unique.length === 0, title, sha256: signedHash, caFingerprint: facts.caFingerprint ?? null, sealedBy, signers: report.checks.map(toSigner), problems: unique };
}
