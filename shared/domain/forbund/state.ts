import type { Organisation, Person } from './model';
import type { OrdningFields } from './ordning';

/** The förbund's part of the state: the förbund, its members, people, keys and shared documents (selectors.ts reads it). */

export interface Federation extends OrdningFields {
  /** The förbund id (the `forbund` of every event). */
  id: string;
  name: string;
  orgNr: string;
  /** The genesis event: the root every other authority is derived from. */
  genesisEvent: string;
  /** Fingerprint of the key that signed the genesis: accepted by definition. */
  genesisKey: string;
  heads: string[];
}

/**
 * Every item carries `heads`: the ids of its latest versions. An event that
 * changes the item lists them in its `prev`, which is how a later fold tells
 * "saw the other change" from "made at the same time" (see events/kernel/history.ts).
 */
export interface OrganisationState extends Organisation {
  heads: string[];
}

export interface PersonState extends Person {
  heads: string[];
}

/** revoked: spärrad with a cut-off (key.revoked); its events up to the cut-off still count. */
export type KeyStatus = 'pending' | 'accepted' | 'rejected' | 'revoked';

export interface KeyRecord {
  fingerprint: string;
  personId: string;
  publicKeyPem: string;
  deviceName: string;
  status: KeyStatus;
  /** The key.registered event (or the genesis, for the director's first key). */
  registeredBy: string;
  /** The key.accepted / key.rejected event that decided it; the genesis for the director's first key. */
  decidedBy: string | null;
  /** The device's X25519 public key for encrypted packages (base64, key.encryption.registered), once registered. */
  encryptionKey?: string;
  /** Set when the key was revoked (status revoked): why, and by whom (key.revoked). */
  revocation?: { reason: string; by: string; decision: string | null };
  heads: string[];
}

/** A board document shared by the förbundschef; the file itself is stored by its SHA-256. */
export interface DocumentState {
  sha256: string;
  fileName: string;
  title: string;
  pageCount: number;
  size: number;
  confidential: boolean;
  oslReference: string | null;
  sharedBy: string;
  sharedAt: string;
  heads: string[];
}
