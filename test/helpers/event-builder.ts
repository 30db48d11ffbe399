import { sha256 as sha256Bytes } from '@noble/hashes/sha2';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from '../../shared/domain/log/canonical-json';
import { EVENT_FORMAT_VERSION, LEGACY_EVENT_FORMAT, type EventBody, type VerifiedEvent } from '../../shared/domain/log/signed-event';

/**
 * The one builder of test events, for the Node tests and the renderer's alike
 * (the convergence, authority, lawful and screen tests build their histories
 * with it). Test events without real signatures: a VerifiedEvent only needs the id the
 * main side would compute (SHA-256 of the canonical body) and the body. The
 * signature line is a placeholder of the right shape.
 */

export const FORBUND = uuid(0xf0bd);

export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

// @noble/hashes rather than node:crypto: the same builder serves the Node tests and the renderer's (jsdom) ones.
export const sha256 = (s: string): string => bytesToHex(sha256Bytes(utf8ToBytes(s)));

/** A stand-in public key; the domain only checks the PEM shape. */
export function pem(seed: string): string {
  const der = concatBytes(hexToBytes('302a300506032b6570032100'), sha256Bytes(utf8ToBytes(seed)));
  const b64 = btoa(String.fromCharCode(...der));
  return `-----BEGIN PUBLIC KEY-----\n${b64}\n-----END PUBLIC KEY-----\n`;
}

export interface Actor {
  id: string;
  name: string;
  email: string;
  /** Fingerprint of this actor's (first) device key. */
  key: string;
}

export function actor(n: number, name: string): Actor {
  return { id: uuid(n), name, email: `${name.toLowerCase().replace(/[^a-z]/g, '')}@example.se`, key: sha256(`key-${n}`) };
}

export const deviceKey = (a: Actor, device: string): string => sha256(`key-${a.id}-${device}`);

export interface EventOptions {
  prev?: string[];
  /** Sign with this key fingerprint instead of the actor's. */
  key?: string;
  /** Claim this author instead of the actor. */
  author?: string;
  forbund?: string;
  at?: string;
}

export function makeEvent(body: Omit<EventBody, 'v'>): VerifiedEvent {
  const full: EventBody = { v: LEGACY_EVENT_FORMAT, ...body };
  const text = canonicalJson(full);
  return { id: sha256(text), body: full, line: { body: text, sig: `${'A'.repeat(86)}==` } };
}

export function ev(a: Actor, type: string, payload: Record<string, unknown>, lamport: number, o: EventOptions = {}): VerifiedEvent {
  return makeEvent({
    forbund: o.forbund ?? FORBUND,
    author: o.author ?? a.id,
    key: o.key ?? a.key,
    lamport,
    at: o.at ?? new Date(Date.UTC(2026, 0, 1, 8, 0, lamport)).toISOString(),
    type,
    payload,
    prev: o.prev ?? [],
  });
}

export const ORG_NR = '202100-5448';

export function genesis(director: Actor, lamport = 1, o: EventOptions = {}): VerifiedEvent {
  return ev(
    director,
    'federation.created',
    {
      name: 'Samordningsförbundet Test',
      orgNr: ORG_NR,
      director: { id: director.id, name: director.name, email: director.email },
      directorKey: { fingerprint: o.key ?? director.key, publicKeyPem: pem(director.id), deviceName: 'Kontorsdatorn' },
    },
    lamport,
    o,
  );
}

export function registerKey(a: Actor, lamport: number, key = a.key, o: EventOptions = {}): VerifiedEvent {
  return ev(a, 'key.registered', { personId: a.id, fingerprint: key, publicKeyPem: pem(key), deviceName: `${a.name}s laptop` }, lamport, { key, ...o });
}

export function personAdded(by: Actor, p: Actor, lamport: number, extra: Record<string, unknown> = {}): VerifiedEvent {
  return ev(by, 'person.added', { id: p.id, name: p.name, email: p.email, ...extra }, lamport);
}

/** A typical set-up: director, FK, AF, one region, one kommun, one ledamot and one ersättare each. */
export const DIRECTOR = actor(1, 'Dana Direktör');
export const LEDAMOT = actor(2, 'Lina Ledamot');
export const ERSATTARE = actor(3, 'Erik Ersättare');
export const ORDF = actor(4, 'Olle Ordförande');

export const ORG = {
  fk: uuid(0x101),
  af: uuid(0x102),
  region: uuid(0x103),
  kommun: uuid(0x104),
};

export const TERM = { from: '2023-01-01', to: '2026-12-31' };

/**
 * Genesis, the four member organisations, a ledamot and an ersättare for the
 * kommun, and the ledamot's key registered and accepted. Lamport 1–9.
 */
export function baseSetup() {
  const D = DIRECTOR;
  const ledamotKey = registerKey(LEDAMOT, 8);
  const e = {
    genesis: genesis(D),
    fk: ev(D, 'organisation.added', { id: ORG.fk, name: 'Försäkringskassan', kind: 'socialInsuranceAgency', contributions: { '2026': 2_000_000 } }, 2),
    af: ev(D, 'organisation.added', { id: ORG.af, name: 'Arbetsförmedlingen', kind: 'employmentService' }, 3),
    region: ev(D, 'organisation.added', { id: ORG.region, name: 'Region Östergötland', kind: 'region', contributions: { '2026': 1_000_000 } }, 4),
    kommun: ev(D, 'organisation.added', { id: ORG.kommun, name: 'Linköpings kommun', kind: 'municipality', contributions: { '2026': 1_000_000 } }, 5),
    ledamot: personAdded(D, LEDAMOT, 6, { organisationId: ORG.kommun, assignments: [{ role: 'member', organisationId: ORG.kommun, ...TERM }] }),
    ersattare: personAdded(D, ERSATTARE, 7, { organisationId: ORG.kommun, assignments: [{ role: 'substitute', organisationId: ORG.kommun, ...TERM, callingOrder: 1 }] }),
    ledamotKey,
    ledamotKeyAccepted: ev(D, 'key.accepted', { fingerprint: LEDAMOT.key }, 9, { prev: [ledamotKey.id] }),
  };
  return { events: Object.values(e), e };
}

/**
 * Format-2 test events: each names the events it causally follows (`after`)
 * and its clock is derived from them, as a real laptop makes them.
 */

export interface Ev2Options {
  prev?: string[];
  key?: string;
  author?: string;
  at?: string;
  /** Override the derived clock (an attack). */
  lamport?: number;
}

export function ev2(a: Actor, type: string, payload: object, after: readonly VerifiedEvent[], o: Ev2Options = {}): VerifiedEvent {
  const lamport = o.lamport ?? Math.max(0, ...after.map((e) => e.body.lamport)) + 1;
  return makeEventV({
    v: EVENT_FORMAT_VERSION,
    forbund: FORBUND,
    author: o.author ?? a.id,
    key: o.key ?? a.key,
    lamport,
    at: o.at ?? new Date(Date.UTC(2026, 0, 1, 8, 0, 0) + lamport * 60_000).toISOString(),
    type,
    payload: payload as Record<string, unknown>,
    prev: o.prev ?? [],
    after: after.map((x) => x.id).sort(),
  });
}

export function makeEventV(body: VerifiedEvent['body']): VerifiedEvent {
  const text = canonicalJson(body);
  return { id: sha256(text), body, line: { body: text, sig: `${'A'.repeat(86)}==` } };
}

export function genesis2(director: Actor): VerifiedEvent {
  return makeEventV({
    v: EVENT_FORMAT_VERSION,
    forbund: FORBUND,
    author: director.id,
    key: director.key,
    lamport: 1,
    at: '2026-01-01T08:00:00.000Z',
    type: 'federation.created',
    payload: {
      name: 'Samordningsförbundet Test',
      orgNr: ORG_NR,
      director: { id: director.id, name: director.name, email: director.email },
      directorKey: { fingerprint: director.key, publicKeyPem: pem(director.id), deviceName: 'Kontorsdatorn' },
    },
    prev: [],
    after: [],
  });
}

/** A growing log on one laptop: `heads()` is what its next event names. */
export function chain() {
  const events: VerifiedEvent[] = [];
  const named = new Set<string>();
  return {
    events,
    add(e: VerifiedEvent): VerifiedEvent {
      events.push(e);
      for (const id of e.body.after ?? []) named.add(id);
      return e;
    },
    heads(): VerifiedEvent[] {
      return events.filter((e) => !named.has(e.id));
    },
  };
}
