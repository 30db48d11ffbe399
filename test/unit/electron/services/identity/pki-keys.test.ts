// @vitest-environment node
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../../../electron/services';
import { plainSecretBox } from '../../../../../electron/services/identity/keys';
import { createAndStoreCa, loadCa, loadOrCreateSigningKey } from '../../../../../electron/services/identity/pki-keys';
import { laptop, setUpForbund } from '../../../../helpers/federation-fixture';

/**
 * The sealed P-256 keys of issue #12: the PDF-signing key of every laptop
 * and the förbund CA key of the förbundschef's laptop. They load as they
 * were stored, cannot be exported again, are never replaced, and a damaged
 * file is a Swedish message, not a crash of the app.
 */

const FORBUND = { name: 'Samordningsförbundet Östra Skaraborg', orgNr: '222000-0018' };

describe('PKI keys at rest', () => {
  it('the signing key is made once, reloads the same, and cannot be exported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-pki-'));
    const first = await loadOrCreateSigningKey(dir, plainSecretBox);
    const again = await loadOrCreateSigningKey(dir, plainSecretBox);
    expect(again.publicKeyPem).toBe(first.publicKeyPem);
    expect(again.privateKey.extractable).toBe(false);
    await expect(webcrypto.subtle.exportKey('pkcs8', again.privateKey)).rejects.toThrow();
    if (process.platform !== 'win32') expect(statSync(join(dir, 'identity', 'signing.json')).mode & 0o077).toBe(0);
  });

  it('the CA is made once; a second is refused; a damaged file names itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-pki-'));
    const ca = await createAndStoreCa(dir, plainSecretBox, FORBUND);
    expect((await loadCa(dir, plainSecretBox))?.fingerprint).toBe(ca.fingerprint);
    await expect(createAndStoreCa(dir, plainSecretBox, FORBUND)).rejects.toThrow('Den här datorn har redan förbundets CA.');
    writeFileSync(join(dir, 'identity', 'ca.json'), '{"format":1,"box":"plain","sealed":"AAAA","certificate":"AAAA"}');
    await expect(loadCa(dir, plainSecretBox)).rejects.toThrow('Förbundets CA-nyckel kunde inte läsas');
  });

  it('set-up makes the CA and the förbundschef’s own certificate; a damaged CA file does not stop the app', async () => {
    const director = await laptop('pki-director');
    await setUpForbund(director);
    const { events } = await director['log.list']({ afterSeq: 0 });
    const types = events.map((e) => (JSON.parse(e.body) as { type: string }).type);
    expect(types).toEqual(expect.arrayContaining(['ca.established', 'certificate.requested', 'certificate.issued']));
    const stored = JSON.parse(readFileSync(join(director.dataDir, 'identity', 'ca.json'), 'utf8')) as { certificate: string };
    expect(stored.certificate.length).toBeGreaterThan(100);

    writeFileSync(join(director.dataDir, 'identity', 'ca.json'), 'trasig');
    const restarted = await createServices({ dataDir: director.dataDir, host: 'web', version: 'test' });
    expect((await restarted['session.get']({})).forbund?.name).toBe('Samordningsförbundet Östra Skaraborg');
  });
});
