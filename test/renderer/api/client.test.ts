import { describe, expect, it, vi } from 'vitest';
import { METHODS, encodeWire, type Envelope } from '../../../shared/contract';
import { ApiError, createApi, detectTransport, httpTransport } from '../../../renderer/src/api/client';

describe('renderer API client', () => {
  it('has one function per contract method', () => {
    const api = createApi(async () => ({ ok: true, value: null }));
    expect(Object.keys(api).sort()).toEqual([...METHODS].sort());
  });

  it('returns the value of a successful call and throws the Swedish message of a failed one', async () => {
    const api = createApi(async (method): Promise<Envelope<unknown>> =>
      method === 'attachments.list' ? { ok: true, value: [] } : { ok: false, error: { code: 'not_found', message: 'Bilagan finns inte på den här datorn.' } },
    );
    await expect(api['attachments.list']({})).resolves.toEqual([]);
    const err = await api['attachments.read']({ sha256: 'a'.repeat(64) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'not_found', message: 'Bilagan finns inte på den här datorn.' });
  });

  it('uses the preload bridge when there is one, and the host token otherwise', async () => {
    const bridge = Object.fromEntries(METHODS.map((m) => [m, vi.fn(async () => ({ ok: true, value: m }))]));
    const win = { styrelsebordet: bridge, location: { search: '' } } as unknown as Window;
    expect(await detectTransport(win)('app.info', {})).toEqual({ ok: true, value: 'app.info' });
    expect(bridge['app.info']).toHaveBeenCalledWith({});
  });

  it('sends bytes to the host as wire JSON with the bearer token', async () => {
    const fetchImpl = vi.fn(async () => new Response(encodeWire({ ok: true, value: { bytes: new Uint8Array([1, 2, 3]) } })));
    const send = httpTransport('hemlig', fetchImpl as unknown as typeof fetch);
    const result = await send('attachments.add', { fileName: 'a.pdf', bytes: new Uint8Array([37, 80, 68, 70]) });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/attachments.add');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer hemlig');
    expect(init.body).toContain('"$bytes":"JVBERg=="');
    expect(result).toEqual({ ok: true, value: { bytes: new Uint8Array([1, 2, 3]) } });
  });

  it('turns a lost connection into a Swedish message', async () => {
    const send = httpTransport('x', (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch);
    expect(await send('app.info', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Kontakten/) } });
  });
});
