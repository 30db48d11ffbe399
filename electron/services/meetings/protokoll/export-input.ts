import { AppError } from '../../../../shared/contract';
import type { FederationState } from '../../../../shared/domain/events';
import { STAFF_ROLE_LABEL } from '../../../../shared/domain/forbund/model';
import type { SignedEventLine } from '../../../../shared/domain/log/signed-event';
import { ATTESTATION_ROLE_LABEL, anslagOf, draftVersion, type DraftPart, type LockRecord, type ProtokollDocument } from '../../../../shared/domain/meetings';

/**
 * What the signed-protokoll renderer needs, gathered from the folded state and
 * the event store: the justerat version's document, the exact signed
 * attestation lines, the signers' public keys and the anslag dates. Kept apart
 * from the PDF code so it can be tested without rendering.
 */
export interface ProtokollExportInput {
  document: ProtokollDocument;
  attestations: SignedEventLine[];
  signers: Record<string, { name: string; role: string; publicKeyPem: string }>;
  /** The recorded anslag; null dates while it is not posted (the BEVIS block is left unfilled). `event` is the signed record of it. */
  anslag: { postedOn: string | null; takenDownOn: string | null; event?: SignedEventLine };
  lock: LockRecord;
}

export function protokollExportInput(state: FederationState, lineOf: (eventId: string) => SignedEventLine | null, meetingId: string, part: DraftPart = 'whole'): ProtokollExportInput {
  const m = state.meetings[meetingId];
  if (!m) throw new AppError('not_found', 'Sammanträdet finns inte på den här datorn.');
  const lock = part === 'whole' ? m.locked : (m.lockedParagraphs[String(part)] ?? null);
  if (!lock) {
    throw new AppError(
      'bad_request',
      part === 'whole'
        ? 'Protokollet är inte justerat ännu. Det signerade protokollet kan exporteras när ordföranden och alla justerare har justerat det.'
        : `§ ${part} är inte justerad ännu.`,
    );
  }
  const draft = draftVersion(m, lock.version);
  if (!draft) throw new AppError('internal', 'Den justerade versionen av protokollet saknas.');
  const attestations: SignedEventLine[] = [];
  const signers: ProtokollExportInput['signers'] = {};
  for (const a of m.attestations.filter((x) => x.version === lock.version && x.part === draft.part)) {
    const line = lineOf(a.eventId);
    if (!line) throw new AppError('internal', 'En justering saknas i händelseloggen.');
    attestations.push(line);
    const fingerprint = (JSON.parse(line.body) as { key: string }).key;
    const key = state.keys[fingerprint];
    if (!key || key.personId !== a.personId) throw new AppError('internal', `Nyckeln som ${state.persons[a.personId]?.name ?? 'en justerare'} justerade med saknas.`);
    signers[key.fingerprint] = { name: state.persons[a.personId]?.name ?? 'okänd', role: ATTESTATION_ROLE_LABEL[a.role].toLowerCase(), publicKeyPem: key.publicKeyPem };
  }
  const dates = part === 'whole' ? anslagOf(state, meetingId) : null;
  const posted = part === 'whole' ? m.anslag : null;
  if (!dates?.postedOn || !posted) return { document: draft.document, attestations, signers, anslag: { postedOn: null, takenDownOn: null }, lock };
  // The signed record of the posting day travels with it, and the key that signed it, so `verify` can hold the dates to it.
  const event = lineOf(posted.eventId);
  if (!event) throw new AppError('internal', 'Registreringen av anslaget saknas i händelseloggen.');
  const fingerprint = (JSON.parse(event.body) as { key: string }).key;
  const key = state.keys[fingerprint];
  const poster = state.persons[posted.by];
  if (!key || key.personId !== posted.by) throw new AppError('internal', `Nyckeln som ${poster?.name ?? 'anslaget'} registrerades med saknas.`);
  signers[key.fingerprint] ??= { name: poster?.name ?? 'okänd', role: poster?.staffRole ? STAFF_ROLE_LABEL[poster.staffRole].toLowerCase() : 'okänd roll', publicKeyPem: key.publicKeyPem };
  return { document: draft.document, attestations, signers, anslag: { postedOn: dates.postedOn, takenDownOn: dates.finalFrom, event }, lock };
}
