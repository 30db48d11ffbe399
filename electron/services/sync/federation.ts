import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { AppError, type Session } from '../../../shared/contract';
import { authorize, fold, isEventType, parsePayload, plainReason, type FederationState } from '../../../shared/domain/events';
import { parseOrgNr } from '../../../shared/domain/forbund/orgnr';
import { EVENT_FORMAT_VERSION, shortCode, type EventBody, type VerifiedEvent } from '../../../shared/domain/log/signed-event';
import { signEvent } from '../identity/events';
import { createDeviceIdentity, loadDeviceIdentity, plainSecretBox, type DeviceIdentity, type SecretBox } from '../identity/keys';
import type { EventStore } from '../log/event-store';
import { loadOrCreateDecryptor, type DeviceDecryptor } from '../identity/encryption-key';
import type { LocalStateFile } from './local-state';
import { checkpointPath, sealedCheckpointIO } from './checkpoints';
import type { SealedFiles } from '../storage/sealed-file';
import { openMaterialised, type MaterialisedState } from './materialised';

/**
 * The förbund as this installation sees it: its identity, the trusted
 * genesis, and making new signed events. Every event is checked before it is
 * signed (known type, valid payload, the author's authority), so the user gets
 * a Swedish "no" at once instead of a refused event later.
 */
export interface FederationService {
  identity(): DeviceIdentity | null;
  session(): Session;
  state(): FederationState;
  create(input: { name: string; orgNr: string; director: { name: string; email: string }; deviceName?: string }): Promise<Session>;
  append(type: string, payload: Record<string, unknown>, prev: string[]): Promise<VerifiedEvent>;
  /** Makes this installation's key for `personId` (invitations) and announces it with a self-signed key.registered. */
  /**
   * `known`: the person's name as the import's preview folded it, and that fold to keep (`adopt`) once
   * the förbund is known here, so binding does not fold the whole history again (issue #16).
   */
  bindToPerson(personId: string, forbund: { id: string; name: string; genesisId: string }, known?: { name: string | undefined; adopt(): boolean }): Promise<void>;
  /** The kept state behind state() (issue #16). */
  readonly materialised: MaterialisedState;
  /** Loads the key with `box` once it can be opened (the app lock's data key, after unlocking). */
  openIdentity(box: SecretBox): Promise<void>;
  /** This device's X25519 key for encrypted packages (made on first use, sealed like the signing key); null without an identity. */
  decryptor(): Promise<DeviceDecryptor | null>;
  /**
   * Makes sure this device's encryption key is announced in the log (key.encryption.registered, signed by the
   * device key): packages can be encrypted to it once others have it. Appends at most once per key.
   */
  ensureEncryptionKeyRegistered(): Promise<void>;
}

/** `box: null`: the key is sealed by the app lock and is loaded with `openIdentity` after unlocking. */
export async function openFederation(opts: {
  dataDir: string;
  box: SecretBox | null;
  store: EventStore;
  local: LocalStateFile;
  files?: SealedFiles;
  /** The box for a key made now (set-up, invitation): the data key's once a PIN is set, so a new key is never written in clear. */
  newKeyBox?: () => SecretBox | null;
}): Promise<FederationService> {
  const { store, local } = opts;
  const box = opts.box ?? plainSecretBox; // a new key (set-up, invitation) before any PIN is chosen
  let identity = opts.box ? await loadDeviceIdentity(opts.dataDir, opts.box) : null;
  /** The box that sealed the loaded identity; the encryption key is sealed by the same one. */
  let identityBox: SecretBox = box;
  let decryptor: Promise<DeviceDecryptor> | null = null;
  // The state is kept, not folded per action (issue #16): see materialised.ts.
  const materialised = await openMaterialised({ store, genesisId: () => local.get().forbund?.genesisId, checkpointPath: checkpointPath(opts.dataDir), ...(opts.files ? { io: sealedCheckpointIO(opts.files) } : {}) });
  const state = (): FederationState => materialised.state();

  /** "Lena Ledamots dator": what the förbundschef sees beside the key; the host name ("vm") says nothing to a person. */
  const deviceName = (owner: string | undefined) =>
    owner ? `${/[sxz]$/i.test(owner) ? owner : `${owner}s`} dator`.slice(0, 100) : `${hostname()}`.slice(0, 100) || 'Dator';

  /** The causal place of a new event: after every placed event here (held ones wait for their past and are not named). */
  function place(genesisOnly: boolean): { after: string[]; lamport: number } {
    if (genesisOnly) return { after: [], lamport: 1 };
    return materialised.nextPlace();
  }

  function sign(type: string, payload: Record<string, unknown>, prev: string[], author: string, forbundId: string): VerifiedEvent {
    if (!identity) throw new AppError('bad_request', 'Den här datorn har ingen nyckel ännu.');
    const { after, lamport } = place(type === 'federation.created');
    const body: EventBody = {
      v: EVENT_FORMAT_VERSION,
      forbund: forbundId,
      author,
      key: identity.fingerprint,
      lamport,
      at: new Date().toISOString(),
      type,
      payload,
      prev,
      after,
    };
    const signed = signEvent(identity, body);
    return { id: signed.id, body: signed.body, line: signed.line };
  }

  /**
   * Refuses an event that would not apply, with the fold's own Swedish reason.
   * An event signed while this device's key still waits for the förbundschef
   * is kept and travels as "held" (the issue's rule), but only if its author
   * would have the authority once the key is accepted — checked here directly.
   */
  function checkWouldApply(event: VerifiedEvent): void {
    // The common case: this device's key is accepted and the event sorts after everything here, so the live
    // state judges it exactly as a fold would (the preview of a pending key below changes nothing then).
    const live = local.get().forbund && identity ? state() : null;
    const fp = identity?.fingerprint;
    if (live && fp) {
      const accepted = live.keys[fp]?.status === 'accepted' || live.federation?.genesisKey === fp;
      // A waiting key with nothing of its own held yet (a new laptop's certificate request after its
      // invitation): the live round judges it as accepted, without folding the history (issue #16).
      const status = live.keys[fp]?.status;
      // The key's own registration passes the key gate whatever the key's status, so the round judges it as is.
      const judged = accepted || (status === undefined && event.body.type === 'key.registered') ? materialised.judge(event) : status === 'pending' ? materialised.judge(event, fp) : null;
      if (judged?.kind === 'refused') throw new AppError('forbidden', plainReason(event.body.type, judged.reason));
      if (judged?.kind === 'apply') return;
    }
    const genesisId = local.get().forbund?.genesisId ?? event.id;
    // Judged as it will be once this device's key is accepted, on top of its own held changes
    // (a förhinder withdrawn while the key waits must find the förhinder reported while it waited).
    const assumeAccepted = identity?.fingerprint;
    const after = fold([...store.all(), event], { genesisId, ...(assumeAccepted ? { assumeAccepted } : {}) });
    const refused = after.refused.find((r) => r.eventId === event.id);
    if (refused) throw new AppError('forbidden', plainReason(refused.type, refused.reason));
    if (after.held.some((h) => h.eventId === event.id)) {
      const parsed = parsePayload(event.body);
      if (!parsed.ok) throw new AppError('bad_request', parsed.reason);
      const verdict = authorize(parsed.type, state(), event, parsed.payload as never);
      if (!verdict.ok) throw new AppError('forbidden', verdict.reason);
    }
  }

  async function loadDecryptor(): Promise<DeviceDecryptor | null> {
    if (!identity) return null;
    decryptor ??= loadOrCreateDecryptor(opts.dataDir, identityBox, identity.fingerprint);
    // A failed load is not cached: the next call tries again (e.g. after unlocking).
    return decryptor.catch((err: unknown) => {
      decryptor = null;
      throw err;
    });
  }

  function session(): Session {
    const s = local.get();
    const own = identity ? store.ofKey(identity.fingerprint) : [];
    const exported = new Set(s.exportedOwn);
    const unsent = own.filter((e) => !exported.has(e.id)).length;
    // Confirmed once someone else's package says they hold it (their acks for my key reach its clock).
    const ackedUpTo = Math.max(0, ...Object.entries(s.peerAcks).filter(([person]) => person !== s.personId).map(([, acks]) => (identity ? (acks[identity.fingerprint]?.lamport ?? 0) : 0)));
    const unconfirmed = own.filter((e) => exported.has(e.id) && e.body.lamport > ackedUpTo).length;
    return {
      device:
        identity && s.personId
          ? { fingerprint: identity.fingerprint, shortCode: shortCode(identity.fingerprint), deviceName: identity.deviceName, personId: s.personId }
          : null,
      forbund: s.forbund,
      demo: s.demo,
      sync: { unsent, unconfirmed, lastImport: s.lastImport, lastExport: s.lastExport },
    };
  }

  return {
    materialised,
    identity: () => identity,
    openIdentity: async (sealedBy) => {
      identity = await loadDeviceIdentity(opts.dataDir, sealedBy);
      identityBox = sealedBy;
      decryptor = null;
    },
    decryptor: loadDecryptor,
    async ensureEncryptionKeyRegistered() {
      const s = local.get();
      const own = identity;
      if (!s.forbund || !s.personId || !own) return;
      const mine = await loadDecryptor();
      if (!mine) return;
      // Looked up in the log, not the state: while the device key waits for acceptance the registration is held.
      const announced = store.ofKey(own.fingerprint).some((e) => e.body.type === 'key.encryption.registered' && e.body.payload['x25519'] === mine.x25519);
      if (announced) return;
      const key = state().keys[own.fingerprint];
      if (!key || key.status === 'revoked' || key.status === 'rejected') return;
      const event = sign('key.encryption.registered', { fingerprint: own.fingerprint, x25519: mine.x25519 }, [...key.heads], s.personId, s.forbund.id);
      checkWouldApply(event);
      await store.append([event]);
    },
    state,
    session,

    async create(input) {
      if (local.get().forbund) throw new AppError('bad_request', 'Den här installationen hör redan till ett förbund.');
      const orgNr = parseOrgNr(input.orgNr);
      if (!orgNr.ok) throw new AppError('bad_request', orgNr.error);
      const personId = randomUUID();
      if (!identity) {
        identityBox = opts.newKeyBox?.() ?? box;
        decryptor = null;
      }
      identity ??= await createDeviceIdentity(opts.dataDir, identityBox, { person: personId, deviceName: input.deviceName ?? deviceName(input.director.name) });
      const forbundId = randomUUID();
      const genesis = sign(
        'federation.created',
        {
          name: input.name,
          orgNr: orgNr.value,
          director: { id: identity.person, name: input.director.name, email: input.director.email },
          directorKey: { fingerprint: identity.fingerprint, publicKeyPem: identity.publicKeyPem, deviceName: identity.deviceName },
        },
        [],
        identity.person,
        forbundId,
      );
      checkWouldApply(genesis);
      await store.append([genesis]);
      await local.update((s) => ({ ...s, personId: identity!.person, forbund: { id: forbundId, name: input.name, genesisId: genesis.id } }));
      return session();
    },

    async append(type, payload, prev) {
      const s = local.get();
      if (!s.forbund || !s.personId) throw new AppError('bad_request', 'Sätt upp eller importera ett förbund först.');
      if (!isEventType(type)) throw new AppError('bad_request', `Okänd ändringstyp: ${type}`);
      const event = sign(type, payload, prev, s.personId, s.forbund.id);
      const parsed = parsePayload(event.body);
      if (!parsed.ok) throw new AppError('bad_request', parsed.reason);
      checkWouldApply(event);
      await store.append([event]);
      return event;
    },

    async bindToPerson(personId, forbund, known) {
      if (identity) throw new AppError('bad_request', 'Den här installationen har redan en nyckel.');
      identityBox = opts.newKeyBox?.() ?? box;
      decryptor = null;
      identity = await createDeviceIdentity(opts.dataDir, identityBox, { person: personId, deviceName: deviceName(known ? known.name : state().persons[personId]?.name) });
      await local.update((s) => ({ ...s, personId, forbund }));
      known?.adopt();
      const registration = sign(
        'key.registered',
        { personId, fingerprint: identity.fingerprint, publicKeyPem: identity.publicKeyPem, deviceName: identity.deviceName },
        [],
        personId,
        forbund.id,
      );
      await store.append([registration]);
    },
  };
}
