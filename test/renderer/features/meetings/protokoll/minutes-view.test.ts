import { describe, expect, it } from 'vitest';
import { groupedHash, justeringRecipients, protokollActions, archiveRows } from '../../../../../renderer/src/features/meetings/protokoll/protokoll-view';
import { javPreview, liveVote, voteSummary } from '../../../../../renderer/src/features/meetings/minutes/minutes-view';
import type { FederationState } from '../../../../../shared/domain/events';
import type { ItemServing, MeetingState } from '../../../../../shared/domain/meetings';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const D = '00000000-0000-4000-8000-00000000000d';

const person = (id: string, name: string) => ({ id, name, email: 'x@y.se', organisationId: null, staffRole: null, assignments: [] });
const state = { persons: { [A]: person(A, 'Anna Berg'), [B]: person(B, 'Bo Ek'), [C]: person(C, 'Cecilia Ås'), [D]: person(D, 'Dan Holm') }, meetings: {} } as unknown as FederationState;

const serving: ItemServing = {
  itemId: 'i',
  index: 3,
  deciding: [
    { personId: A, organisationId: 'o1', role: 'chair', servesFor: null },
    { personId: C, organisationId: 'o2', role: 'substitute', servesFor: B },
  ],
  substitutesNotServing: [],
  jav: [B],
  vacant: [],
  others: [],
  distance: [],
};

describe('minutes view', () => {
  it('names who serves for a jävig person in that § and writes the standard sentence', () => {
    expect(javPreview(state, serving, [B])).toEqual([
      { personId: B, substitute: C, sentence: 'Bo Ek anmäler jäv och deltar inte i handläggningen av ärendet. Cecilia Ås tjänstgör i Bo Eks ställe.' },
    ]);
    expect(javPreview(state, { ...serving, deciding: serving.deciding.slice(0, 1) }, [B])[0]!.substitute).toBeNull();
  });

  it('computes the vote live, and a tie is decided by the chair of the item', () => {
    const tie = liveVote([{ personId: A, vote: 'nej' }, { personId: C, vote: 'ja' }], serving);
    expect(tie.chairId).toBe(A);
    expect(tie.winner).toBe('nej');
    expect(voteSummary(tie)).toBe('1 ja, 1 nej, 0 avstår. Nej har vunnit med ordförandens utslagsröst.');
    const undecided = liveVote([{ personId: A, vote: 'avstar' }, { personId: C, vote: 'ja' }, { personId: D, vote: 'nej' }], serving);
    expect(undecided.winner).toBeNull();
    expect(voteSummary(undecided)).toContain('ordföranden måste rösta ja eller nej');
  });
});

function meeting(patch: Partial<MeetingState>): MeetingState {
  const doc = { signatories: { chair: { personId: A, name: 'Anna Berg' }, adjusters: [{ personId: C, name: 'Cecilia Ås' }], secretary: null }, paragraphRange: { from: 10, to: 14 } };
  return {
    id: 'm', date: '2026-03-14', startTime: '09:00', place: 'Kansliet', distance: null, videoLink: null, organ: 'Styrelsen', called: [], justering: null, firstParagraph: null, storage: null,
    agenda: [], createdBy: D, calledOn: null, absences: {}, attendance: null, records: {}, endTime: '11:00', numberedFrom: 10,
    drafts: [{ version: 1, part: 'whole', document: doc as never, sha256: 'a'.repeat(64), draftedBy: D, draftedAt: '2026-03-14T12:00:00Z', eventId: 'e1' }],
    feedback: [], attestations: [], locked: null, lockedParagraphs: {}, anslag: null, heads: [],
    ...patch,
  };
}

describe('protokoll view', () => {
  it('groups a SHA-256 in eights for reading aloud', () => {
    expect(groupedHash('0123456789abcdef'.repeat(4))).toBe('01234567 89abcdef 01234567 89abcdef 01234567 89abcdef 01234567 89abcdef');
  });

  it('sends the draft to the chair and the justerare, never to oneself', () => {
    expect(justeringRecipients(meeting({}), D)).toEqual([A, C]);
    expect(justeringRecipients(meeting({}), A)).toEqual([C]);
    expect(justeringRecipients(meeting({ drafts: [] }), D)).toEqual([]);
  });

  it('offers attestation only to the chair and justerare of the latest version, once, and not after a return', () => {
    const s = { ...state, meetings: {} } as FederationState;
    expect(protokollActions(s, meeting({}), A).attestRole).toBe('chair');
    expect(protokollActions(s, meeting({}), C).attestRole).toBe('adjuster');
    expect(protokollActions(s, meeting({}), B).attestRole).toBeNull();
    const attested = meeting({ attestations: [{ version: 1, part: 'whole', role: 'chair', personId: A, sha256: 'a'.repeat(64), at: '2026-03-15T10:00:00Z', eventId: 'e2' }] });
    expect(protokollActions(s, attested, A).attested).toBe(true);
    const returned = meeting({ feedback: [{ version: 1, kind: 'returned', personId: C, comment: 'Fel belopp', at: '2026-03-15T10:00:00Z', eventId: 'e3' }] });
    expect(protokollActions(s, returned, C).returned).toBe(true);
  });

  it('lists justerade protokoll with the recorded anslag, and laga kraft only after the appeal window', () => {
    const unposted = meeting({ locked: { version: 1, date: '2026-03-16', eventId: 'e4' } });
    const s0 = { ...state, meetings: { m: unposted } } as unknown as FederationState;
    const [row0] = archiveRows(s0, '2026-06-01');
    // Before the anslag is recorded: no appeal end, never laga kraft.
    expect(row0).toMatchObject({ paragraphs: '§§ 10–14', justeredOn: '2026-03-16', final: false, warnings: [] });
    expect(row0!.anslag).toMatchObject({ postedOn: null, latestPosting: '2026-03-18', appealEnds: null });
    const locked = meeting({ locked: { version: 1, date: '2026-03-16', eventId: 'e4' }, anslag: { postedOn: '2026-03-18', by: D, eventId: 'e5' } });
    const s = { ...state, meetings: { m: locked } } as unknown as FederationState;
    const [row] = archiveRows(s, '2026-04-01');
    expect(row).toMatchObject({ final: false });
    expect(row!.anslag.appealEnds).toBe('2026-04-08');
    expect(archiveRows(s, '2026-04-09')[0]!.final).toBe(true);
  });

  it('warns in the archive when a protokoll was justerat more than 14 days after the meeting or posted late', () => {
    const late = meeting({ locked: { version: 1, date: '2026-03-30', eventId: 'e4' }, anslag: { postedOn: '2026-04-02', by: D, eventId: 'e5' } });
    const s = { ...state, meetings: { m: late } } as unknown as FederationState;
    expect(archiveRows(s, '2026-04-03')[0]!.warnings).toEqual([
      'Protokollet justerades 2026-03-30, mer än 14 dagar efter sammanträdet (senast 2026-03-28).',
      'Anslaget sattes upp 2026-04-02, senare än den andra dagen efter justeringen (senast 2026-04-01, kommunallagen 8 kap. 12 §).',
    ]);
  });
});
