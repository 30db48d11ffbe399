import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fold } from '../../../../../shared/domain/events';
import type { VerifiedEvent } from '../../../../../shared/domain/log/signed-event';
import { laptop, setUpForbund, type Laptop } from '../../../../helpers/federation-fixture';
import { application, budget } from '../../../shared/domain/applications/fixtures';

/**
 * `state.get` (issue #16): the renderer reads the main side's kept state
 * instead of folding a copy of the log. It must be what a full fold says,
 * cost nothing when unchanged, show a waiting key's own changes, and leave
 * the bulky audit trails to `state.history`.
 */

async function fullFold(l: Laptop, assumeAccepted?: string) {
  const session = await l['session.get']({});
  const { events } = await l['log.list']({ afterSeq: 0 });
  const verified: VerifiedEvent[] = events.map((e) => ({ id: e.id, body: JSON.parse(e.body), line: { body: e.body, sig: e.sig } }));
  return fold(verified, { genesisId: session.forbund!.genesisId, ...(assumeAccepted ? { assumeAccepted } : {}) });
}

describe('state.get', () => {
  it('is the full fold without the audit trails, unchanged costs nothing, and a change gives a new revision', async () => {
    const director = await laptop('sv-director');
    const { lena } = await setUpForbund(director);
    const first = await director['state.get']({ since: null });
    const folded = await fullFold(director);
    expect(first.view).not.toBeNull();
    const { history, ...rest } = first.view!.state;
    const { history: fullHistory, ...foldedRest } = folded;
    expect(rest).toEqual(foldedRest);
    // Only the keys' own (small) trails travel; every other trail is asked for by item.
    expect(Object.keys(history).every((k) => k in folded.keys)).toBe(true);
    expect(fullHistory[lena]?.length).toBeGreaterThan(0);
    expect(history[lena]).toBeUndefined();
    expect((await director['state.history']({ subjectId: lena })).entries).toEqual(fullHistory[lena]);
    expect(first.view!.eventCount).toBe((await director['log.list']({ afterSeq: 0 })).events.length);

    expect(await director['state.get']({ since: first.revision })).toEqual({ revision: first.revision, view: null });
    await director['log.append']({ type: 'person.updated', payload: { id: lena, name: 'Lena Lind' }, prev: [] });
    const next = await director['state.get']({ since: first.revision });
    expect(next.revision).not.toBe(first.revision);
    // Only what changed travels: Lena, not the other persons, nor anything of the applications, meetings, keys …
    expect(next.view!.complete).toBe(false);
    expect(Object.keys(next.view!.state)).toEqual([]);
    expect(Object.keys(next.view!.items!)).toEqual(['persons']);
    expect(Object.keys(next.view!.items!['persons']!.changed)).toEqual([lena]);
    // The ids travel only when they change (issue #16: an action costs what it touches, not the section's size).
    expect(next.view!.items!['persons']!.ids).toBeUndefined();
    expect((next.view!.items!['persons']!.changed[lena] as { name: string }).name).toBe('Lena Lind');
    // Merged onto what the renderer held, it is the full fold again.
    const merged = { ...first.view!.state, persons: { ...first.view!.state.persons, ...next.view!.items!['persons']!.changed } };
    const { history: _h, ...mergedRest } = merged;
    const { history: _f, ...refolded } = await fullFold(director);
    expect(mergedRest).toEqual(refolded);
    // Asked from nothing, or from a revision it no longer knows, it answers with everything.
    expect((await director['state.get']({ since: null })).view!.complete).toBe(true);
    expect((await director['state.get']({ since: 'x:1:y' })).view!.complete).toBe(true);
  });

  it('while my key waits, shows my own changes as pending in a preview where my key counts; held and refused stay real', async () => {
    const director = await laptop('sv-director2');
    const { af, kommun } = await setUpForbund(director);
    // A ledamot whose term has begun (the fixture's start in 2027).
    const lena = randomUUID();
    const assignments = [{ role: 'member', organisationId: kommun, from: '2026-01-01', to: '2030-12-31' }];
    await director['log.append']({ type: 'person.added', payload: { id: lena, name: 'Maja Ledamot', email: 'maja@example.se', organisationId: kommun, staffRole: null, assignments }, prev: [] });
    const app = application({ parties: [af, kommun], ownerId: af, contact: { name: 'Karin Rangin', role: 'Förbundssamordnare', organisationId: kommun }, attachments: [], budget: budget().map((l) => ({ ...l, coFinancing: [] })) });
    await director['log.append']({ type: 'application.registered', payload: app as unknown as Record<string, unknown>, prev: [] });
    const invitation = await director['invitations.export']({ personId: lena });
    const member = await laptop('sv-lena');
    const preview = await member['packages.preview']({ fileName: invitation.fileName, bytes: invitation.bytes });
    await member['packages.apply']({ previewId: preview.previewId, asPerson: lena });
    const myKey = (await member['session.get']({})).device!.fingerprint;

    const jav = await member['log.append']({ type: 'question.asked', payload: { id: randomUUID(), applicationId: app.id, text: 'Hur rekryteras deltagarna?' }, prev: [] });
    const { view } = await member['state.get']({ since: null });
    // My question, after what joining made (the request for a PDF-signing certificate), all signed with my waiting key.
    expect(view!.pending.at(-1)?.eventId).toBe(jav.id);
    expect(view!.pending.every((p) => view!.state.held.some((h) => h.eventId === p.eventId && h.fingerprint === myKey))).toBe(true);
    expect(view!.pending.at(-1)).toMatchObject({ type: 'question.asked', payload: { applicationId: app.id, text: 'Hur rekryteras deltagarna?' } });
    // Shown where it belongs…
    expect(JSON.stringify(view!.state.applications[app.id])).toContain('Hur rekryteras deltagarna?');
    // …while the real fold still holds it, and says so.
    const real = await fullFold(member);
    expect(JSON.stringify(real.applications[app.id])).not.toContain('Hur rekryteras deltagarna?');
    expect(view!.state.held).toEqual(real.held);
    expect(view!.state.held.some((h) => h.eventId === jav.id && h.keyStatus === 'pending')).toBe(true);
    expect(view!.state.refused).toEqual(real.refused);
    const { history: _h, ...shown } = view!.state;
    const { history: _p, held: _held, refused: _refused, ...previewed } = await fullFold(member, myKey);
    expect({ ...shown, held: undefined, refused: undefined }).toEqual({ ...previewed, held: undefined, refused: undefined });
    expect(view!.eventsByKey[myKey]).toBeGreaterThanOrEqual(3);
  });
});
