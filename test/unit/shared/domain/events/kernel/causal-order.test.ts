import { describe, expect, it } from 'vitest';
import { fold } from '../../../../../../shared/domain/events/fold';
import type { VerifiedEvent } from '../../../../../../shared/domain/log/signed-event';
import { application } from '../../applications/fixtures';
import { DIRECTOR, LEDAMOT, ORG, actor, pem } from '../../../../../helpers/event-builder';
import { chain, ev2, genesis2, type Actor } from '../../../../../helpers/event-builder';

/**
 * The causal order (issue #11): clocks are derived from the past an event
 * names, an event whose past is missing waits, and authority is judged
 * against what the signer had seen plus the cut-offs (role ends, revoked keys).
 */

const SECOND = actor(20, 'Stina Ny Förbundschef');
const X = actor(21, 'Xena Utsedd');

function set(events: VerifiedEvent[]) {
  return fold(events);
}

/** Genesis, one member organisation, a ledamot with a term to the end of 2026 and her key accepted. */
function base() {
  const c = chain();
  const g = c.add(genesis2(DIRECTOR));
  c.add(ev2(DIRECTOR, 'organisation.added', { id: ORG.kommun, name: 'Linköpings kommun', kind: 'municipality' }, c.heads()));
  c.add(ev2(DIRECTOR, 'organisation.added', { id: ORG.af, name: 'Arbetsförmedlingen', kind: 'employmentService' }, c.heads()));
  c.add(ev2(DIRECTOR, 'person.added', { id: LEDAMOT.id, name: LEDAMOT.name, email: LEDAMOT.email, organisationId: ORG.kommun, assignments: [{ role: 'member', organisationId: ORG.kommun, from: '2023-01-01', to: '2026-12-31' }] }, c.heads()));
  const reg = c.add(ev2(LEDAMOT, 'key.registered', { personId: LEDAMOT.id, fingerprint: LEDAMOT.key, publicKeyPem: pem(LEDAMOT.key), deviceName: 'Linas dator' }, c.heads()));
  c.add(ev2(DIRECTOR, 'key.accepted', { fingerprint: LEDAMOT.key }, c.heads(), { prev: [reg.id] }));
  return { c, g };
}

const applied = (state: ReturnType<typeof fold>, e: VerifiedEvent) => !state.refused.some((r) => r.eventId === e.id) && !state.held.some((h) => h.eventId === e.id);

describe('derived clocks', () => {
  it('refuses an event whose clock is not one more than the past it names', () => {
    const { c } = base();
    const past = c.heads();
    const good = ev2(DIRECTOR, 'federation.updated', { name: 'Nytt namn' }, past);
    const jumped = ev2(DIRECTOR, 'federation.updated', { name: 'Hoppat namn' }, past, { lamport: 2 ** 40, at: '2026-05-01T09:00:00.000Z' });
    const state = set([...c.events, good, jumped]);
    expect(applied(state, good)).toBe(true);
    expect(state.refused.find((r) => r.eventId === jumped.id)?.reason).toMatch(/klocka/);
    expect(state.federation?.name).toBe('Nytt namn');
  });

  it('holds an event whose named past is missing, with a reason, and applies it once the past arrives', () => {
    const { c } = base();
    const missing = ev2(DIRECTOR, 'federation.updated', { name: 'Mellan' }, c.heads());
    const child = ev2(DIRECTOR, 'federation.updated', { name: 'Sist' }, [missing]);
    const without = set([...c.events, child]);
    expect(without.held.find((h) => h.eventId === child.id)?.reason).toMatch(/väntar/);
    expect(without.federation?.name).not.toBe('Sist');
    const withPast = set([...c.events, child, missing]);
    expect(withPast.federation?.name).toBe('Sist');
    expect(withPast.held).toEqual([]);
  });
});

describe('authority against what the signer had seen', () => {
  it('refuses a replaced förbundschef’s backdated appointment of a new director, her key and what she does', () => {
    const { c } = base();
    // The director appoints a second director, whose key is accepted; the second then ends the first one's role.
    c.add(ev2(DIRECTOR, 'person.added', { id: SECOND.id, name: SECOND.name, email: SECOND.email, staffRole: 'director' }, c.heads()));
    const reg2 = c.add(ev2(SECOND, 'key.registered', { personId: SECOND.id, fingerprint: SECOND.key, publicKeyPem: pem(SECOND.key), deviceName: 'Stinas dator' }, c.heads()));
    c.add(ev2(DIRECTOR, 'key.accepted', { fingerprint: SECOND.key }, c.heads(), { prev: [reg2.id] }));
    const forkPoint = c.heads();
    c.add(ev2(SECOND, 'organisation.updated', { id: ORG.af, name: 'Arbetsförmedlingen Öst' }, c.heads()));
    const personHeads = c.events.filter((e) => e.body.type === 'person.added' && e.body.payload['id'] === DIRECTOR.id).map((e) => e.id);
    const replaced = c.add(ev2(SECOND, 'person.updated', { id: DIRECTOR.id, staffRole: null }, c.heads(), { prev: personHeads }));
    // The replaced director, from the fork point (not having seen her replacement): a new director, her key, its acceptance.
    const appoint = ev2(DIRECTOR, 'person.added', { id: X.id, name: X.name, email: X.email, staffRole: 'director' }, forkPoint);
    const xReg = ev2(X, 'key.registered', { personId: X.id, fingerprint: X.key, publicKeyPem: pem(X.key), deviceName: 'Xenas dator' }, [appoint]);
    const xAccept = ev2(DIRECTOR, 'key.accepted', { fingerprint: X.key }, [xReg], { prev: [xReg.id] });
    // …and later, having seen everything, the new "director" acts.
    const xActs = ev2(X, 'organisation.added', { id: ORG.fk, name: 'Falska kassan', kind: 'socialInsuranceAgency' }, [xAccept, replaced]);
    expect(appoint.body.lamport).toBeLessThan(replaced.body.lamport);
    const state = set([...c.events, appoint, xReg, xAccept, xActs]);
    expect(state.persons[DIRECTOR.id]?.staffRole).toBeNull();
    expect(state.persons[X.id]).toBeUndefined();
    expect(state.organisations[ORG.fk]).toBeUndefined();
    expect(state.refused.find((r) => r.eventId === appoint.id)?.reason).toMatch(/förbundschef/);
    for (const e of [xReg, xAccept, xActs]) expect(applied(state, e), e.body.type).toBe(false);
  });

  it('refuses a stance from a ledamot past her term who sets `at` inside the old term', () => {
    const { c } = base();
    c.add(ev2(DIRECTOR, 'application.registered', application({ receivedOn: '2026-01-15' }), c.heads(), { at: '2026-02-01T09:00:00.000Z' }));
    // The förbundschef records something in 2027: the ledamot's term (to 2026-12-31) has ended.
    c.add(ev2(DIRECTOR, 'federation.updated', { name: 'Samordningsförbundet 2027' }, c.heads(), { at: '2027-02-01T09:00:00.000Z' }));
    const backdated = ev2(LEDAMOT, 'stance.set', { applicationId: application().id, stance: 'support' }, c.heads(), { at: '2026-06-01T09:00:00.000Z' });
    const state = set([...c.events, backdated]);
    expect(state.refused.find((r) => r.eventId === backdated.id)?.reason).toMatch(/styrelseuppdrag/);
    expect(state.applications[application().id]?.stances[LEDAMOT.id]).toBeUndefined();
  });

  it('still applies a stance made within the term, whatever date came later', () => {
    const { c } = base();
    c.add(ev2(DIRECTOR, 'application.registered', application({ receivedOn: '2026-01-15' }), c.heads(), { at: '2026-02-01T09:00:00.000Z' }));
    const stance = c.add(ev2(LEDAMOT, 'stance.set', { applicationId: application().id, stance: 'support' }, c.heads(), { at: '2026-06-01T09:00:00.000Z' }));
    c.add(ev2(DIRECTOR, 'federation.updated', { name: 'Samordningsförbundet 2027' }, c.heads(), { at: '2027-02-01T09:00:00.000Z' }));
    const state = set(c.events);
    expect(applied(state, stance)).toBe(true);
  });
});

export type { Actor };

describe('revocation with a cut-off', () => {
  function withRevocation() {
    const { c } = base();
    // The ledamot's laptop signs a stance; the förbundschef receives it, then revokes the key (the laptop is lost).
    const app = c.add(ev2(DIRECTOR, 'application.registered', application({ receivedOn: '2026-01-15' }), c.heads(), { at: '2026-02-01T09:00:00.000Z' }));
    const kept = c.add(ev2(LEDAMOT, 'stance.set', { applicationId: application().id, stance: 'support' }, c.heads(), { at: '2026-02-02T09:00:00.000Z' }));
    const forkPoint = [app];
    const revoked = c.add(ev2(DIRECTOR, 'key.revoked', { fingerprint: LEDAMOT.key, reason: 'Datorn är borttappad.' }, c.heads(), { at: '2026-02-03T09:00:00.000Z' }));
    return { c, kept, revoked, forkPoint };
  }

  it('keeps what the revocation had seen and refuses every other event of that key, before or after', () => {
    const { c, kept, revoked, forkPoint } = withRevocation();
    // Whoever holds the lost laptop: a stance "before" the revocation it never saw, and one after it.
    const backdated = ev2(LEDAMOT, 'jav.declared', { applicationId: application().id, ground: 'delicacy', text: 'Jäv' }, forkPoint, { at: '2026-02-02T10:00:00.000Z' });
    const later = ev2(LEDAMOT, 'stance.set', { applicationId: application().id, stance: 'oppose' }, [revoked]);
    const state = set([...c.events, backdated, later]);
    expect(applied(state, kept)).toBe(true);
    expect(state.keys[LEDAMOT.key]?.status).toBe('revoked');
    for (const e of [backdated, later]) expect(state.refused.find((r) => r.eventId === e.id)?.reason, e.body.type).toMatch(/spärrats/);
    expect(state.applications[application().id]?.stances[LEDAMOT.id]?.stance).toBe('support');
    expect(state.applications[application().id]?.javDeclarations[LEDAMOT.id]).toBeUndefined();
  });

  it('lets the member join again with a new key', () => {
    const { c } = withRevocation();
    const newKey = `${'b'.repeat(63)}1`;
    const reg = c.add(ev2(LEDAMOT, 'key.registered', { personId: LEDAMOT.id, fingerprint: newKey, publicKeyPem: pem(newKey), deviceName: 'Linas nya dator' }, c.heads(), { key: newKey }));
    c.add(ev2(DIRECTOR, 'key.accepted', { fingerprint: newKey }, c.heads(), { prev: [reg.id] }));
    const stance = c.add(ev2(LEDAMOT, 'stance.set', { applicationId: application().id, stance: 'discuss' }, c.heads(), { key: newKey }));
    const state = set(c.events);
    expect(applied(state, stance)).toBe(true);
    expect(state.applications[application().id]?.stances[LEDAMOT.id]?.stance).toBe('discuss');
  });

  it('refuses a revocation by someone who is neither förbundschef nor, for the förbundschef’s key, the chair on a board decision', () => {
    const { c } = base();
    const attempt = ev2(LEDAMOT, 'key.revoked', { fingerprint: DIRECTOR.key, reason: 'Jag vill.' }, c.heads());
    const state = set([...c.events, attempt]);
    expect(state.refused.find((r) => r.eventId === attempt.id)).toBeDefined();
    expect(state.keys[DIRECTOR.key]?.status).toBe('accepted');
  });
});
