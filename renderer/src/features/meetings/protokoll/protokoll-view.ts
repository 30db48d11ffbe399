import type { FederationState } from '../../../../../shared/domain/events';
import { swedishDate } from '../../../../../shared/domain/format';
import {
  anslagDates,
  attestationStatus,
  lateAnslagWarning,
  lateJusteringWarning,
  draftProblem,
  hasSecretaryRole,
  isFinal,
  latestDraft,
  meetingStatus,
  meetingsInOrder,
  paragraphNumbers,
  type AnslagDates,
  type DraftPart,
  type MeetingState,
  type MeetingStatus,
} from '../../../../../shared/domain/meetings';

/** Pure view logic of the Protokoll section: who may do what now, the archive rows, hashes for reading. */

/** "3f2a9c01 77b4e0d2 …": a SHA-256 in groups of eight, so it can be compared by eye or read aloud. */
export function groupedHash(hex: string): string {
  return (hex.match(/.{1,8}/g) ?? []).join(' ');
}

export interface ProtokollActions {
  /** Secretary role on the meeting date. */
  secretary: boolean;
  /** "Skapa protokollsutkast" possible now, or the Swedish reason it is not. */
  canDraft: boolean;
  draftBlocked: string | null;
  /** The role this person attests in, in the latest version (chair or adjuster), if any. */
  attestRole: 'chair' | 'adjuster' | null;
  /** Already attested the latest version. */
  attested: boolean;
  /** The latest version was sent back. */
  returned: boolean;
  locked: boolean;
}

export function protokollActions(state: FederationState, m: MeetingState, me: string | null, part: DraftPart = 'whole'): ProtokollActions {
  const secretary = me !== null && hasSecretaryRole(state, me, m.date);
  const draft = latestDraft(m, part);
  const locked = part === 'whole' ? m.locked !== null : m.lockedParagraphs[String(part)] !== undefined;
  const returned = draft !== undefined && m.feedback.some((f) => f.kind === 'returned' && f.version === draft.version);
  // A new draft only when there is none yet, or the latest was sent back (corrected minutes), never once justerat.
  const needsDraft = !locked && (draft === undefined || returned);
  const problem = needsDraft ? draftProblem(state, m, part) : null;
  const sig = draft?.document.signatories;
  const attestRole: ProtokollActions['attestRole'] = me === null || !sig ? null : sig.chair.personId === me ? 'chair' : sig.adjusters.some((a) => a.personId === me) ? 'adjuster' : null;
  const attested = draft !== undefined && m.attestations.some((a) => a.version === draft.version && a.part === part && a.personId === me);
  return { secretary, canDraft: secretary && needsDraft && problem === null, draftBlocked: needsDraft ? problem : null, attestRole, attested, returned, locked };
}

/** Recipients for "Skicka för justering": the chair and every justerare of the latest draft, not oneself. */
export function justeringRecipients(m: MeetingState, me: string | null, part: DraftPart = 'whole'): string[] {
  const sig = latestDraft(m, part)?.document.signatories;
  if (!sig) return [];
  return [...new Set([sig.chair.personId, ...sig.adjusters.map((a) => a.personId)])].filter((id) => id !== '' && id !== me);
}

export interface ArchiveRow {
  meetingId: string;
  date: string;
  organ: string;
  paragraphs: string;
  version: number;
  justeredOn: string;
  anslag: AnslagDates;
  final: boolean;
  /** Swedish warnings: justerat late, anslag posted late. */
  warnings: string[];
}

/** The archive: justerade protokoll, newest first, with anslag dates and whether the decisions have laga kraft on `today`. */
export function archiveRows(state: FederationState, today: string): ArchiveRow[] {
  return meetingsInOrder(state)
    .filter((m) => m.locked !== null)
    .reverse()
    .map((m) => {
      const lock = m.locked!;
      const doc = m.drafts.find((d) => d.version === lock.version)?.document;
      const anslag = anslagDates(lock.date, m.anslag?.postedOn ?? null);
      const warnings = [lateJusteringWarning(m.date, lock.date), lateAnslagWarning(anslag)].filter((w): w is string => w !== null);
      return {
        meetingId: m.id,
        date: m.date,
        organ: m.organ,
        paragraphs: doc ? `§§ ${doc.paragraphRange.from}–${doc.paragraphRange.to}` : '',
        version: lock.version,
        justeredOn: lock.date,
        anslag,
        final: anslag.postedOn !== null && isFinal(anslag.postedOn, today),
        warnings,
      };
    });
}

export interface MeetingRow {
  meetingId: string;
  date: string;
  startTime: string;
  organ: string;
  place: string;
  status: MeetingStatus;
}

export function meetingRows(state: FederationState): MeetingRow[] {
  return meetingsInOrder(state)
    .reverse()
    .map((m) => ({ meetingId: m.id, date: m.date, startTime: m.startTime, organ: m.organ, place: m.place, status: meetingStatus(state, m.id) }));
}

/** Signers of the latest version with their state, and earlier attestations that no longer count ("gäller version 1 – ogiltig efter ändring"). */
export function signerLines(state: FederationState, meetingId: string, part: DraftPart = 'whole'): { current: { personId: string; name: string; role: string; state: string; attested: boolean }[]; invalid: string[] } {
  const s = attestationStatus(state, meetingId, part);
  const current = s.signers.map((x) => ({
    name: x.name,
    role: x.role === 'chair' ? 'Ordförande' : 'Justerare',
    attested: x.attested,
    personId: x.personId,
    state: !x.attested ? 'Har inte justerat' : x.at ? `Justerat ${swedishDate(x.at)}` : 'Justerat',
  }));
  const invalid = s.attestations
    .filter((a) => !a.valid)
    .map((a) => `${state.persons[a.personId]?.name ?? 'okänd'} (${a.role === 'chair' ? 'ordförande' : 'justerare'}): gäller version ${a.version} – ogiltig efter ändring`);
  return { current, invalid };
}

/** §§ marked "justeras omedelbart" with a decision, by number, that are not justerade yet. */
export function urgentParagraphs(state: FederationState, m: MeetingState): { number: number; itemId: string; title: string; locked: boolean }[] {
  const numbers = paragraphNumbers(state, m);
  return m.agenda
    .filter((i) => m.records[i.id]?.urgent)
    .map((i) => ({ number: numbers[i.id] as number, itemId: i.id, title: i.title, locked: m.lockedParagraphs[String(numbers[i.id])] !== undefined }));
}
