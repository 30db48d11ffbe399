/**
 * The names of every capability the renderer may ask of the main side.
 *
 * Kept apart from the schemas so the preload (bundled as CommonJS into a
 * sandboxed context) can list the methods without pulling in zod.
 * `schemas.ts` is checked at compile time to cover exactly these names.
 */
export const METHODS = [
  'app.info',
  'attachments.add',
  'attachments.list',
  'attachments.read',
  'attachments.text',
  'documents.coverSheet',
  'applications.summaryPdf',
  'session.get',
  'forbund.create',
  'demo.load',
  'demo.leave',
  'state.get',
  'state.history',
  'log.list',
  'log.append',
  'documents.share',
  'packages.export',
  'invitations.export',
  'packages.preview',
  'packages.apply',
  'packages.cancel',
  'packages.nextOpened',
  'packages.progress',
  'packages.choose',
  'packages.save',
  'protokoll.export',
  'protokoll.verify',
  'meetings.kallelsePdf',
  'lock.status',
  'lock.setup',
  'lock.unlock',
  'lock.lock',
  'notes.get',
  'notes.save',
  'files.showInFolder',
] as const;

export type Method = (typeof METHODS)[number];

/** IPC channel used for one method. One channel per method keeps the main side's allow-list explicit. */
export const channelFor = (method: Method): string => `sb:${method}`;

export const isMethod = (name: unknown): name is Method =>
  typeof name === 'string' && (METHODS as readonly string[]).includes(name);
