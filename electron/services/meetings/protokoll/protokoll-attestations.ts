import { z } from 'zod';
import { Hex64, type EventBody, type SignedEventLine } from '../../../../shared/domain/log/signed-event';
import type { ProtokollDocument } from '../../../../shared/domain/meetings/protokoll-document';
import { parseEventLine, verifyEventLine } from '../../identity/events';
import { fingerprint, parseEd25519PublicKey } from '../../identity/keys';

/**
 * Checks the attestations (`protokoll.attested` events) that travel with a
 * signed protokoll, for the signature page (renderer) and for `verify`: the
 * same code decides "håller" on both sides, so the page the chair exports and
 * the verdict of `verify` cannot drift apart.
 */

export const ATTESTED_TYPE = 'protokoll.attested';

/** The attestation payload as the meetings domain defines it (BRIEF: shared interfaces). */
export const AttestationPayload = z
  .object({
    meetingId: z.string().uuid(),
    version: z.number().int().min(1),
    sha256: Hex64,
    role: z.enum(['chair', 'adjuster']),
    part: z.union([z.literal('whole'), z.number().int().min(1)]),
  })
  .strict();
export type AttestationPayload = z.infer<typeof AttestationPayload>;

/** What nycklar.json says about a key (by fingerprint). Name and role are for display; the signed document decides who may sign. */
export interface SignerInfo {
  name: string;
  /** Swedish, e.g. "ordförande", "justerare". */
  role: string;
  publicKeyPem: string;
}

export const SignerInfoSchema = z.object({ name: z.string().min(1).max(200), role: z.string().min(1).max(200), publicKeyPem: z.string().min(1).max(2000) }).strict();
export const SignersFile = z.record(Hex64, SignerInfoSchema);

export const ROLE_LABEL: Record<AttestationPayload['role'], string> = { chair: 'Ordförande', adjuster: 'Justerare' };

export interface AttestationCheck {
  /** 1-based position in signaturer.jsonl. */
  index: number;
  /** Name from the signed protokoll (the signatory, by person id), else "okänd": never from nycklar.json, which is not signed. */
  name: string;
  roleLabel: string;
  /** The person who attested (event author), or null when the line is unreadable. */
  author: string | null;
  /** Wall time of the attestation (event `at`), ISO. */
  at: string | null;
  fingerprint: string | null;
  part: AttestationPayload['part'] | null;
  holds: boolean;
  /** Swedish reasons it does not hold (empty when it does). */
  problems: string[];
}

export interface AttestationReport {
  checks: AttestationCheck[];
  /** Every problem, attestation by attestation, then what is missing (chair, a justerare). */
  problems: string[];
}

const short = (hex: string): string => `${hex.slice(0, 16)}…`;

function signatoryRole(doc: ProtokollDocument, personId: string): AttestationPayload['role'] | null {
  if (doc.signatories.chair.personId === personId) return 'chair';
  return doc.signatories.adjusters.some((a) => a.personId === personId) ? 'adjuster' : null;
}

function signatoryName(doc: ProtokollDocument, personId: string): string | null {
  const all = [doc.signatories.chair, ...doc.signatories.adjusters];
  return all.find((p) => p.personId === personId)?.name ?? null;
}

/**
 * Whether a signed event holds with the key nycklar.json gives for its
 * fingerprint (the key itself is anchored elsewhere, by the CA). `who` starts
 * each reason, e.g. "Signaturen från Åsa Öberg".
 */
export function signatureProblems(line: SignedEventLine, body: EventBody, signers: Record<string, SignerInfo>, who: string): string[] {
  const signer = Object.hasOwn(signers, body.key) ? signers[body.key] : undefined;
  if (!signer) return [`${who}: nyckeln ${short(body.key)} saknas i nycklar.json.`];
  const key = parseEd25519PublicKey(signer.publicKeyPem);
  if (!key) return [`${who}: nyckeln i nycklar.json är ingen giltig Ed25519-nyckel.`];
  if (fingerprint(key) !== body.key) return [`${who}: nyckeln i nycklar.json har inte fingeravtrycket ${short(body.key)}.`];
  if (!verifyEventLine(line, key)) return [`${who} håller inte: den stämmer inte med nyckeln ${short(body.key)}.`];
  return [];
}

function checkOne(
  index: number,
  line: SignedEventLine,
  doc: ProtokollDocument,
  docHash: string,
  signers: Record<string, SignerInfo>,
): AttestationCheck & { body: EventBody | null; payload: AttestationPayload | null } {
  const problems: string[] = [];
  const parsed = parseEventLine(JSON.stringify(line));
  if (!parsed.ok) {
    return { index, name: 'okänd', roleLabel: 'okänd roll', author: null, at: null, fingerprint: null, part: null, holds: false, problems: [`Signatur ${index} går inte att läsa: ${parsed.detail}.`], body: null, payload: null };
  }
  const { body } = parsed;
  const name = signatoryName(doc, body.author) ?? 'okänd';
  const who = `Signaturen från ${name}`;
  const payloadResult = AttestationPayload.safeParse(body.payload);
  const payload = body.type === ATTESTED_TYPE && payloadResult.success ? payloadResult.data : null;
  if (!payload) problems.push(`${who} är ingen justering av ett protokoll (händelsetypen ${body.type}).`);
  problems.push(...signatureProblems(parsed.line, body, signers, who));
  if (body.forbund !== doc.forbund.id) problems.push(`${who} gäller ett annat förbund.`);
  if (payload) {
    if (payload.meetingId !== doc.meeting.id) problems.push(`${who} gäller ett annat sammanträde.`);
    if (payload.version !== doc.version) problems.push(`${who} gäller version ${payload.version} av protokollet, men det inbäddade protokollet är version ${doc.version}.`);
    if (payload.sha256 !== docHash) {
      problems.push(`${who} gäller ett protokoll med SHA-256 ${short(payload.sha256)}, men det inbäddade protokollet har SHA-256 ${short(docHash)}.`);
    }
    const role = signatoryRole(doc, body.author);
    if (role === null) problems.push(`${who}: personen är varken ordförande eller justerare för protokollet.`);
    else if (role !== payload.role) problems.push(`${who}: signaturen anger rollen ${ROLE_LABEL[payload.role].toLowerCase()}, men personen är ${ROLE_LABEL[role].toLowerCase()}.`);
  }
  return {
    index,
    name,
    roleLabel: payload ? ROLE_LABEL[payload.role] : 'okänd roll',
    author: body.author,
    at: body.at,
    fingerprint: body.key,
    part: payload?.part ?? null,
    holds: problems.length === 0,
    problems,
    body,
    payload,
  };
}

/**
 * Checks every attestation against the document and its hash, then that the
 * chair and every justerare attested the whole protokoll with a signature that
 * holds. Never throws on bad input.
 */
export function checkAttestations(
  doc: ProtokollDocument,
  docHash: string,
  lines: SignedEventLine[],
  signers: Record<string, SignerInfo>,
): AttestationReport {
  const results = lines.map((line, i) => checkOne(i + 1, line, doc, docHash, signers));
  const problems = results.flatMap((r) => r.problems);
  const attestedWhole = (personId: string, role: AttestationPayload['role']): boolean =>
    results.some((r) => r.holds && r.body?.author === personId && r.payload?.role === role && r.payload.part === 'whole');
  if (!attestedWhole(doc.signatories.chair.personId, 'chair')) {
    problems.push(`Ordföranden ${doc.signatories.chair.name} har inte justerat protokollet med en signatur som håller.`);
  }
  for (const adjuster of doc.signatories.adjusters) {
    if (!attestedWhole(adjuster.personId, 'adjuster')) problems.push(`Justeraren ${adjuster.name} har inte justerat protokollet med en signatur som håller.`);
  }
  const checks = results.map(({ body: _body, payload: _payload, ...check }) => check);
  return { checks, problems };
}

/** The lines of signaturer.jsonl: one `{"body","sig"}` JSON object a line, ending in a newline. */
export function attestationsJsonl(lines: SignedEventLine[]): string {
  return lines.map((l) => `${JSON.stringify({ body: l.body, sig: l.sig })}\n`).join('');
}

const pad = (n: string | undefined): string => (n ?? '00').padStart(2, '0');

/**
 * Date and time in Swedish time (Europe/Stockholm), whatever the zone of the
 * computer: the signature page is derived again by `verify`, perhaps on a
 * laptop in another zone, and must come out the same.
 */
export function stockholmDateTime(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return { date: '', time: '' };
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Stockholm',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`, time: `${pad(parts.hour)}.${pad(parts.minute)}` };
}

/** A fingerprint in groups of four, upper case, for reading aloud and comparing by eye; `perLine` groups a line. */
export function groupedFingerprint(hex: string, perLine = Infinity): string {
  const groups = hex.toUpperCase().match(/.{1,4}/g) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += Math.min(perLine, groups.length)) lines.push(groups.slice(i, i + perLine).join(' '));
  return lines.join('\n');
}

/** "Åsa Öberg" → "ÅÖ"; for the "Justerandes signatur" box. */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toLocaleUpperCase('sv'))
    .join('');
}
