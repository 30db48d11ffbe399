import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeWire } from '../../../shared/contract';
import type * as PackageFilesModule from '../../../renderer/src/api/package-files';

/**
 * The browser host (issue #16): a chosen package goes to the host as the raw
 * body of an upload (never base64 in a JSON call), and the preview names it by
 * the id the host answered; an export is saved through the host's download
 * address by the name the export gave.
 */
let files: typeof PackageFilesModule;

beforeAll(async () => {
  window.history.replaceState(null, '', '/?token=tok-123');
  delete (window as unknown as { styrelsebordet?: unknown }).styrelsebordet;
  files = await import('../../../renderer/src/api/package-files');
});
afterEach(() => vi.unstubAllGlobals());

describe('package files in the browser host', () => {
  it('uploads the chosen File as the raw body, then previews it by id', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      const value = url.startsWith('/upload/') ? { fileId: 'f'.repeat(24), fileName: 'från örjan.sbpaket' } : { previewId: 'p-12345678', fileName: 'från örjan.sbpaket' };
      return new Response(encodeWire({ ok: true, value }));
    });
    const file = new File([new Uint8Array([80, 75, 3, 4])], 'från örjan.sbpaket');
    const preview = await files.previewPicked(file);
    expect(preview).toMatchObject({ previewId: 'p-12345678' });
    expect(seen[0]!.url).toBe(`/upload/package?name=${encodeURIComponent('från örjan.sbpaket')}`);
    expect(seen[0]!.init.method).toBe('POST');
    expect(seen[0]!.init.body).toBe(file); // the File itself: the browser streams it from disk
    expect(seen[0]!.init.headers).toMatchObject({ 'Content-Type': 'application/octet-stream', Authorization: 'Bearer tok-123' });
    expect(seen[1]!.url).toBe('/api/packages.preview');
    expect(String(seen[1]!.init.body)).toContain('f'.repeat(24));
    expect(String(seen[1]!.init.body)).not.toContain('bytes');
  });

  it('shows the host’s refusal of an upload as its Swedish message', async () => {
    vi.stubGlobal('fetch', async () => new Response(encodeWire({ ok: false, error: { code: 'too_large', message: 'Filen är för stor för att importeras (högst 1 GB).' } }), { status: 413 }));
    await expect(files.uploadPackage(new File([new Uint8Array([1])], 'stor.sbpaket'))).rejects.toMatchObject({ code: 'too_large', message: expect.stringMatching(/för stor/) });
  });

  it('saves an export through the download address, by name', async () => {
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.getAttribute('href')} ${this.download}`);
    });
    await files.savePackage('inbjudan-olle.sbpaket');
    expect(clicked).toEqual(['/download/package/inbjudan-olle.sbpaket?token=tok-123 inbjudan-olle.sbpaket']);
    click.mockRestore();
  });
});
