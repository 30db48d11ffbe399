/**
 * The IPC glue against the contract, with a fake ipcMain and fake events: no
 * Electron binary needed. Proves one handler per method, the sender check, and
 * that arguments and answers are validated before/after the handler.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isAppMainFrame, registerIpc } from '../../../../electron/main/ipc';
import { METHODS, channelFor, type Envelope, type Handlers } from '../../../../shared/contract';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Envelope<unknown>>;

const SHA = 'a'.repeat(64);
const meta = {
  sha256: SHA,
  fileName: 'Protokoll 2025-03-12.pdf',
  size: 1234,
  pageCount: 3,
  addedAt: '2025-03-12T09:00:00.000Z',
};

function fakeHandlers() {
  const explicit = {
    'app.info': vi.fn(async () => ({ name: 'Styrelsebordet' as const, version: '0.0.0', host: 'electron' as const, dataDir: '/tmp/x' })),
    'attachments.add': vi.fn(async () => meta),
    'attachments.list': vi.fn(async () => [meta]),
    'attachments.read': vi.fn(async () => ({ meta, bytes: new Uint8Array([37, 80, 68, 70]) })),
    'documents.coverSheet': vi.fn(async () => ({ fileName: 'bilagor.pdf', bytes: new Uint8Array([1]) })),
  };
  // The remaining methods are never called here; they only need to exist.
  const rest = Object.fromEntries(METHODS.filter((m) => !(m in explicit)).map((m) => [m, vi.fn()]));
  return { ...rest, ...explicit } as unknown as Handlers & typeof explicit;
}

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const handle = vi.fn((channel: string, listener: Listener) => {
    if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    handlers.set(channel, listener);
  });
  return { handle, handlers };
}

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

/** An invoke event as Electron would build it, reduced to what the check reads. */
function eventFrom(frame: FakeFrame | null, mainFrame: FakeFrame | null = frame): IpcMainInvokeEvent {
  return { senderFrame: frame, sender: { id: 1, mainFrame } } as unknown as IpcMainInvokeEvent;
}

const appTop: FakeFrame = { url: 'app://styrelsebordet/index.html', parent: null };
const trusted = eventFrom(appTop);

let ipc: ReturnType<typeof fakeIpcMain>;
let handlers: ReturnType<typeof fakeHandlers>;

beforeEach(() => {
  ipc = fakeIpcMain();
  handlers = fakeHandlers();
  registerIpc(ipc, handlers);
});

const call = (method: string, event: IpcMainInvokeEvent, input?: unknown) => {
  const listener = ipc.handlers.get(`sb:${method}`);
  if (!listener) throw new Error(`no handler for ${method}`);
  return listener(event, input);
};

describe('registerIpc: channels', () => {
  it('registers exactly one handler per contract method and nothing else', () => {
    expect(ipc.handle).toHaveBeenCalledTimes(METHODS.length);
    expect([...ipc.handlers.keys()].sort()).toEqual(METHODS.map(channelFor).sort());
  });
});

describe('registerIpc: trusted calls', () => {
  it('passes parsed input to the handler and returns ok', async () => {
    const bytes = new Uint8Array([37, 80, 68, 70, 45]);
    const res = await call('attachments.add', trusted, { fileName: 'Budget 2026.pdf', bytes });
    expect(res).toEqual({ ok: true, value: meta });
    expect(handlers['attachments.add']).toHaveBeenCalledTimes(1);
    expect(handlers['attachments.add']).toHaveBeenCalledWith({ fileName: 'Budget 2026.pdf', bytes });
  });

  it('treats a missing argument as an empty object for methods without input', async () => {
    const res = await call('app.info', trusted);
    expect(res.ok).toBe(true);
    expect(handlers['app.info']).toHaveBeenCalledWith({});
  });

  it('answers every method for a trusted sender', async () => {
    await expect(call('attachments.list', trusted, {})).resolves.toMatchObject({ ok: true });
    await expect(call('attachments.read', trusted, { sha256: SHA })).resolves.toMatchObject({ ok: true });
    await expect(call('documents.coverSheet', trusted, {})).resolves.toMatchObject({ ok: true });
  });
});

describe('registerIpc: untrusted senders are refused before the handler runs', () => {
  const subframe: FakeFrame = { url: 'app://styrelsebordet/index.html', parent: appTop };
  const cases: Array<[string, IpcMainInvokeEvent]> = [
    ['another origin', eventFrom({ url: 'https://evil.example/', parent: null })],
    ['a look-alike host', eventFrom({ url: 'app://styrelsebordet.evil/index.html', parent: null })],
    ['credentials in the URL', eventFrom({ url: 'app://styrelsebordet@evil/index.html', parent: null })],
    ['a file:// page', eventFrom({ url: 'file:///tmp/index.html', parent: null })],
    ['a subframe on the app origin', eventFrom(subframe, appTop)],
    ['a missing senderFrame (navigated or destroyed)', eventFrom(null, appTop)],
    ['an empty event', {} as IpcMainInvokeEvent],
  ];

  it.each(cases)('%s', async (_name, event) => {
    const res = await call('attachments.list', event, {});
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers['attachments.list']).not.toHaveBeenCalled();
  });

  it('refuses when reading the frame throws (disposed frame)', async () => {
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    } as unknown as IpcMainInvokeEvent;
    await expect(call('app.info', event, {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers['app.info']).not.toHaveBeenCalled();
  });

  it('uses a custom trust check when given one', async () => {
    const local = fakeIpcMain();
    const h = fakeHandlers();
    registerIpc(local, h, () => false);
    const res = await local.handlers.get('sb:app.info')!(trusted, {});
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(h['app.info']).not.toHaveBeenCalled();
  });
});

describe('registerIpc: bad arguments', () => {
  const cases: Array<[string, string, unknown]> = [
    ['wrong type for fileName', 'attachments.add', { fileName: 42, bytes: new Uint8Array([1]) }],
    ['bytes as a plain array', 'attachments.add', { fileName: 'a.pdf', bytes: [37, 80, 68, 70] }],
    ['bytes as a string', 'attachments.add', { fileName: 'a.pdf', bytes: 'JVBERi0=' }],
    ['a folder in the file name', 'attachments.add', { fileName: '../../etc/passwd', bytes: new Uint8Array([1]) }],
    ['an extra key', 'attachments.add', { fileName: 'a.pdf', bytes: new Uint8Array([1]), path: '/etc/passwd' }],
    ['a non-hex sha256', 'attachments.read', { sha256: 'z'.repeat(64) }],
    ['a short sha256', 'attachments.read', { sha256: 'abc' }],
    ['an upper-case sha256', 'attachments.read', { sha256: 'A'.repeat(64) }],
    ['an extra key on an empty input', 'attachments.list', { all: true }],
    ['a non-object input', 'app.info', 'hello'],
  ];

  it.each(cases)('%s → bad_request', async (_name, method, input) => {
    const res = await call(method, trusted, input);
    expect(res).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(res.ok === false && res.error.message).toMatch(/[a-zåäö]/); // a Swedish sentence, not a stack
    for (const fn of Object.values(handlers)) expect(fn).not.toHaveBeenCalled();
  });
});

describe('registerIpc: answers off the contract', () => {
  // dispatch logs contract failures on the main side; keep the test output clean.
  beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => vi.restoreAllMocks());

  it('turns an invalid handler result into bad_response', async () => {
    handlers['attachments.read'].mockResolvedValueOnce({ meta, bytes: 'not bytes' } as never);
    const res = await call('attachments.read', trusted, { sha256: SHA });
    expect(res).toMatchObject({ ok: false, error: { code: 'bad_response' } });
  });

  it('turns a wrong app name into bad_response', async () => {
    handlers['app.info'].mockResolvedValueOnce({ name: 'Något annat', version: '1', host: 'electron', dataDir: '/' } as never);
    await expect(call('app.info', trusted, {})).resolves.toMatchObject({ ok: false, error: { code: 'bad_response' } });
  });
});

describe('isAppMainFrame', () => {
  it('accepts the app top frame and refuses everything else', () => {
    expect(isAppMainFrame(trusted)).toBe(true);
    expect(isAppMainFrame(eventFrom({ url: 'app://styrelsebordet/', parent: null }))).toBe(true);
    expect(isAppMainFrame(eventFrom({ url: 'app://styrelsebordet/index.html', parent: appTop }, appTop))).toBe(false);
    expect(isAppMainFrame(eventFrom({ url: 'app://other/index.html', parent: null }))).toBe(false);
    expect(isAppMainFrame(eventFrom({ url: 'about:blank', parent: null }))).toBe(false);
  });
});
