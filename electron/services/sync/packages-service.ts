import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { AppError, type PackagePreview, type Recipients } from '../../../shared/contract';
import { CATALOGUE, isEventType, isLegacy, personName, plainReason, type FederationState } from '../../../shared/domain/events';
import { BOARD_ROLE_LABEL, STAFF_ROLE_LABEL } from '../../../shared/domain/forbund/model';
import { shortCode, type VerifiedEvent } from '../../../shared/domain/log/signed-event';
import type { AttachmentStore, IncomingCheck } from '../documents/attachments';
import type { EventStore } from '../log/event-store';
import { computeAcks, planExport } from '../packages/acks';
import { previewImport } from '../packages/preview';
import { NOT_AN_INVITATION, readPackage, type ReadPackage } from '../packages/read';
import { writePackage } from '../packages/write';
import { refuse, slug } from '../packages/format';
import { collectGarbage } from '../runtime/collect-garbage';
import { plainFiles, type SealedFiles } from '../storage/sealed-file';
import type { IncomingFiles } from '../packages/incoming';
import type { FederationService } from './federation';
import { checkClocks, checkSender, screenNewEvents } from './import-bounds';
import type { LocalStateFile } from './local-state';

export type Progress = { phase: 'export' | 'read' | 'check' | 'apply'; done: number; total: number };

export interface PackagesService {
  /** The package work in progress, for a progress bar; null when idle. */
  progress(): Progress | null;
  /** `unreadableBy`: recipients with no accepted device key here to encrypt to (they cannot open this package). */
  exportChanges(recipients: Recipients): Promise<ExportResult & { unreadableBy: string[] }>;
  exportInvitation(personId: string): Promise<ExportResult>;
  /** Reads the file the incoming registry holds under `fileId` (an upload or a chosen path) once. */
  preview(fileId: string): Promise<PackagePreview>;
  apply(previewId: string, asPerson?: string): Promise<{ newEvents: number; newAttachments: number }>;
  /** Closes a preview without importing: its extracted files are removed now (unknown ids are ignored). */
  cancel(previewId: string): Promise<void>;
  /** Resolves once the work an import left running in the background (the documents' text) is done. */
  backgroundSettled(): Promise<void>;
}

/** What an export tells the renderer: the package file's name in the outgoing folder and its counts, never its bytes. */
export interface ExportResult {
  fileName: string;
  events: number;
  attachments: number;
}

interface Pending {
  read: ReadPackage;
  /** The preview's check of each extracted document, by SHA-256. */
  documents: ReadonlyMap<string, IncomingCheck>;
  preview: PackagePreview;
  newEvents: VerifiedEvent[];
  /** The preview's fold of the log with `newEvents`, kept as the live state after apply (fold once). */
  adopt(): boolean;
  /** The new person's name in that fold (an invitation: the laptop's device is named after them). */
  personName(id: string): string | undefined;
}

/** What the export planner needs of an event: attachments travel with the events that name them. */
const eventRef = (e: VerifiedEvent) => ({ id: e.id, key: e.body.key, lamport: e.body.lamport, attachments: attachmentsOf(e) });

/** The files an event refers to: a shared document, or the PDFs of an ansökan version. */
function attachmentsOf(e: VerifiedEvent): string[] {
  if (e.body.type === 'document.shared') return [String(e.body.payload['sha256'])];
  if (e.body.type === 'application.registered' || e.body.type === 'application.revised') {
    const list = e.body.payload['attachments'];
    return Array.isArray(list) ? list.map((a) => String((a as { sha256?: unknown }).sha256)) : [];
  }
  return [];
}

const label = (type: string) => (isEventType(type) ? CATALOGUE[type].label : type);

/**
 * Export and import of signed packages on top of the event store: which
 * events go to whom, the preview before an import, and applying it as one
 * atomic batch. The ZIP format itself lives in ../packages.
 */
export function createPackagesService(opts: {
  dataDir: string;
  store: EventStore;
  attachments: AttachmentStore;
  federation: FederationService;
  local: LocalStateFile;
  /** Package files on their way in (uploads, chosen paths), by opaque id. */
  incoming: IncomingFiles;
  /** The data folder's sealed-file layer (plain without a PIN). */
  files?: SealedFiles;
  /** Called when a PDF's text could not be extracted after an import; the search extracts it later on demand. */
  onTextError?: (sha256: string, err: unknown) => void;
}): PackagesService {
  const { store, federation, local } = opts;
  const files = opts.files ?? plainFiles;
  const onTextError = opts.onTextError ?? ((sha, err) => console.warn(`[packages] text of ${sha.slice(0, 12)} not extracted after import; left to the search`, err));
  // Text extraction after imports, one PDF at a time in the background.
  let textWork: Promise<void> = Promise.resolve();
  function extractTextsLater(shas: readonly string[]): void {
    for (const sha of shas) {
      textWork = textWork.then(() => opts.attachments.text(sha).then(() => undefined, (err: unknown) => onTextError(sha, err)));
    }
    // After a batch the PDF worker's memory goes back (a search or a viewer starts it again), and the batch's
    // garbage on this side too.
    if (shas.length > 0) textWork = textWork.then(() => opts.attachments.releasePdfReader()).then(collectGarbage).catch(() => undefined);
  }
  const outDir = join(opts.dataDir, 'packages', 'out');
  const tempDir = join(opts.dataDir, 'packages', 'tmp');
  const pending = new Map<string, Pending>();
  let current: Progress | null = null;
  /** Runs one piece of package work, reporting its progress while it lasts. */
  async function tracked<T>(phase: Progress['phase'], work: (report: (p: { done: number; total: number }) => void) => Promise<T>): Promise<T> {
    current = { phase, done: 0, total: 0 };
    try {
      return await work((p) => (current = { phase, done: p.done, total: p.total }));
    } finally {
      current = null;
    }
  }

  function me() {
    const s = local.get();
    const identity = federation.identity();
    if (!s.forbund || !s.personId || !identity) throw new AppError('bad_request', 'Sätt upp eller importera ett förbund först.');
    return { forbund: s.forbund, personId: s.personId, identity };
  }

  function recipientsOf(state: FederationState, r: Recipients): string[] {
    const persons = Object.values(state.persons);
    if (r.mode === 'person') {
      if (!state.persons[r.personId]) throw new AppError('bad_request', 'Mottagaren finns inte i förbundets register.');
      return [r.personId];
    }
    if (r.mode === 'persons') {
      if (r.personIds.some((id) => !state.persons[id])) throw new AppError('bad_request', 'En mottagare finns inte i förbundets register.');
      return [...new Set(r.personIds)];
    }
    if (r.mode === 'director') return persons.filter((p) => p.staffRole === 'director').map((p) => p.id);
    return persons.map((p) => p.id);
  }

  /**
   * Format 2: the devices that may open a package for `openers` (and the sender's own), and the
   * recipients who have none here yet (key not accepted, or no encryption key announced).
   */
  async function devicesFor(state: FederationState, personId: string, openers: readonly string[]) {
    const devices = new Map<string, { fingerprint: string; x25519: string }>();
    const mine = await federation.decryptor();
    if (mine) devices.set(mine.fingerprint, { fingerprint: mine.fingerprint, x25519: mine.x25519 });
    const unreadableBy: string[] = [];
    for (const person of new Set([personId, ...openers])) {
      const keys = Object.values(state.keys).filter((k) => k.personId === person && k.status === 'accepted' && k.encryptionKey);
      for (const k of keys) devices.set(k.fingerprint, { fingerprint: k.fingerprint, x25519: k.encryptionKey! });
      if (person !== personId && keys.length === 0) unreadableBy.push(personName(state, person));
    }
    return { encryptTo: [...devices.values()], unreadableBy: unreadableBy.sort((a, b) => a.localeCompare(b, 'sv')) };
  }

  async function write(kind: 'invitation' | 'changes', recipientIds: string[], eventIds: Set<string>, attachmentShas: Set<string>, openers: string[] = recipientIds) {
    const { forbund, personId, identity } = me();
    const state = federation.state();
    // Invitations stay format 1: the new member has no key yet (docs/package-format.md).
    const sealing = kind === 'changes' ? await devicesFor(state, personId, openers) : null;
    const events = store.all().filter((e) => eventIds.has(e.id));
    // An invitation is named for its recipient, so it never takes the sender's daily file name.
    const target =
      kind === 'invitation'
        ? { outPath: join(outDir, 'inbjudningar', `inbjudan-${slug(personName(state, recipientIds[0]!))}-${slug(forbund.name)}.sbpaket`) }
        : { outDir };
    if (kind === 'invitation') await fs.mkdir(join(outDir, 'inbjudningar'), { recursive: true });
    const written = await tracked('export', (onProgress) => writePackage({
      onProgress,
      ...target,
      identity,
      forbund: { id: forbund.id, name: forbund.name },
      sender: { person: personId, name: personName(state, personId) },
      recipients: recipientIds.filter((id) => id !== personId).map((id) => ({ person: id, name: personName(state, id) })),
      kind,
      eventLines: events.map((e) => JSON.stringify(e.line)),
      attachments: [...attachmentShas].map((sha) => ({ sha256: sha, path: opts.attachments.blobPath(sha), open: () => opts.attachments.openBlob(sha) })),
      acks: computeAcks(store.all().map((e) => ({ id: e.id, key: e.body.key, lamport: e.body.lamport }))),
      ...(sealing ? { encryptTo: sealing.encryptTo } : {}),
    }));
    const own = events.filter((e) => e.body.key === identity.fingerprint).map((e) => e.id);
    await local.update((s) => ({
      ...s,
      exportedOwn: [...new Set([...s.exportedOwn, ...own])],
      lastExport: { at: new Date().toISOString(), fileName: written.fileName },
    }));
    // The copy kept in packages/out is sealed like the rest of the folder (it carries confidential documents),
    // chunk by chunk: the package is never held in memory whole.
    if (files.sealing()) {
      // Moved aside first: sealing reads one file while it writes the other (a rename over an open file fails on Windows).
      const plain = `${written.path}.${randomBytes(6).toString('hex')}.plain`;
      await fs.rename(written.path, plain);
      try {
        await files.importFile(plain, written.path);
      } finally {
        await fs.rm(plain, { force: true });
      }
    }
    return { fileName: written.fileName, events: written.counts.events, attachments: written.counts.attachments, unreadableBy: sealing?.unreadableBy ?? [] };
  }

  return {
    progress: () => current,

    async exportChanges(r) {
      const { personId } = me();
      // The device's encryption key travels in its next package, so others can encrypt to it (key.encryption.registered).
      await federation.ensureEncryptionKeyRegistered();
      const state = federation.state();
      const ids = recipientsOf(state, r).filter((id) => id !== personId);
      if (ids.length === 0) throw new AppError('bad_request', 'Det finns ingen mottagare att skicka till.');
      const acks = ids.map((id) => local.get().peerAcks[id] ?? null);
      const plan = planExport(store.all().map(eventRef), acks);
      return write('changes', r.mode === 'board' ? [] : ids, plan.eventIds, plan.attachments, ids);
    },

    async exportInvitation(personId) {
      const state = federation.state();
      if (!state.persons[personId]) throw new AppError('bad_request', 'Personen finns inte i förbundets register.');
      await federation.ensureEncryptionKeyRegistered();
      // An invitation carries the whole log: the new laptop starts from nothing.
      return write('invitation', [personId], new Set(store.all().map((e) => e.id)), new Set(store.all().flatMap(attachmentsOf)));
    },

    async preview(fileId) {
      const taken = opts.incoming.take(fileId);
      if (!taken) throw new AppError('not_found', 'Paketfilen finns inte längre. Välj paketet igen.');
      const { fileName, source } = taken.file;
      const s = local.get();
      const state = federation.state();
      const decryptor = await federation.decryptor();
      // A refusal removes whatever the reader extracted; nothing else was written.
      // An upload is read from its sealed file (random access, chunk by chunk) and removed once read.
      const read: ReadPackage = await tracked('read', (onProgress) => readPackage(source, {
          onProgress,
          trustedKeys: (fp) => state.keys[fp]?.publicKeyPem ?? null,
          ...(s.forbund ? { isAccepted: (fp: string) => state.keys[fp]?.status === 'accepted' } : {}),
          ...(s.forbund ? { expectedForbund: s.forbund.id, expectedForbundName: s.forbund.name } : {}),
          allowUnknownSender: true, // checked below: an unknown sender must introduce its key or be the inviting förbundschef
          decryptor,
          requireInvitation: !s.forbund,
          tempDir,
          // Extracted attachments go through the sealed-file layer (sealed once a PIN is set) until apply or cancel.
          // Not yet durable: apply makes a file durable when it moves it into the store (adoptChecked).
          writeExtracted: (target, data) => files.write(target, data, { durable: false }),
        })).finally(() => taken.done());
      try {
        const senderKey = read.sender.fingerprint;
        const { manifest } = read;
        if (!s.forbund) {
          const genesis = read.events.find((e) => e.body.type === 'federation.created');
          const announced = genesis?.body.payload['directorKey'] as { fingerprint?: string } | undefined;
          if (manifest.kind !== 'invitation' || !genesis) {
            throw refuse(NOT_AN_INVITATION);
          }
          if (announced?.fingerprint !== senderKey) {
            throw new AppError('invalid_file', 'Paketet kunde inte importeras: inbjudan är inte signerad av förbundschefens nyckel. Be förbundschefen skicka en ny inbjudan.');
          }
        } else if (!read.sender.known) {
          // A member's first return package: it must carry the self-signed registration of the key it is signed with.
          const introduces = read.events.some(
            (e) => e.body.type === 'key.registered' && e.body.key === senderKey && e.body.author === manifest.sender.person && state.persons[e.body.author],
          );
          if (!introduces) {
            throw new AppError('invalid_file', `Paketet kunde inte importeras: avsändarens nyckel (kod ${shortCode(senderKey)}) är okänd på den här datorn och registreras inte i paketet. Be avsändaren skicka ett nytt paket.`);
          }
        }
        checkSender(read, state, !s.forbund);
        const local2 = previewImport(read, { hasEvent: (id) => store.has(id), hasAttachment: () => false });
        const all = store.all();
        const storedById = new Map(all.map((e) => [e.id, e]));
        checkClocks(local2.newEvents, (id) => storedById.get(id), all.some((e) => !isLegacy(e)));
        // The documents are checked now (the sender is known to be who it claims), once, and the PDF worker
        // ends before the fold: its memory is not held while the history is folded, and apply only moves the
        // accepted files into place.
        // Only files an event refers to: anything else in a package never reaches pdf.js (nor the store).
        const referenced = new Set([...all, ...local2.newEvents].flatMap(attachmentsOf));
        collectGarbage();
        const documents = await tracked('check', (report) =>
          opts.attachments.checkIncoming(read.attachments.flatMap((a) => (a.path && referenced.has(a.sha256) ? [{ sha256: a.sha256, path: a.path }] : [])), report),
        );
        const genesisId = s.forbund?.genesisId ?? read.events.find((e) => e.body.type === 'federation.created')!.id;
        // Folded once here; apply keeps this fold as the live state (a second fold only if screening drops events).
        const prepared = federation.materialised.prepare(local2.newEvents, genesisId);
        const folded = prepared.state;
        // Refused or held events from keys nobody here accepted or registered are neither stored nor sent on.
        const worth = screenNewEvents(local2.newEvents, state, folded);
        const kept = worth.length === local2.newEvents.length ? prepared : federation.materialised.prepare(worth, genesisId);
        const after = kept.state;
        const newIds = new Set(local2.newEvents.map((e) => e.id));
        const byType = new Map<string, number>();
        for (const e of worth) byType.set(e.body.type, (byType.get(e.body.type) ?? 0) + 1);
        const beforeConflicts = new Set(state.conflicts.map((c) => c.explanation));
        const previewId = randomBytes(12).toString('hex');
        const preview: PackagePreview = {
          previewId,
          kind: manifest.kind,
          fileName,
          forbund: { id: manifest.forbund, name: manifest.forbundName },
          sender: { personId: manifest.sender.person, name: after.persons[manifest.sender.person]?.name ?? manifest.sender.name, fingerprint: senderKey, shortCode: shortCode(senderKey), known: read.sender.known },
          createdAt: manifest.createdAt,
          signatureValid: true,
          newEvents: [...byType].map(([type, count]) => ({ type, label: label(type), count })),
          newAttachments: (await Promise.all(read.attachments.map((a) => opts.attachments.hasBlob(a.sha256)))).filter((has) => !has).length,
          alreadyKnown: local2.alreadyKnownEvents,
          refused: folded.refused.filter((r) => newIds.has(r.eventId)).map((r) => ({ label: label(r.type), author: personName(after, r.author), reason: plainReason(r.type, r.reason) })),
          held: folded.held.filter((h) => newIds.has(h.eventId)).map((h) => ({ label: label(h.type), author: personName(after, h.author), shortCode: shortCode(h.fingerprint) })),
          conflicts: after.conflicts.map((c) => c.explanation).filter((x) => !beforeConflicts.has(x)),
          recipients: manifest.recipients.map((r) => ({ personId: r.person, name: r.name })),
          roster: manifest.kind === 'invitation' && !s.forbund ? invitedChoices(after, manifest.recipients.map((r) => r.person)) : [],
        };
        pending.set(previewId, { read, documents, preview, newEvents: worth, adopt: kept.adopt, personName: (id) => after.persons[id]?.name });
        return preview;
      } catch (err) {
        await read.dispose();
        throw err;
      }
    },

    async backgroundSettled() {
      // A batch may be queued while the last one finishes.
      for (let seen = textWork; ; seen = textWork) {
        await seen;
        if (seen === textWork) return;
      }
    },

    async cancel(previewId) {
      const p = pending.get(previewId);
      if (!p) return;
      pending.delete(previewId);
      await p.read.dispose();
    },

    async apply(previewId, asPerson) {
      const p = pending.get(previewId);
      if (!p) throw new AppError('not_found', 'Förhandsvisningen har gått ut. Välj paketet igen.');
      pending.delete(previewId);
      try {
        const s = local.get();
        if (!s.forbund) {
          const invited = p.preview.kind === 'invitation' && p.preview.recipients.length === 1 ? p.preview.recipients[0]! : null;
          if (invited && asPerson !== invited.personId) {
            throw new AppError('bad_request', `Inbjudan gäller ${invited.name}. Den som ska gå med som någon annan behöver en egen inbjudan från förbundschefen.`);
          }
          if (!asPerson || !p.preview.roster.some((r) => r.personId === asPerson)) {
            throw new AppError('bad_request', 'Välj vem du är i förbundets register.');
          }
        }
        // Files first, by hash and without an index entry: invisible and harmless if the events never follow.
        // Only files an event refers to, and only PDFs: anything else in a package is never stored or parsed.
        const referenced = new Set([...store.all(), ...p.newEvents].flatMap(attachmentsOf));
        const newAttachments = await tracked('apply', async (report) => {
          const total = p.read.attachments.reduce((n, a) => n + a.size, 0);
          let done = 0;
          let stored = 0;
          for (const a of p.read.attachments) {
            // Only files the preview's check accepted (a refused one is never stored; the others still are).
            const check = p.documents.get(a.sha256);
            if (a.path && referenced.has(a.sha256) && check?.ok && !(await opts.attachments.hasBlob(a.sha256))) {
              await opts.attachments.adoptChecked(a.sha256, a.path, check.textPath);
              stored++;
            }
            done += a.size;
            report({ done, total });
          }
          return stored;
        });
        // The events as one atomic batch: all or nothing.
        const added = await store.append(p.newEvents);
        if (!s.forbund) {
          // A new laptop binds to its person now, keeping the preview's fold (not folding the history again).
          const genesis = p.read.events.find((e) => e.body.type === 'federation.created')!;
          await federation.bindToPerson(asPerson!, { id: p.preview.forbund.id, name: p.preview.forbund.name, genesisId: genesis.id }, { name: p.personName(asPerson!), adopt: p.adopt });
        } else {
          p.adopt();
        }
        // Then the shared documents become visible in the list (with the preview's check; a file without one, left
        // by an interrupted import, is checked on the way).
        await registerSharedDocuments(federation.state(), opts.attachments, p.documents);
        // The check read the documents' text; a file it could not read the text of is tried again in the
        // background, so the first search does not wait for pdf.js (attachments.text keeps the result beside the file).
        const listed = new Set((await opts.attachments.list()).map((a) => a.sha256));
        collectGarbage();
        extractTextsLater(p.read.attachments.filter((a) => a.path && listed.has(a.sha256) && !withText(p.documents.get(a.sha256))).map((a) => a.sha256));
        await local.update((st) => ({
          ...st,
          peerAcks: { ...st.peerAcks, [p.preview.sender.personId]: p.read.manifest.acks },
          lastImport: { at: new Date().toISOString(), from: p.preview.sender.name },
        }));
        return { newEvents: added.length, newAttachments };
      } finally {
        await p.read.dispose();
      }
    },
  };
}

/**
 * Makes every shared document whose file is on this laptop readable in the
 * attachment list. Idempotent; also run at start-up, which heals an import
 * that was interrupted between storing the events and this step.
 */
export async function registerSharedDocuments(state: FederationState, attachments: Pick<AttachmentStore, 'listStored'>, checked?: ReadonlyMap<string, IncomingCheck>): Promise<void> {
  const files = [
    ...Object.values(state.documents).map((d) => ({ sha256: d.sha256, fileName: d.fileName })),
    ...Object.values(state.applications).flatMap((a) => a.versions.flatMap((v) => v.attachments)),
  ];
  // One PDF check per new file and one write of the index for all of them (not one per file).
  const { refused } = await attachments.listStored(files, new Date(), checked);
  for (const r of refused) console.warn(`[packages] ${r.sha256.slice(0, 12)} refused: ${r.message}`);
}

const withText = (check: IncomingCheck | undefined): boolean => check?.ok === true && check.textPath !== undefined;

/** An invitation made for one person offers only that person; an older one without a named recipient, the roster. */
function invitedChoices(state: FederationState, recipients: readonly string[]): PackagePreview['roster'] {
  const all = rosterChoices(state);
  const named = all.filter((r) => recipients.length === 1 && r.personId === recipients[0]);
  return named.length === 1 ? named : all;
}

function rosterChoices(state: FederationState): PackagePreview['roster'] {
  return Object.values(state.persons)
    .filter((p) => p.staffRole !== 'director')
    .map((p) => {
      const roles = p.assignments.map((a) => BOARD_ROLE_LABEL[a.role]);
      const staff = p.staffRole ? [STAFF_ROLE_LABEL[p.staffRole]] : [];
      const org = p.organisationId ? state.organisations[p.organisationId]?.name : undefined;
      return { personId: p.id, name: p.name, description: [...staff, ...new Set(roles), org].filter(Boolean).join(' · ') };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
