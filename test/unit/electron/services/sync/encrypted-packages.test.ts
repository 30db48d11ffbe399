import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeMultiPagePdf } from '../../../../helpers/pdf-fixtures';
import { carry, laptop, setUpForbund, type Laptop } from '../../../../helpers/federation-fixture';

/**
 * Issue #14, "packages encrypted to their recipients": a package for Olle is
 * refused on Lena's laptop with "Paketet är inte till dig" and nothing is
 * stored; its events and a confidential attachment cannot be read from the
 * package file with plain unzip; a recipient whose key is not accepted yet is
 * named to the sender.
 */
const MARKER = 'HEMLIGT-MARKORORD-7Q4Z';

/** Director, Lena and Olle, both members joined and their keys accepted by the förbundschef. */
async function board() {
  const director = await laptop('director');
  const ids = await setUpForbund(director);
  const lena = await laptop('lena');
  const olle = await laptop('olle');
  for (const [member, id] of [[lena, ids.lena], [olle, ids.olle]] as [Laptop, string][]) {
    await carry(await director['invitations.export']({ personId: id }), member, id);
    const back = await carry(await member['packages.export']({ recipients: { mode: 'director' } }), director);
    await director['log.append']({ type: 'key.accepted', payload: { fingerprint: back.preview.sender.fingerprint }, prev: [] });
  }
  return { director, lena, olle, ids };
}

const eventCount = async (l: Laptop) => (await l['log.list']({ afterSeq: 0 })).events.length;

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
  } catch {
    return [];
  }
}

describe('packages encrypted to their recipients', () => {
  it('a package for Olle is refused on Lena’s laptop, and nothing is stored; Olle opens it', async () => {
    const { director, lena, olle, ids } = await board();
    await director['log.append']({ type: 'organisation.added', payload: { id: '7d9a7e0c-2f0a-4c8e-9a51-3f1f2a0b9c11', name: `Falköpings kommun ${MARKER}`, kind: 'municipality' }, prev: [] });
    const toOlle = await director['packages.export']({ recipients: { mode: 'person', personId: ids.olle } });

    const before = await eventCount(lena);
    const attachmentsBefore = filesUnder(join(lena.dataDir, 'attachments'));
    await expect(lena['packages.preview']({ fileName: toOlle.fileName, bytes: toOlle.bytes })).rejects.toThrow(/^Paketet är inte till dig/);
    expect(await eventCount(lena)).toBe(before);
    expect(filesUnder(join(lena.dataDir, 'attachments'))).toEqual(attachmentsBefore);
    expect(filesUnder(join(lena.dataDir, 'packages', 'in'))).toEqual([]);
    expect(filesUnder(join(lena.dataDir, 'packages', 'tmp'))).toEqual([]);
    expect(toOlle.unreadableBy).toEqual([]);

    const { preview } = await carry(toOlle, olle);
    expect(preview.newEvents.some((e) => e.type === 'organisation.added')).toBe(true);
    expect(JSON.stringify((await olle['log.list']({ afterSeq: 0 })).events)).toContain(MARKER);
  });

  it('the events and a confidential attachment cannot be read from the package file', async () => {
    const { director, ids } = await board();
    const pdf = await makeMultiPagePdf(2, 'Sekretessbelagd ansökan');
    const meta = await director['attachments.add']({ fileName: 'Ansökan (sekretess).pdf', bytes: pdf });
    await director['documents.share']({ sha256: meta.sha256, title: `Ansökan ${MARKER}`, confidential: true, oslReference: 'OSL 21 kap. 1 §' });
    const pkg = await director['packages.export']({ recipients: { mode: 'person', personId: ids.lena } });
    const zip = Buffer.from(pkg.bytes);
    expect(zip.includes(Buffer.from(MARKER))).toBe(false);
    // Any 64-byte window of the PDF (its header, its middle) would show a stored, readable attachment.
    expect(zip.includes(Buffer.from(pdf.subarray(0, 64)))).toBe(false);
    expect(zip.includes(Buffer.from(pdf.subarray(pdf.length >> 1, (pdf.length >> 1) + 64)))).toBe(false);
    // And a deflated events.jsonl would not show the marker either: the entry must not inflate to it.
    const { inflateRawSync } = await import('node:zlib');
    const name = Buffer.from('events.jsonl');
    let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    while (at !== -1) {
      const nameLen = zip.readUInt16LE(at + 26);
      const extra = zip.readUInt16LE(at + 28);
      const size = zip.readUInt32LE(at + 18);
      if (zip.subarray(at + 30, at + 30 + nameLen).equals(name)) {
        const data = zip.subarray(at + 30 + nameLen + extra, at + 30 + nameLen + extra + size);
        const method = zip.readUInt16LE(at + 8);
        const plain = method === 8 ? inflateRawSync(data) : data;
        expect(plain.includes(Buffer.from(MARKER))).toBe(false);
        expect(plain.includes(Buffer.from('"body"'))).toBe(false);
      }
      at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at + 4);
    }
  });

  it('the sender is told, in Swedish, who cannot open the package: a recipient whose key is not accepted yet', async () => {
    const director = await laptop('director');
    const ids = await setUpForbund(director);
    const lena = await laptop('lena');
    await carry(await director['invitations.export']({ personId: ids.lena }), lena, ids.lena);
    await carry(await lena['packages.export']({ recipients: { mode: 'director' } }), director);
    // Lena's key is registered here but not accepted: she cannot get a key to the package yet.
    const pkg = await director['packages.export']({ recipients: { mode: 'person', personId: ids.lena } });
    expect(pkg.unreadableBy).toEqual(['Lena Ledamot']);
    await expect(lena['packages.preview']({ fileName: pkg.fileName, bytes: pkg.bytes })).rejects.toThrow(/^Paketet är inte till dig/);
    // Once accepted, the next package opens.
    const fp = (await lena['session.get']({})).device!.fingerprint;
    await director['log.append']({ type: 'key.accepted', payload: { fingerprint: fp }, prev: [] });
    const next = await director['packages.export']({ recipients: { mode: 'person', personId: ids.lena } });
    expect(next.unreadableBy).toEqual([]);
    await carry(next, lena);
  });

  it('a whole-board package opens on every accepted member’s laptop', async () => {
    const { director, lena, olle } = await board();
    const pkg = await director['packages.export']({ recipients: { mode: 'board' } });
    expect(pkg.unreadableBy).toEqual([]);
    await carry(pkg, lena);
    await carry(pkg, olle);
  });

  it('a laptop that chose its PIN before joining never writes its new keys in clear', async () => {
    const director = await laptop('director');
    const ids = await setUpForbund(director);
    const lena = await laptop('lena');
    await lena['lock.setup']({ pin: '135790', idleMinutes: 10 });
    await carry(await director['invitations.export']({ personId: ids.lena }), lena, ids.lena);
    await lena['packages.export']({ recipients: { mode: 'director' } });
    const boxOf = (file: string) => (JSON.parse(readFileSync(join(lena.dataDir, 'identity', file), 'utf8')) as { box: string }).box;
    expect(boxOf('private.key')).toBe('datakey-aes-256-gcm');
    expect(boxOf('encryption.key')).toBe('datakey-aes-256-gcm');
  });
});
