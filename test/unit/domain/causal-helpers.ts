import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/log/canonical-json';
import { EVENT_FORMAT_VERSION, type VerifiedEvent } from '../../../shared/domain/log/signed-event';
import { FORBUND, ORG_NR, pem, type Actor } from './helpers';

export type { Actor };

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
  return { id: createHash('sha256').update(text).digest('hex'), body, line: { body: text, sig: `${'A'.repeat(86)}==` } };
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
