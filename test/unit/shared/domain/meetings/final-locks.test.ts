import { describe, expect, it } from 'vitest';
import { fold } from '../../../../../shared/domain/events/fold';
import { EVENT_FORMAT_VERSION, type VerifiedEvent } from '../../../../../shared/domain/log/signed-event';
import { makeEventV } from '../../../../helpers/event-builder';
import { ITEM, MEETING, P, board, heldMeeting, type Scenario } from './fixtures';
import { ev } from '../../../../helpers/event-builder';

/**
 * Locks are final (issue #11): once a protokoll is justerat, an edit its
 * drafter had not seen — an offline edit that arrives later, or one given a
 * clock just below the draft's — is refused for that version and the lock,
 * the attestations and the outcomes stand.
 */

/** The scenario's events as one laptop's format-2 log: a chain, each naming the one before. */
function asChain(events: readonly VerifiedEvent[]): VerifiedEvent[] {
  const ids = new Map<string, string>();
  const out: VerifiedEvent[] = [];
  for (const e of events) {
    const before = out.at(-1);
    const next = makeEventV({
      ...e.body,
      v: EVENT_FORMAT_VERSION,
      lamport: (before?.body.lamport ?? 0) + 1,
      prev: e.body.prev.map((id) => ids.get(id) ?? id),
      after: before ? [before.id] : [],
    });
    ids.set(e.id, next.id);
    out.push(next);
  }
  return out;
}

function justerat(): { s: Scenario; events: VerifiedEvent[]; draftIndex: number } {
  const s = heldMeeting();
  s.draft(1);
  const draftIndex = s.events.length - 1;
  s.attest(P.chair, 1, 'chair');
  s.attest(P.kom, 1, 'adjuster');
  return { s, events: asChain(s.events), draftIndex };
}

describe('a justerat protokoll is final', () => {
  it('stays locked with its outcome when an edit the drafter had not seen sorts before the draft', () => {
    const { events, draftIndex } = justerat();
    const before = fold(events);
    expect(before.refused).toEqual([]);
    expect(before.meetings[MEETING]?.locked?.version).toBe(1);
    expect(before.refused).toEqual([]);
    // The secretary's offline edit of the decision, made before she saw the draft's predecessor: it sorts before the draft.
    const fork = events[draftIndex - 2]!;
    const legacy = ev(P.secretary, 'minutes.item.recorded', {
      meetingId: MEETING,
      itemId: ITEM.decision,
      decision: { outcome: 'reject', text: 'Styrelsen beslutar att avslå ansökan.', amountKr: null, period: null },
    }, 1);
    const edit = makeEventV({ ...legacy.body, v: EVENT_FORMAT_VERSION, lamport: fork.body.lamport + 1, after: [fork.id] });
    expect(edit.body.lamport).toBeLessThan(events[draftIndex]!.body.lamport);
    const after = fold([...events, edit]);
    expect(after.meetings[MEETING]?.locked?.version).toBe(1);
    expect(after.meetings[MEETING]?.attestations).toHaveLength(2);
    expect(after.meetings[MEETING]?.records[ITEM.decision]?.decision?.outcome).toBe('grant');
    expect(after.refused.map((r) => r.eventId)).toEqual([edit.id]);
    expect(after.refused[0]?.reason).toMatch(/protokollet hade redan skickats för justering/);
  });

  it('applies the same edit when the drafter had seen it (it is in the draft’s past)', () => {
    const { s } = justerat();
    // Without a draft, an edit is an ordinary edit.
    const events = asChain(s.events.slice(0, -3));
    const edit = makeEventV({
      ...ev(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, decision: { outcome: 'reject', text: 'Avslag.', amountKr: null, period: null } }, 1).body,
      v: EVENT_FORMAT_VERSION,
      lamport: events.at(-1)!.body.lamport + 1,
      after: [events.at(-1)!.id],
    });
    const state = fold([...events, edit]);
    expect(state.refused).toEqual([]);
    expect(state.meetings[MEETING]?.records[ITEM.decision]?.decision?.outcome).toBe('reject');
  });

  it('keeps a § justerad omedelbart when an edit of it that the drafter had not seen sorts before the § draft', () => {
    const s = board();
    s.add(P.secretary, 'minutes.attendance.set', { meetingId: MEETING, persons: [P.chair, P.fk, P.af, P.kom, P.secretary].map((a) => ({ personId: a.id, present: true })) });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.adjusters, adjusters: [P.kom.id] });
    s.add(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, urgent: true, decision: { outcome: 'reject', text: 'Styrelsen beslutar att avslå ansökan.' } });
    s.draft(1, 6);
    const draftIndex = s.events.length - 1;
    s.attest(P.chair, 1, 'chair', 6);
    s.attest(P.kom, 1, 'adjuster', 6);
    const events = asChain(s.events);
    const fork = events[draftIndex - 2]!;
    const edit = makeEventV({
      ...ev(P.secretary, 'minutes.item.recorded', { meetingId: MEETING, itemId: ITEM.decision, urgent: true, decision: { outcome: 'referBack', text: 'Ärendet återremitteras.' } }, 1).body,
      v: EVENT_FORMAT_VERSION,
      lamport: fork.body.lamport + 1,
      after: [fork.id],
    });
    const state = fold([...events, edit]);
    expect(state.meetings[MEETING]?.lockedParagraphs['6']).toMatchObject({ version: 1 });
    expect(state.meetings[MEETING]?.records[ITEM.decision]?.decision?.outcome).toBe('reject');
    expect(state.refused.map((r) => r.eventId)).toEqual([edit.id]);
    expect(state.refused[0]?.reason).toMatch(/protokollet hade redan skickats för justering/);
  });
});
