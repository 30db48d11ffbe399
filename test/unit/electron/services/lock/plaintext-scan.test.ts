import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../../../electron/services';
import { carry, joinAndAccept, laptop, setUpForbund } from '../../../../helpers/federation-fixture';
import { makeMultiPagePdf } from '../../../../helpers/pdf-fixtures';
import { snapshotTree } from '../../../../helpers/tree';

/**
 * Issue #14, encryption at rest: after a set-up with a PIN and a review
 * session (a confidential PDF shared, its text extracted for search, packages
 * exported), no file in the data folder holds the PDF, its text, the event
 * log's content or a private key in clear. Before: all of them did.
 */
const TEXT_MARKER = 'KONFIDENTIELLMARKOR7Q3X';
const NOTE_MARKER = 'PRIVATANTECKNINGMARKOR9K2W';
const APP_1 = '7a1c7c57-9a38-4b8e-9f0b-5d1f0f1c2a3b';
const APP_2 = '8b1c7c57-9a38-4b8e-9f0b-5d1f0f1c2a3b';
const PIN = '246810';

const keyOf = (path: string): Buffer => Buffer.from((JSON.parse(readFileSync(path, 'utf8')) as { sealed: string }).sealed, 'base64');

function findMarkers(dataDir: string, markers: Record<string, Buffer>): string[] {
  const found: string[] = [];
  for (const file of Object.keys(snapshotTree(dataDir))) {
    const bytes = readFileSync(`${dataDir}/${file}`);
    for (const [name, marker] of Object.entries(markers)) if (bytes.includes(marker)) found.push(`${name} in ${file}`);
  }
  return found;
}

describe('no plaintext at rest once a PIN is set', () => {
  it('seals attachments, extracted text, the log, outgoing packages and every private key; all still readable after unlock', async () => {
    const director = await laptop('scan');
    const { lena, olle } = await setUpForbund(director);
    // Keys as the host kept them before the PIN (plain box: the sealed field is the PKCS#8 itself).
    const deviceKey = keyOf(`${director.dataDir}/identity/private.key`);
    const caKey = keyOf(`${director.dataDir}/identity/ca.json`);
    const signingKey = keyOf(`${director.dataDir}/identity/signing.json`);
    // A confidential PDF added before the PIN (migration) and one after.
    const before = await makeMultiPagePdf(2, `${TEXT_MARKER} före`);
    const metaBefore = await director['attachments.add']({ fileName: 'ansokan-fore.pdf', bytes: before });
    await director['documents.share']({ sha256: metaBefore.sha256, title: 'Ansökan (sekretess)', confidential: true, oslReference: '23 kap. 1 § OSL' });
    expect((await director['attachments.text']({ sha256: metaBefore.sha256 })).text).toContain(TEXT_MARKER);
    await director['packages.export']({ recipients: { mode: 'person', personId: olle } });
    await director['notes.save']({ applicationId: APP_1, text: `${NOTE_MARKER} skriven före PIN-koden` });

    expect(await director['lock.setup']({ pin: PIN, idleMinutes: 10 })).toMatchObject({ configured: true, locked: false });

    const after = await makeMultiPagePdf(3, `${TEXT_MARKER} efter`);
    const metaAfter = await director['attachments.add']({ fileName: 'ansokan-efter.pdf', bytes: after });
    await director['documents.share']({ sha256: metaAfter.sha256, title: 'Komplettering (sekretess)', confidential: true, oslReference: '23 kap. 1 § OSL' });
    expect((await director['attachments.text']({ sha256: metaAfter.sha256 })).text).toContain(TEXT_MARKER);
    await director['notes.save']({ applicationId: APP_2, text: `${NOTE_MARKER} skriven efter` });
    const toLena = await director['invitations.export']({ personId: lena });
    await director['packages.export']({ recipients: { mode: 'person', personId: olle } });

    const slice = (b: Uint8Array) => Buffer.from(b.subarray(b.length >> 1, (b.length >> 1) + 48));
    const markers = {
      'PDF text': Buffer.from(TEXT_MARKER),
      'private note': Buffer.from(NOTE_MARKER),
      'PDF bytes (added before the PIN)': slice(before),
      'PDF bytes (added after the PIN)': slice(after),
      'log content': Buffer.from('lena@example.se'),
      'device private key': deviceKey,
      'device private key (base64)': Buffer.from(deviceKey.toString('base64')),
      'CA private key': caKey,
      'CA private key (base64)': Buffer.from(caKey.toString('base64')),
      'signing private key (base64)': Buffer.from(signingKey.toString('base64')),
    };
    expect(findMarkers(director.dataDir, markers)).toEqual([]);

    // Everything opens again after a restart and the PIN.
    const again = await createServices({ dataDir: director.dataDir, host: 'web', version: 'test' });
    await again['lock.unlock']({ pin: PIN });
    expect((await again['session.get']({})).forbund?.name).toMatch(/Skaraborg/);
    expect(Buffer.from((await again['attachments.read']({ sha256: metaBefore.sha256 })).bytes).equals(Buffer.from(before))).toBe(true);
    expect((await again['attachments.text']({ sha256: metaAfter.sha256 })).text).toContain(TEXT_MARKER);
    expect((await again['notes.get']({ applicationId: APP_1 })).text).toContain(NOTE_MARKER);
    expect((await again['notes.get']({ applicationId: APP_2 })).text).toContain(NOTE_MARKER);
    // The invitation exported while sealed is a normal package for its recipient.
    const member = await laptop('scan-lena');
    await carry(toLena, member, lena);
    expect((await member['attachments.read']({ sha256: metaAfter.sha256 })).bytes.byteLength).toBe(after.byteLength);
    // And the PKI still signs: a change the director makes goes through ensure() with the sealed CA.
    await again['log.append']({ type: 'organisation.added', payload: { id: '5f1c7c57-9a38-4b8e-9f0b-5d1f0f1c2a3b', name: 'Falköpings kommun', kind: 'municipality' }, prev: [] });
    expect(findMarkers(director.dataDir, markers)).toEqual([]);
  });

  it('while a package is previewed on a laptop with a PIN, neither the package nor its attachments are in clear on disk; nothing is left after cancel or apply', async () => {
    const director = await laptop('scan-dir');
    const { lena } = await setUpForbund(director);
    const member = await laptop('scan-member');
    await joinAndAccept(director, member, lena);
    await member['lock.setup']({ pin: PIN, idleMinutes: 10 });
    const pdf = await makeMultiPagePdf(2, `${TEXT_MARKER} förhandsgranskad`);
    const meta = await director['attachments.add']({ fileName: 'ansokan.pdf', bytes: pdf });
    await director['documents.share']({ sha256: meta.sha256, title: 'Ansökan (sekretess)', confidential: true, oslReference: '23 kap. 1 § OSL' });
    await director['log.append']({ type: 'organisation.added', payload: { id: '6e1c7c57-9a38-4b8e-9f0b-5d1f0f1c2a3b', name: `Kommun ${NOTE_MARKER}`, kind: 'municipality' }, prev: [] });
    const pkg = await director['packages.export']({ recipients: { mode: 'person', personId: lena } });

    const preview = await member['packages.preview']({ fileName: pkg.fileName, bytes: pkg.bytes });
    expect(preview.newAttachments).toBe(1);
    // The preview's check also read the PDF's text for the search, kept beside it until apply: sealed too.
    const markers = { 'PDF bytes': Buffer.from(pdf.subarray(pdf.length >> 1, (pdf.length >> 1) + 48)), 'PDF header': Buffer.from(pdf.subarray(0, 48)), 'event content': Buffer.from(NOTE_MARKER), 'PDF text': Buffer.from(TEXT_MARKER) };
    expect(findMarkers(member.dataDir, markers)).toEqual([]);

    // Closing the preview removes what was extracted for it at once; a new preview of the same file applies.
    expect(Object.keys(snapshotTree(member.dataDir)).filter((f) => f.startsWith('packages/tmp'))).toHaveLength(2); // the PDF and its text, sealed
    await member['packages.cancel']({ previewId: preview.previewId });
    expect(Object.keys(snapshotTree(member.dataDir)).filter((f) => f.startsWith('packages/tmp'))).toEqual([]);
    await expect(member['packages.apply']({ previewId: preview.previewId })).rejects.toThrow('Förhandsvisningen har gått ut');
    const again = await member['packages.preview']({ fileName: pkg.fileName, bytes: pkg.bytes });
    await member['packages.apply']({ previewId: again.previewId });
    expect(Buffer.from((await member['attachments.read']({ sha256: meta.sha256 })).bytes).equals(Buffer.from(pdf))).toBe(true);
    expect(Object.keys(snapshotTree(member.dataDir)).filter((f) => f.startsWith('packages/in') || f.startsWith('packages/tmp'))).toEqual([]);
    expect(findMarkers(member.dataDir, markers)).toEqual([]);
  });
});
