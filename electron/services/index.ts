import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { METHODS, type Handlers, type Method } from '../../shared/contract';
import { AppError } from '../../shared/contract/errors';
import { currentApplication } from '../../shared/domain/events';
import { formatDate } from '../../shared/domain/format';
import { buildKallelse } from '../../shared/domain/meetings/build-kallelse';
import { applicationLedger } from '../../shared/domain/meetings/selectors';
import { createAttachmentStore } from './documents/attachments';
import { plainSecretBox, type SecretBox } from './identity/keys';
import { DATA_KEY_BOX, dataKeySecretBox, privateKeySealedBy, resealPrivateKey } from './identity/data-key-box';
import { openEventStore } from './log/event-store';
import { createNoteStore } from './applications/notes';
import { removeStaleExtractions } from './packages/read';
import { createStateView } from './sync/state-view';
import { openFederation } from './sync/federation';
import { openLocalState } from './sync/local-state';
import { createOpenedPackages, type OpenedPackages } from './sync/opened-packages';
import { createPackagesService, registerSharedDocuments } from './sync/packages-service';
import { loadDemoInto } from './demo/load-demo';
import { archiveDemo } from './demo/leave-demo';
import { renderApplicationSummary, summaryFileName } from './applications/application-summary';
import { renderCoverSheet } from './documents/cover-sheet';
import { renderKallelse } from './meetings/kallelse-pdf';
import { openDataFolder, type DataFolder } from './storage/data-folder';
import { sealFolderOnce } from './storage/seal-folder';
import { createSealedFiles, lockKeySource, type SealedFiles } from './storage/sealed-file';
import { outgoingRetentionDays, pruneOutgoingPackages } from './storage/prune-outgoing';
import { createProtokollExport } from './meetings/protokoll/protokoll-export';
import { openAppLock, type AppLock, type KeyWrap } from './lock/app-lock';
import { LOCKED_MESSAGE, guardWithLock } from './lock/gate';
import { protokollFileName, renderSignedProtokoll } from './meetings/protokoll/protokoll-pdf';
import { normalisePin } from './meetings/protokoll/verify-protokoll';
import { verifyProtokollPdfGuarded } from './pdf/sandbox';
import { createPkiService } from './pki/pki-service';
import { showInFolderHandler, type Reveal } from './files/reveal';
import { createIncomingFiles, type IncomingFiles } from './packages/incoming';
import { openOutgoing, outgoingRoots, saveOutgoingAs, type PackageDialogs } from './packages/outgoing';
import { isSafeFileName } from '../../shared/domain/safe-text';
import type { PackageFiles } from './packages/package-files';
import { withUsb } from './demo/carry';

export interface ServiceOptions {
  dataDir: string;
  host: 'electron' | 'web';
  version: string;
  /** How the private key is sealed at rest: safeStorage in Electron, the plain box (file mode 0600) elsewhere. */
  secretBox?: SecretBox;
  /** Electron: the OS keychain's wrap around the PIN-sealed data key (electron/main/safe-storage-wrap.ts). */
  keyWrap?: KeyWrap | null;
  /** Files opened outside the window (Electron: double-click, menu). The browser host has none. */
  openedPackages?: OpenedPackages;
  /** Electron: "Visa i mappen" (shell.showItemInFolder and the save dialog's paths). The browser host has none. */
  reveal?: Reveal;
  /** Electron: the main side's open and save dialogs for package files. The browser host uploads and downloads instead. */
  dialogs?: PackageDialogs;
}

export type { PackageFiles };

interface Opened {
  handlers: Handlers;
  openOutgoing: PackageFiles['openOutgoing'];
  isLocked(): boolean;
  /** Once the background work of the imports so far is done (the bench measures an import's whole peak). */
  backgroundSettled(): Promise<void>;
}

/** How long one `packages.nextOpened` call waits before answering "nothing yet". */
const OPENED_POLL_MS = 25_000;

/**
 * Every main-side capability, as plain Node, created from a data folder.
 * Electron's IPC, the browser host and the CLI all sit on top of this.
 */
export async function createServices(opts: ServiceOptions): Promise<Handlers> {
  return (await createServicesWithFiles(opts)).handlers;
}

/** As createServices, with the package files the browser host serves (and tests carry between laptops). */
export async function createServicesWithFiles(opts: ServiceOptions): Promise<{ handlers: Handlers; packageFiles: PackageFiles; backgroundSettled(): Promise<void> }> {
  // Incoming files live as long as the process; what an earlier run left is ciphertext without its key.
  const incoming = createIncomingFiles(join(resolve(opts.dataDir), 'packages', 'upload'));
  await incoming.clear();
  let current = await openServices(opts, incoming);
  // "Lämna demoförbundet": the demo's files go to an archive folder and the services open afresh on the empty folder.
  const leaveDemo: Handlers['demo.leave'] = async () => {
    if (!(await current.handlers['session.get']({})).demo) throw new AppError('bad_request', 'Den här installationen är inget demoförbund. Inget har ändrats.');
    await archiveDemo(resolve(opts.dataDir));
    current = await openServices(opts, incoming);
    return current.handlers['session.get']({});
  };
  const outer: Record<string, (input: never) => Promise<unknown>> = {};
  for (const method of METHODS) {
    outer[method] = method === 'demo.leave' ? leaveDemo : (input: never) => (current.handlers[method] as (i: never) => Promise<unknown>)(input);
  }
  return {
    handlers: outer as unknown as Handlers,
    packageFiles: {
      // Refused at the door while locked, as every call is: nothing is written for a laptop nobody has unlocked.
      receive: (source, fileName, announced) => {
        if (current.isLocked()) return Promise.reject(new AppError('locked', LOCKED_MESSAGE));
        return incoming.receive(source, fileName, announced);
      },
      openOutgoing: (fileName) => current.openOutgoing(fileName),
    },
    backgroundSettled: () => current.backgroundSettled(),
  };
}

async function openServices(opts: ServiceOptions, incoming: IncomingFiles): Promise<Opened> {
  const folder = await openDataFolder(opts.dataDir);
  const lock = await openAppLock(folder.root, Date.now, opts.keyWrap ?? null);
  // The one storage layer for content (storage/sealed-file.ts): plain without a PIN, sealed with the data key after.
  const files = createSealedFiles(lockKeySource(lock));
  // With a PIN, nothing of the förbund is read before the PIN is entered: the log and the files need the data key.
  let opened: Promise<Unlocked> | null = null;
  /** Every handler, unguarded (filled below; the demo drives this installation through it). */
  const all: Record<string, (input: never) => Promise<unknown>> = {};
  const unlocked = (): Promise<Unlocked> =>
    (opened ??= openUnlocked(opts, folder, lock, files, all as unknown as Handlers, incoming).catch((err: unknown) => {
      opened = null;
      throw err;
    }));
  if (!lock.isLocked()) await unlocked();

  const lockHandlers: Pick<Handlers, LockMethod> = {
    'app.info': async () => ({ name: 'Styrelsebordet', version: opts.version, host: opts.host, dataDir: folder.root }),
    'lock.status': async () => lock.status(),
    'lock.setup': async ({ pin, idleMinutes }) => {
      await lock.setup(pin, idleMinutes);
      const services = await unlocked();
      // What was written so far is sealed now (each file atomically; an interrupted run resumes at the next unlock).
      await sealFolderOnce(folder.root, files, true);
      await services.keyAfterUnlock();
      return lock.status();
    },
    'lock.unlock': async ({ pin }) => {
      await lock.unlock(pin);
      await sealFolderOnce(folder.root, files);
      await (await unlocked()).keyAfterUnlock();
      return lock.status();
    },
    'lock.lock': async () => {
      lock.lock();
      return lock.status();
    },
  };
  for (const method of METHODS) {
    const own = (lockHandlers as Record<string, (input: never) => Promise<unknown>>)[method];
    all[method] = own ?? (async (input: never) => ((await unlocked()).handlers[method as Exclude<Method, LockMethod>] as (i: never) => Promise<unknown>)(input));
  }
  const roots = outgoingRoots(folder.root);
  return {
    handlers: guardWithLock(all as unknown as Handlers, lock),
    // Refused while locked: a sealed copy cannot be read without the data key (AppError 'locked').
    openOutgoing: (fileName) => openOutgoing(files, roots, fileName),
    isLocked: () => lock.isLocked(),
    backgroundSettled: async () => {
      if (opened) await (await opened).backgroundSettled();
    },
  };
}

type LockMethod = 'app.info' | 'lock.status' | 'lock.setup' | 'lock.unlock' | 'lock.lock';

interface Unlocked {
  handlers: Omit<Handlers, LockMethod>;
  /** After the PIN is chosen or entered: seal a plain private key with the data key, and load it if it is not loaded. */
  keyAfterUnlock(): Promise<void>;
  backgroundSettled(): Promise<void>;
}

/** Opens the förbund's data: at start without a PIN, else once the PIN has released the data key. */
async function openUnlocked(opts: ServiceOptions, folder: DataFolder, lock: AppLock, files: SealedFiles, self: Handlers, incoming: IncomingFiles): Promise<Unlocked> {
  const attachments = createAttachmentStore(folder, { files });
  const store = await openEventStore(folder.root, files);
  const notes = createNoteStore(folder.root, files);
  const local = await openLocalState(folder.root);
  const box = opts.secretBox ?? plainSecretBox;
  const opened = opts.openedPackages ?? createOpenedPackages();
  // Browser host and CLI: once a PIN is chosen, the private key is sealed by the lock's data key.
  const sealsWithLock = !opts.secretBox;
  const sealedByLock = sealsWithLock && (await privateKeySealedBy(folder.root)) === DATA_KEY_BOX;
  const newKeyBox = (): SecretBox | null => {
    const key = sealsWithLock && lock.status().configured ? lock.dataKey() : null;
    return key ? dataKeySecretBox(key) : null;
  };
  const federation = await openFederation({ dataDir: folder.root, box: sealedByLock ? null : box, store, local, files, newKeyBox });
  const stateView = createStateView({ federation, store, genesisId: () => local.get().forbund?.genesisId });
  async function keyAfterUnlock(): Promise<void> {
    const key = lock.dataKey();
    if (!sealsWithLock || !key) return;
    const sealed = dataKeySecretBox(key);
    let by = await privateKeySealedBy(folder.root);
    const resealed = by === plainSecretBox.kind;
    if (resealed) {
      await resealPrivateKey(folder.root, plainSecretBox, sealed);
      by = DATA_KEY_BOX;
    }
    // Loaded again after a reseal too: the keys (signing and encryption) are opened with the data-key box from now on.
    if (by === DATA_KEY_BOX && (!federation.identity() || resealed)) await federation.openIdentity(sealed);
  }
  const packages = createPackagesService({ dataDir: folder.root, store, attachments, federation, local, files, incoming });
  // An import killed midway leaves extracted files and an incoming copy: never applied, safe to remove.
  await removeStaleExtractions(join(folder.root, 'packages', 'tmp'));
  await fs.rm(join(folder.root, 'packages', 'in'), { recursive: true, force: true });
  await pruneOutgoingPackages(folder.root, await outgoingRetentionDays(folder.root));
  await registerSharedDocuments(federation.state(), attachments);
  const pki = createPkiService({ dataDir: folder.root, box, store, federation, files });
  // The PKI follows the user's action; a failure there (e.g. a damaged ca.json) must neither undo nor hide that action,
  // nor stop the app from starting: the export then carries no PAdES signature and verify says so.
  const ensurePki = () => pki.ensure().catch((err: unknown) => console.error('Förbundets certifikat kunde inte uppdateras:', err));
  // Not at start-up: opening a data folder changes nothing in it (a log from an older version stays as it was until
  // the user acts). A förbund set up before the CA existed gets one at the förbundschef's next change or export,
  // and every laptop asks once for its certificate at its next change or import.

  const exportProtokoll = createProtokollExport({
    state: () => federation.state(),
    lineOf: (id) => {
      const e = store.get(id);
      return e ? { body: e.body, sig: e.sig } : null;
    },
    exportsDir: folder.exportsDir,
    files,
    render: async (input, variant) => {
      await ensurePki();
      const caFingerprint = pki.caFingerprint() ?? undefined;
      const bytes = await renderSignedProtokoll({ document: input.document, attestations: input.attestations, signers: input.signers, anslag: input.anslag, variant, caFingerprint });
      // The signed protokoll carries this laptop's PAdES signature (issue #12); the public copy stays unsigned.
      const attestationKeys = Object.keys(input.signers);
      const sealed = variant === 'signed' ? await pki.seal(bytes, { reason: 'Justerat protokoll, exporterat ur Styrelsebordet', location: input.document.forbund.name, attestationKeys }) : null;
      return { fileName: protokollFileName(input.document, variant), bytes: sealed ?? bytes };
    },
  });

  const handlers: Unlocked['handlers'] = {
    'attachments.add': async ({ fileName, bytes }) => attachments.add(fileName, bytes),
    'attachments.list': async () => attachments.list(),
    'attachments.read': async ({ sha256 }) => attachments.read(sha256),
    'attachments.text': async ({ sha256 }) => ({ text: await attachments.text(sha256) }),
    'documents.coverSheet': async () => {
      const now = new Date();
      const bytes = await renderCoverSheet({ attachments: await attachments.list(), generatedAt: now });
      const fileName = `bilageforteckning-${formatDate(now)}.pdf`;
      // Keep a copy: what the app produced is part of the record.
      await fs.mkdir(folder.exportsDir, { recursive: true });
      await files.write(join(folder.exportsDir, fileName), bytes);
      return { fileName, bytes };
    },
    'applications.summaryPdf': async ({ applicationId }) => {
      const state = federation.state();
      const application = currentApplication(state, applicationId);
      if (!application) throw new AppError('not_found', 'Ansökan finns inte på den här datorn. Importera paketet med ansökan under Paket och försök igen.');
      const now = new Date();
      const organisationNames = Object.fromEntries(Object.values(state.organisations).map((o) => [o.id, o.name]));
      const bytes = await renderApplicationSummary({ application, organisationNames, organisation: state.federation?.name, insatsBudget: state.insatsBudget, ledger: applicationLedger(state, applicationId), generatedAt: now });
      const fileName = summaryFileName(application, now);
      // Keep a copy, as for the cover sheet: what the app produced is part of the record.
      await fs.mkdir(folder.exportsDir, { recursive: true });
      await files.write(join(folder.exportsDir, fileName), bytes);
      return { fileName, bytes };
    },
    'session.get': async () => federation.session(),
    'forbund.create': async (input) => {
      await federation.create(input);
      await ensurePki();
      return federation.session();
    },
    'demo.load': async () => {
      // Members of the demo live in scratch folders; only their return packages reach this installation.
      const own = { receive: incoming.receive, openOutgoing: (fileName: string) => openOutgoing(files, outgoingRoots(folder.root), fileName) };
      await loadDemoInto(withUsb(self, own), async (dataDir) => {
        const member = await createServicesWithFiles({ dataDir, host: opts.host, version: opts.version });
        return withUsb(member.handlers, member.packageFiles);
      });
      await lock.markDemo(); // fictional data: no PIN asked
      await local.update((s) => ({ ...s, demo: true }));
      return federation.session();
    },
    // Answered by createServices, which can reopen the folder; one open folder cannot leave itself.
    'demo.leave': async () => {
      throw new AppError('bad_request', 'Demoförbundet kan inte lämnas härifrån.');
    },
    'state.get': async ({ since }) => stateView.get(since),
    'state.history': async ({ subjectId }) => ({ entries: stateView.history(subjectId) }),
    'log.list': async ({ afterSeq }) => ({ events: store.list(afterSeq), lastSeq: store.lastSeq() }),
    'log.append': async ({ type, payload, prev }) => {
      const event = await federation.append(type, payload, prev);
      // An accepted key gets its certificate at once (on the förbundschef's laptop, which holds the CA).
      await ensurePki();
      return store.get(event.id)!;
    },
    'documents.share': async ({ sha256, title, confidential, oslReference }) => {
      const { meta } = await attachments.read(sha256);
      const payload = { sha256, fileName: meta.fileName, title, pageCount: meta.pageCount, size: meta.size, confidential, oslReference: oslReference || null };
      const event = await federation.append('document.shared', payload, []);
      return store.get(event.id)!;
    },
    'packages.export': async ({ recipients }) => packages.exportChanges(recipients),
    'invitations.export': async ({ personId }) => packages.exportInvitation(personId),
    'packages.preview': async ({ fileId }) => packages.preview(fileId),
    'packages.progress': async () => ({ progress: packages.progress() }),
    'packages.nextOpened': async () => {
      const next = await opened.next(OPENED_POLL_MS);
      if (!next) return { file: null };
      if (next.kind === 'pdf') return { file: { ...next, fileName: isSafeFileName(next.fileName) ? next.fileName : 'protokoll.pdf' } };
      return { file: { kind: 'package' as const, ...incoming.addPath(next.path) } };
    },
    'packages.choose': async () => {
      if (!opts.dialogs) throw new AppError('bad_request', 'Här väljs paketet med knappen i webbläsaren.');
      const path = await opts.dialogs.open();
      return { file: path ? incoming.addPath(path) : null };
    },
    'packages.save': async ({ fileName }) => ({
      saved: await saveOutgoingAs(files, outgoingRoots(folder.root), fileName, opts.dialogs ?? null, opts.reveal?.saved ?? null),
    }),
    'meetings.kallelsePdf': async ({ meetingId }) => {
      const state = federation.state();
      const meeting = state.meetings[meetingId];
      if (!meeting) throw new AppError('not_found', 'Sammanträdet finns inte på den här datorn. Importera paketet med sammanträdet under Paket och försök igen.');
      const sentOn = formatDate(new Date());
      // The kallelse is built by the meetings domain; the main side only renders it.
      const bytes = await renderKallelse(buildKallelse(state, meetingId, sentOn));
      const fileName = `kallelse-${meeting.date}.pdf`;
      // Keep a copy, as for the cover sheet: what the app produced is part of the record.
      await fs.mkdir(folder.exportsDir, { recursive: true });
      await files.write(join(folder.exportsDir, fileName), bytes);
      return { fileName, bytes };
    },
    'packages.apply': async ({ previewId, asPerson }) => {
      const applied = await packages.apply(previewId, asPerson);
      await ensurePki();
      return { ...applied, session: federation.session() };
    },
    'packages.cancel': async ({ previewId }) => {
      await packages.cancel(previewId);
      return {};
    },
    'protokoll.export': exportProtokoll,
    'notes.get': async ({ applicationId }) => ({ text: await notes.get(applicationId) }),
    'notes.save': async ({ applicationId, text }) => {
      await notes.save(applicationId, text);
      return {};
    },
    'protokoll.verify': async ({ bytes, caFingerprint }) => {
      const given = caFingerprint ? normalisePin(caFingerprint) : null;
      if (caFingerprint && !given) throw new AppError('bad_request', 'Fingeravtrycket ska vara 64 hexadecimala tecken (SHA-256), som det står på protokollets signatursida.');
      const trustedCa = given ?? pki.caFingerprint();
      // In the PDF worker thread with a time budget: a hostile file cannot hang the main side (issue #14).
      const result = await verifyProtokollPdfGuarded(bytes, { caFingerprint: trustedCa });
      return { ...result, trustedCa };
    },
    // Only what this side wrote: the exports and the outgoing packages (invitations in their own folder).
    'files.showInFolder': showInFolderHandler(
      [folder.exportsDir, ...outgoingRoots(folder.root)],
      opts.reveal ?? null,
    ),
  };
  return { handlers, keyAfterUnlock, backgroundSettled: () => packages.backgroundSettled() };
}
