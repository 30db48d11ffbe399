import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type * as SandboxModule from '../../../../../electron/services/pdf/sandbox';
import { loadDeviceIdentity, plainSecretBox } from '../../../../../electron/services/identity/keys';
import { sha256Hex } from '../../../../../electron/services/documents/attachments';
import { writePackage } from '../../../../../electron/services/packages/write';
import { carry, laptop, setUpForbund } from '../../../../helpers/federation-fixture';
import { makeMultiPagePdf } from '../../../../helpers/pdf-fixtures';

/** The SHA-256 of every file the PDF worker was asked to check. */
const inspected = vi.hoisted(() => new Set<string>());
vi.mock('../../../../../electron/services/pdf/sandbox', async (importOriginal) => {
  const real = await importOriginal<typeof SandboxModule>();
  const { createHash } = await import('node:crypto');
  return {
    ...real,
    inspectPdfGuarded: (bytes: Uint8Array, opts?: { handOver?: boolean }) => {
      inspected.add(createHash('sha256').update(bytes).digest('hex')); // before the bytes are handed over
      return real.inspectPdfGuarded(bytes, opts);
    },
    inspectPdfWithTextGuarded: (bytes: Uint8Array, opts?: { handOver?: boolean }) => {
      inspected.add(createHash('sha256').update(bytes).digest('hex'));
      return real.inspectPdfWithTextGuarded(bytes, opts);
    },
  };
});

const storedBlobs = (dataDir: string): string[] => {
  const root = join(dataDir, 'attachments');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(root, d.name)).filter((f) => f.endsWith('.pdf')).map((f) => f.replace(/\.pdf$/, '')));
};

/**
 * A package may carry files no event refers to, and files that are not PDFs:
 * neither is stored on import, and a file no event refers to is never parsed
 * (the preview checks only the documents the events name). (Before: every blob in a package was stored and
 * text-extracted, so an unreferenced hostile PDF reached pdf.js anyway.)
 */
describe('files in an imported package', () => {
  it('stores only the PDFs the events refer to', async () => {
    const director = await laptop('blobs-chef');
    const { lena } = await setUpForbund(director);
    const doc = await director['attachments.add']({ fileName: 'Handling.pdf', bytes: await makeMultiPagePdf(1, 'Delad handling') });
    await director['documents.share']({ sha256: doc.sha256, title: 'Handling', confidential: false });

    // A package signed by the förbundschef's own key, carrying two extra files.
    const identity = (await loadDeviceIdentity(director.dataDir, plainSecretBox))!;
    const scratch = mkdtempSync(join(tmpdir(), 'sb-blobs-'));
    const stray = await makeMultiPagePdf(1, 'Ingen händelse pekar hit');
    const junk = new TextEncoder().encode('MZ… inte en PDF alls');
    writeFileSync(join(scratch, 'stray.pdf'), stray);
    writeFileSync(join(scratch, 'junk.bin'), junk);
    const logDir = join(director.dataDir, 'log');
    const eventLines = readdirSync(logDir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .flatMap((f) => readFileSync(join(logDir, f), 'utf8').split('\n').filter(Boolean));
    const session = await director['session.get']({});
    const written = await writePackage({
      outDir: scratch,
      identity,
      forbund: { id: session.forbund!.id, name: session.forbund!.name },
      sender: { person: identity.person, name: 'Dana Direktör' },
      recipients: [{ person: lena, name: 'Lena Ledamot' }],
      kind: 'invitation',
      eventLines,
      attachments: [
        { sha256: doc.sha256, path: join(director.dataDir, 'attachments', doc.sha256.slice(0, 2), `${doc.sha256}.pdf`) },
        { sha256: sha256Hex(stray), path: join(scratch, 'stray.pdf') },
        { sha256: sha256Hex(junk), path: join(scratch, 'junk.bin') },
      ],
      acks: {},
    });
    const lenaLaptop = await laptop('blobs-lena');
    inspected.clear();
    const { applied } = await carry({ fileName: written.fileName, bytes: readFileSync(written.path) }, lenaLaptop, lena);
    expect(applied.newAttachments).toBe(1);
    expect(storedBlobs(lenaLaptop.dataDir)).toEqual([doc.sha256]);
    expect((await lenaLaptop['attachments.list']({})).map((a) => a.sha256)).toEqual([doc.sha256]);
    expect([...inspected]).toEqual([doc.sha256]);
  }, 120_000);
});
