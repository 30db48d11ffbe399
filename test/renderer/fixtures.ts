import type { ApplicationInput } from '../../shared/domain/applications/model';
import type { Envelope, Method, Session, StateView, StoredEvent } from '../../shared/contract';
import { fold, historyOf, pendingMineOf } from '../../shared/domain/events';
import { canonicalJson } from '../../shared/domain/log/canonical-json';
import { EventBody, LEGACY_EVENT_FORMAT, type VerifiedEvent } from '../../shared/domain/log/signed-event';
import { useFederationStore } from '../../renderer/src/state/federation-store';
import { useSessionStore } from '../../renderer/src/state/session-store';
import { FORBUND as BUILDER_FORBUND, pem, sha256, uuid } from '../helpers/event-builder';

/** Events as the main side would store them, built on the one test event builder (test/helpers/event-builder.ts), without real signatures: the renderer never verifies. */
export const FORBUND = BUILDER_FORBUND;
export const DIRECTOR = { id: uuid(1), name: 'Åsa Ek-Ström', email: 'asa@example.se' };
export const MEMBER = { id: uuid(2), name: 'Örjan Lind', email: 'orjan@example.se' };
export const KOMMUN = uuid(0x104);

export const DIRECTOR_KEY = sha256('director-key');
export const MEMBER_KEY = sha256('member-key');
const PEM = pem('director');

export function stored(seq: number, body: Omit<EventBody, 'v' | 'forbund' | 'at'> & { at?: string }): StoredEvent {
  const full: EventBody = { v: LEGACY_EVENT_FORMAT, forbund: FORBUND, at: new Date(Date.UTC(2026, 2, 14, 9, 0, seq)).toISOString(), ...body };
  const text = canonicalJson(full);
  return { seq, id: sha256(text), body: text, sig: `${'A'.repeat(86)}==` };
}

export function genesis(seq = 1): StoredEvent {
  return stored(seq, {
    author: DIRECTOR.id,
    key: DIRECTOR_KEY,
    lamport: 1,
    type: 'federation.created',
    payload: {
      name: 'Samordningsförbundet Östra Skåne',
      orgNr: '202100-5448',
      director: DIRECTOR,
      directorKey: { fingerprint: DIRECTOR_KEY, publicKeyPem: PEM, deviceName: 'Kontorsdatorn' },
    },
    prev: [],
  });
}

export const kommunAdded = (seq: number, lamport = 2) =>
  stored(seq, {
    author: DIRECTOR.id,
    key: DIRECTOR_KEY,
    lamport,
    type: 'organisation.added',
    payload: { id: KOMMUN, name: 'Simrishamns kommun', kind: 'municipality', contributions: { '2026': 250000 } },
    prev: [],
  });

export const memberAdded = (seq: number, lamport = 3) =>
  stored(seq, {
    author: DIRECTOR.id,
    key: DIRECTOR_KEY,
    lamport,
    type: 'person.added',
    payload: { ...MEMBER, organisationId: KOMMUN, assignments: [{ role: 'member', organisationId: KOMMUN, from: '2023-01-01', to: '2026-12-31' }] },
    prev: [],
  });

export const memberKeyRegistered = (seq: number, lamport = 4) =>
  stored(seq, {
    author: MEMBER.id,
    key: MEMBER_KEY,
    lamport,
    type: 'key.registered',
    payload: { personId: MEMBER.id, fingerprint: MEMBER_KEY, publicKeyPem: PEM, deviceName: 'Örjans laptop' },
    prev: [],
  });

/** An update signed by the member's key: held until the key is accepted. */
export const memberRenamesHimself = (seq: number, lamport = 5) =>
  stored(seq, { author: MEMBER.id, key: MEMBER_KEY, lamport, type: 'person.updated', payload: { id: MEMBER.id, name: 'Örjan Lindqvist' }, prev: [] });

export const session = (over: Partial<Session> = {}): Session => ({
  device: { fingerprint: DIRECTOR_KEY, shortCode: 'ABCD-0000-1111-2222', deviceName: 'Kontorsdatorn', personId: DIRECTOR.id },
  forbund: { id: FORBUND, name: 'Samordningsförbundet Östra Skåne', genesisId: genesis().id },
  demo: false,
  sync: { unsent: 0, unconfirmed: 0, lastImport: null, lastExport: null },
  ...over,
});

/** A stored line as the fold wants it (the fake main side does not verify signatures). */
export function toVerified(s: StoredEvent): VerifiedEvent | null {
  try {
    const body = EventBody.safeParse(JSON.parse(s.body));
    return body.success ? { id: s.id, body: body.data, line: { body: s.body, sig: s.sig } } : null;
  } catch {
    return null;
  }
}

/**
 * What the main side's `state.get` answers for this log and session
 * (electron/services/sync/state-view.ts, which its own unit test checks):
 * the fold, and while my key waits the preview in which it counts.
 */
export function viewOf(log: readonly StoredEvent[], s: Session | null): StateView {
  const events = log.map(toVerified).filter((e): e is VerifiedEvent => e !== null);
  const genesisId = s?.forbund?.genesisId;
  const real = fold(events, genesisId ? { genesisId } : {});
  const myKey = s?.device?.fingerprint;
  const eventsByKey: Record<string, number> = {};
  for (const e of events) eventsByKey[e.body.key] = (eventsByKey[e.body.key] ?? 0) + 1;
  const base = { eventCount: log.length, eventsByKey, complete: true };
  const pending = pendingMineOf(real, events, myKey);
  if (pending.length === 0 || !myKey) return { ...base, state: real, pending };
  const preview = fold(events, { ...(genesisId ? { genesisId } : {}), assumeAccepted: myKey });
  return { ...base, state: { ...preview, held: real.held, refused: real.refused }, pending };
}

/** Both stores as at start: no session, no state read yet. */
export function resetStores(): void {
  useSessionStore.setState({ session: null, status: 'loading', error: null });
  useFederationStore.getState().clear();
  useFederationStore.setState({ ready: false });
}

/** A fake main side: a log the test can grow, and a spy per call. Installed as the preload bridge. */
export function fakeMain(initial: StoredEvent[] = []) {
  const log = [...initial];
  const calls: { method: Method; input: unknown }[] = [];
  /** Private notes as the main side keeps them (notes.get / notes.save). */
  const notes = new Map<string, string>();
  const handlers: Partial<Record<Method, (input: never) => unknown>> = {
    'session.get': () => session(),
    'log.list': ({ afterSeq }: { afterSeq: number }) => ({ events: log.filter((e) => e.seq > afterSeq), lastSeq: log.at(-1)?.seq ?? 0 }),
    // The revision is the log's length and last id: a test that grows the log sees the new state.
    'state.get': async ({ since }: { since: string | null }) => {
      const current = (await handlers['session.get']!({} as never)) as Session | null;
      const revision = `${log.length}:${log.at(-1)?.id ?? '-'}:${current?.device?.fingerprint ?? '-'}:${current?.forbund?.genesisId ?? '-'}`;
      return { revision, view: since === revision ? null : viewOf(log, current) };
    },
    'state.history': ({ subjectId }: { subjectId: string }) => ({ entries: historyOf(viewOf(log, session()).state, subjectId) }),
    'notes.get': ({ applicationId }: { applicationId: string }) => ({ text: notes.get(applicationId) ?? '' }),
    'notes.save': ({ applicationId, text }: { applicationId: string; text: string }) => (text.trim() ? notes.set(applicationId, text) : notes.delete(applicationId), {}),
  };
  const bridge = new Proxy(
    {},
    {
      get: (_, method: Method) => async (input: unknown): Promise<Envelope<unknown>> => {
        calls.push({ method, input });
        const handler = handlers[method] as ((input: unknown) => unknown) | undefined;
        if (!handler) return { ok: false, error: { code: 'internal', message: `Ingen fejkad ${method}.` } } as Envelope<unknown>;
        try {
          return { ok: true, value: await handler(input) };
        } catch (err) {
          return { ok: false, error: { code: 'forbidden', message: (err as Error).message } } as Envelope<unknown>;
        }
      },
    },
  );
  return { log, calls, handlers, bridge, notes };
}

export const FK = '00000000-0000-4000-8000-000000000105';
export const APP_A = '00000000-0000-4000-8000-000000000a01';

/** A valid application (two parties of different kinds, the owner one of them, budget years inside the period). */
export function applicationInput(over: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    id: APP_A,
    version: 1,
    registrationNumber: 'Dnr 2026/14',
    receivedOn: '2026-02-01',
    name: 'Ökad hälsa för unga i Åhus',
    parties: [KOMMUN, FK],
    ownerId: KOMMUN,
    contact: { name: 'Karin Rangin', role: 'Samordnare', organisationId: KOMMUN, email: '', phone: '' },
    kind: 'individual',
    form: 'project',
    period: { from: '2027-01-01', to: '2028-12-31' },
    background: 'Många unga i Åhus står långt från arbetsmarknaden.',
    purpose: 'Att genom samverkan stärka ungas hälsa.',
    goals: [{ text: 'Fler unga i arbete eller studier', target: '50 % efter 12 månader' }],
    targetGroup: { ageFrom: 16, ageTo: 29, area: 'Åhus', participants: 30, description: '' },
    activities: 'Individuellt stöd och gruppverksamhet.',
    governance: 'Styrgrupp med cheferna hos parterna.',
    relationToOrdinary: 'Kompletterar ordinarie verksamhet.',
    budget: [
      { id: 'p-2027', year: '2027', category: 'personnel', description: 'Processledare', fte: 1, sought: 600_000, coFinancing: [{ financier: KOMMUN, amount: 100_000, inKind: false }], statedTotal: null },
      { id: 'r-2027', year: '2027', category: 'travel', description: '', fte: null, sought: 34_500, coFinancing: [], statedTotal: null },
      { id: 'p-2028', year: '2028', category: 'personnel', description: 'Processledare', fte: 1, sought: 600_000, coFinancing: [], statedTotal: null },
    ],
    followUp: { text: 'Tertialrapporter.', nationalSystemReference: null },
    implementation: { kind: 'shared', text: 'Kommunen tar över.' },
    risks: 'Svårt att rekrytera.',
    attachments: [],
    ...over,
  };
}
