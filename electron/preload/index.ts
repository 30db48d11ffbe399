/**
 * Preload (sandboxed, bundled to CommonJS). Exposes exactly one function per
 * contract method on `window.styrelsebordet` and nothing else: no ipcRenderer,
 * no generic invoke, no channel names chosen by the page.
 *
 * Imports only the method list (no zod): a sandboxed preload can require
 * nothing but `electron`, so everything else must be bundled and kept small.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge } from '../../shared/contract/bridge';
import type { Envelope } from '../../shared/contract/errors';
import { channelFor, type Method } from '../../shared/contract/methods';

const call =
  (method: Method) =>
  (input: unknown): Promise<Envelope<unknown>> =>
    ipcRenderer.invoke(channelFor(method), input) as Promise<Envelope<unknown>>;

// Listed by hand, checked by `satisfies`: a method added to or removed from
// METHODS without updating this object fails to compile.
const api = Object.freeze({
  'app.info': call('app.info'),
  'attachments.add': call('attachments.add'),
  'attachments.list': call('attachments.list'),
  'attachments.read': call('attachments.read'),
  'attachments.text': call('attachments.text'),
  'documents.coverSheet': call('documents.coverSheet'),
  'applications.summaryPdf': call('applications.summaryPdf'),
  'session.get': call('session.get'),
  'forbund.create': call('forbund.create'),
  'demo.load': call('demo.load'),
  'demo.leave': call('demo.leave'),
  'state.get': call('state.get'),
  'state.history': call('state.history'),
  'log.list': call('log.list'),
  'log.append': call('log.append'),
  'documents.share': call('documents.share'),
  'packages.export': call('packages.export'),
  'invitations.export': call('invitations.export'),
  'packages.preview': call('packages.preview'),
  'packages.apply': call('packages.apply'),
  'packages.cancel': call('packages.cancel'),
  'packages.nextOpened': call('packages.nextOpened'),
  'packages.progress': call('packages.progress'),
  'packages.choose': call('packages.choose'),
  'packages.save': call('packages.save'),
  'protokoll.export': call('protokoll.export'),
  'protokoll.verify': call('protokoll.verify'),
  'meetings.kallelsePdf': call('meetings.kallelsePdf'),
  'lock.status': call('lock.status'),
  'lock.setup': call('lock.setup'),
  'lock.unlock': call('lock.unlock'),
  'lock.lock': call('lock.lock'),
  'notes.get': call('notes.get'),
  'notes.save': call('notes.save'),
  'files.showInFolder': call('files.showInFolder'),
} satisfies Bridge);

contextBridge.exposeInMainWorld('styrelsebordet', api);
