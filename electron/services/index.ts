import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { METHODS, type Handlers } from '../../shared/contract';
import { AppError } from '../../shared/contract/errors';
import { currentApplication } from '../../shared/domain/events';
import { formatDate } from '../../shared/domain/format';
import { buildKallelse } from '../../shared/domain/meetings/build-kallelse';
import { applicationLedger } from '../../shared/domain/meetings/selectors';
import { createAttachmentStore } from './attachments';
import { plainSecretBox, type SecretBox } from './identity/keys';
import { openEventStore } from './log/event-store';
import { removeStaleExtractions } from './packages/read';
import { openFederation } from './sync/federation';
import { openLocalState } from './sync/local-state';
import { createOpenedPackages, type OpenedPackages } from './sync/opened-packages';
import { createPackagesService, registerSharedDocuments } from './sync/packages-service';
import { loadDemoInto } from './demo/load-demo';
import { archiveDemo } from './demo/leave-demo';
import { renderApplicationSummary, summaryFileName } from './pdf/application-summary';
import { renderCoverSheet } from './pdf/cover-sheet';
import { renderKallelse } from './pdf/kallelse-pdf';
import { writeFileAtomic } from './storage/atomic';
import { openDataFolder } from './storage/data-folder';
import { createProtokollExport } from './protokoll/protokoll-export';
import { protokollFileName, renderSignedProtokoll } from './pdf/protokoll-pdf';

export interface ServiceOptions {
  dataDir: string;
  host: 'electron' | 'web';
  version: string;
  /** How the private key is sealed at rest: safeStorage in Electron, the plain box (file mode 0600) elsewhere. */
  secretBox?: SecretBox;
  /** Files opened outside the window (Electron: double-click, menu). The browser host has none. */
  openedPackages?: OpenedPackages;
}

/** How long one `packages.nextOpened` call waits before answering "nothing yet". */
const OPENED_POLL_MS = 25_000;

/**
 * Every main-side capability, as plain Node, created from a data folder.
 * Electron's IPC, the browser host and the CLI all sit on top of this.
 */
export async function createServices(opts: ServiceOptions): Promise<Handlers> {
  let current = await openServices(opts);
  // "Lämna demoförbundet": the demo's files go to an archive folder and the services open afresh on the empty folder.
  const leaveDemo: Handlers['demo.leave'] = async () => {
    if (!(await current['session.get']({})).demo) throw new AppError('bad_request', 'Den här installationen är inget demoförbund. Inget har ändrats.');
    await archiveDemo(resolve(opts.dataDir));
    current = await openServices(opts);
    return current['session.get']({});
  };
  const outer: Record<string, (input: never) => Promise<unknown>> = {};
  for (const method of METHODS) {
    outer[method] = method === 'demo.leave' ? leaveDemo : (input: never) => (current[method] as (i: never) => Promise<unknown>)(input);
  }
  return outer as unknown as Handlers;
}

async function openServices(opts: ServiceOptions): Promise<Handlers> {
  const folder = await openDataFolder(opts.dataDir);
  const attachments = createAttachmentStore(folder);
  const store = await openEventStore(folder.root);
  const local = await openLocalState(folder.root);
  const box = opts.secretBox ?? plainSecretBox;
  const opened = opts.openedPackages ?? createOpenedPackages();
  const federation = await openFederation({ dataDir: folder.root, box, store, local });
  const packages = createPackagesService({ dataDir: folder.root, store, attachments, federation, local });
  // An import killed midway leaves extracted files and an incoming copy: never applied, safe to remove.
  await removeStaleExtractions(join(folder.root, 'packages', 'tmp'));
  await fs.rm(join(folder.root, 'packages', 'in'), { recursive: true, force: true });
  await registerSharedDocuments(federation.state(), attachments);

  const exportProtokoll = createProtokollExport({
    state: () => federation.state(),
    lineOf: (id) => {
      const e = store.get(id);
      return e ? { body: e.body, sig: e.sig } : null;
    },
    exportsDir: folder.exportsDir,
    render: async (input, variant) => ({
      fileName: protokollFileName(input.document, variant),
      bytes: await renderSignedProtokoll({ document: input.document, attestations: input.attestations, signers: input.signers, anslag: input.anslag, variant }),
    }),
  });

  const handlers: Handlers = {
    'app.info': async () => ({ name: 'Styrelsebordet', version: opts.version, host: opts.host, dataDir: folder.root }),
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
      await writeFileAtomic(join(folder.exportsDir, fileName), bytes);
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
      await writeFileAtomic(join(folder.exportsDir, fileName), bytes);
      return { fileName, bytes };
    },
    'session.get': async () => federation.session(),
    'forbund.create': async (input) => federation.create(input),
    'demo.load': async () => {
      // Members of the demo live in scratch folders; only their return packages reach this installation.
      await loadDemoInto(handlers, (dataDir) => createServices({ dataDir, host: opts.host, version: opts.version }));
      await local.update((s) => ({ ...s, demo: true }));
      return federation.session();
    },
    // Answered by createServices, which can reopen the folder; one open folder cannot leave itself.
    'demo.leave': async () => {
      throw new AppError('bad_request', 'Demoförbundet kan inte lämnas härifrån.');
    },
    'log.list': async ({ afterSeq }) => ({ events: store.list(afterSeq), lastSeq: store.lastSeq() }),
    'log.append': async ({ type, payload, prev }) => {
      const event = await federation.append(type, payload, prev);
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
    'packages.preview': async ({ fileName, bytes }) => packages.preview(fileName, bytes),
    'packages.progress': async () => ({ progress: packages.progress() }),
    'packages.nextOpened': async () => ({ file: await opened.next(OPENED_POLL_MS) }),
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
      await writeFileAtomic(join(folder.exportsDir, fileName), bytes);
      return { fileName, bytes };
    },
    'packages.apply': async ({ previewId, asPerson }) => ({ ...(await packages.apply(previewId, asPerson)), session: federation.session() }),
    'protokoll.export': exportProtokoll,
  };
  return handlers;
}
