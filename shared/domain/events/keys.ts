import type { VerifiedEvent } from '../log/signed-event';
import type { FederationState, KeyStatus } from './state';

/**
 * The signing-key gate, applied before the authority rules.
 *
 * Every event is signed by a device key. Only events from accepted keys are
 * applied; events from a key that is registered but not yet accepted (or not
 * registered at all, as far as this laptop knows) are held; events from a
 * rejected key, or from someone else's key, are refused.
 *
 * The two types that announce a key pass the gate: the genesis (signed by the
 * director's first key, accepted by definition) and key.registered (signed by
 * the very key it registers); their own rules check that.
 *
 * Which keys count as accepted is decided by fold.ts (see there): either from
 * a directory of final key statuses (normal case, position-independent) or
 * from the state at that point in the order (strict fallback).
 */

export interface KeyEntry {
  personId: string;
  status: KeyStatus;
}

/** fingerprint → owner and status. Plain object so it compares by value. */
export type KeyDirectory = Record<string, KeyEntry>;

export type GateResult =
  | { kind: 'pass' }
  | { kind: 'held'; keyStatus: 'pending' | 'unknown' }
  | { kind: 'refused'; reason: string };

const EXEMPT = new Set(['federation.created', 'key.registered']);

export function directoryOf(state: FederationState): KeyDirectory {
  const out: KeyDirectory = {};
  for (const fp of Object.keys(state.keys).sort()) {
    const k = state.keys[fp];
    if (k) out[fp] = { personId: k.personId, status: k.status };
  }
  return out;
}

/** A string that is equal for equal directories, to detect a fixpoint or a cycle. */
export function directorySignature(d: KeyDirectory): string {
  return Object.keys(d)
    .sort()
    .map((fp) => `${fp}:${d[fp]?.personId}:${d[fp]?.status}`)
    .join('|');
}

/**
 * @param directory final key statuses to judge by, or null to judge by the
 *   state at this point in the order (strict mode).
 */
export function gate(state: FederationState, event: VerifiedEvent, directory: KeyDirectory | null): GateResult {
  if (EXEMPT.has(event.body.type)) return { kind: 'pass' };
  const fp = event.body.key;
  const fed = state.federation;
  // The genesis key is accepted by definition; its owner is the genesis author.
  const entry: KeyEntry | undefined =
    fed && fp === fed.genesisKey
      ? { personId: state.keys[fp]?.personId ?? '', status: 'accepted' }
      : directory
        ? directory[fp]
        : state.keys[fp] && { personId: state.keys[fp].personId, status: state.keys[fp].status };
  if (!entry) return { kind: 'held', keyStatus: 'unknown' };
  if (entry.personId !== event.body.author) {
    return { kind: 'refused', reason: 'Händelsen är signerad med en nyckel som tillhör en annan person.' };
  }
  if (entry.status === 'rejected') return { kind: 'refused', reason: 'Nyckeln som signerade händelsen har avvisats av förbundschefen.' };
  if (entry.status === 'pending') return { kind: 'held', keyStatus: 'pending' };
  // A revoked key's events reach the gate only if the revocation had seen them (fold.ts refuses the rest).
  return { kind: 'pass' };
}
