import { z } from 'zod';
import { swedishDate } from '../../../../shared/domain/format';
import type { SignedEventLine } from '../../../../shared/domain/log/signed-event';
import { finalFromPosting } from '../../../../shared/domain/meetings/anslag';
import type { ProtokollDocument } from '../../../../shared/domain/meetings/protokoll-document';
import { parseEventLine } from '../../identity/events';
import type { PadesReport } from '../../pki/pades-verify';
import { signatureProblems, stockholmDateTime, type AttestationCheck, type SignerInfo } from './protokoll-attestations';

/**
 * The anslag in an exported protokoll (issue #13). The posting day decides
 * the appeal window and laga kraft, so the file carries the signed event that
 * recorded it (`anslag.posted`, by the förbundschef or the secretary) and
 * `verify` holds the dates in export.json to it: whoever can seal a PDF
 * cannot move the date without that person's signature.
 */

export const ANSLAG_TYPE = 'anslag.posted';
/** The roles a certificate names for the people who may record the anslag (STAFF_ROLE_LABEL, lower case). */
export const ANSLAG_ROLES = ['förbundschef', 'sekreterare'] as const;

const Payload = z.object({ meetingId: z.string(), postedOn: z.string(), part: z.number().optional() }).strict();

export interface AnslagFactsInFile {
  postedOn: string | null;
  takenDownOn: string | null;
  /** The signed `anslag.posted` event, present whenever postedOn is. */
  event?: SignedEventLine;
}

export interface AnslagCheck {
  problems: string[];
  /** Who recorded it (person id and key fingerprint), for anchoring in a certificate; null without a readable event. */
  poster: { personId: string; key: string } | null;
}

/** The day the protokoll was justerat: the last whole attestation that holds, in Swedish time. */
function justeredOn(checks: AttestationCheck[]): string | null {
  const days = checks.filter((c) => c.holds && c.part === 'whole' && c.at).map((c) => stockholmDateTime(c.at!).date);
  return days.length > 0 ? days.sort().at(-1)! : null;
}

export function checkAnslag(doc: ProtokollDocument, anslag: AnslagFactsInFile, signers: Record<string, SignerInfo>, checks: AttestationCheck[]): AnslagCheck {
  const { postedOn, takenDownOn, event } = anslag;
  if (postedOn === null) {
    return { problems: event ? ['export.json har en registrering av anslaget men inget datum för anslaget.'] : [], poster: null };
  }
  const problems: string[] = [];
  const expectedDown = finalFromPosting(postedOn);
  if (takenDownOn !== expectedDown) {
    problems.push(`Anslagets datum stämmer inte: ett anslag som sattes upp ${postedOn} tas ned ${expectedDown}, efter tre veckors överklagandetid (kommunallagen 13 kap. 5 §), men filen anger ${takenDownOn ?? 'inget datum'}.`);
  }
  if (!event) {
    problems.push(`Anslagets datum ${postedOn} styrks inte av någon signatur: den signerade registreringen av anslaget saknas i filen.`);
    return { problems, poster: null };
  }
  const parsed = parseEventLine(JSON.stringify(event));
  if (!parsed.ok) return { problems: [...problems, `Registreringen av anslaget går inte att läsa: ${parsed.detail}.`], poster: null };
  const { body } = parsed;
  const who = 'Registreringen av anslaget';
  problems.push(...signatureProblems(parsed.line, body, signers, who));
  const payload = body.type === ANSLAG_TYPE ? Payload.safeParse(body.payload) : null;
  if (!payload?.success) {
    problems.push(`${who} är ingen registrering av ett anslag (händelsetypen ${body.type}).`);
    return { problems, poster: { personId: body.author, key: body.key } };
  }
  const p = payload.data;
  if (body.forbund !== doc.forbund.id) problems.push(`${who} gäller ett annat förbund.`);
  if (p.meetingId !== doc.meeting.id || p.part !== undefined) problems.push(`${who} gäller ${p.part !== undefined ? `§ ${p.part} av ` : ''}ett annat sammanträde än protokollet.`);
  if (p.postedOn !== postedOn) problems.push(`Anslagets datum ${postedOn} styrks inte: den signerade registreringen anger att anslaget sattes upp ${p.postedOn}.`);
  const justered = justeredOn(checks);
  if (justered && postedOn < justered) problems.push(`Anslaget kan inte ha satts upp ${postedOn}, före justeringen ${justered}.`);
  const recorded = swedishDate(body.at);
  if (recorded && postedOn > recorded) problems.push(`${who} gjordes ${recorded}, före dagen den anger att anslaget sattes upp (${postedOn}).`);
  return { problems, poster: { personId: body.author, key: body.key } };
}

/** The poster's key must be named, for that person and as förbundschef or sekreterare, in a certificate of the pinned CA. */
export function anchorAnslag(poster: AnslagCheck['poster'], pades: PadesReport): string[] {
  if (!poster) return [];
  const certified = pades.certified.find((s) => s.personId === poster.personId && s.deviceKey === poster.key);
  if (!certified) return [`Registreringen av anslaget: nyckeln ${poster.key.slice(0, 16)}… har inget certifikat från förbundets CA för den personen.`];
  if (!(ANSLAG_ROLES as readonly string[]).includes(certified.role)) {
    return [`Registreringen av anslaget är signerad av ${certified.name} (${certified.role}); anslaget registreras av förbundschefen eller sekreteraren.`];
  }
  return [];
}
