import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ed from '@noble/ed25519';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/contract/errors';
import { shortCode, type EventBody } from '../../../../../shared/domain/log/signed-event';
import { eventId, parseEventLine, signEvent, verifyEventLine } from '../../../../../electron/services/identity/events';
import {
  createDeviceIdentity,
  fingerprint,
  generateEphemeralIdentity,
  loadDeviceIdentity,
  loadOrCreateDeviceIdentity,
  plainSecretBox,
  verify,
  type SecretBox,
} from '../../../../../electron/services/identity/keys';

const dataDir = () => mkdtempSync(join(tmpdir(), 'sb-id-'));
const meta = { person: randomUUID(), deviceName: 'Åsas bärbara' };
const rawPublicKey = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' }).subarray(-32);

/** Stands in for Electron's safeStorage: a box whose sealed bytes differ from the plain key. */
const xorBox: SecretBox = {
  kind: 'test-xor',
  seal: (b) => Uint8Array.from(b, (x) => x ^ 0x5a),
  open: (b) => Uint8Array.from(b, (x) => x ^ 0x5a),
};

describe('device identity', () => {
  it('creates an Ed25519 key pair, stores it, and loads the same identity back', async () => {
    const dir = dataDir();
    const made = await createDeviceIdentity(dir, plainSecretBox, meta);
    const loaded = await loadDeviceIdentity(dir, plainSecretBox);
    expect(loaded).not.toBeNull();
    expect(loaded!.fingerprint).toBe(made.fingerprint);
    expect(loaded!.publicKeyPem).toBe(made.publicKeyPem);
    expect(loaded).toMatchObject({ person: meta.person, deviceName: meta.deviceName });
    const message = Buffer.from('Protokoll § 12 justerat');
    expect(verify(made.publicKeyPem, message, loaded!.sign(message))).toBe(true);
  });

  it('keeps the private key out of device.json and private.key at mode 0600', async () => {
    const dir = dataDir();
    const id = await createDeviceIdentity(dir, plainSecretBox, meta);
    const device = readFileSync(join(dir, 'identity', 'device.json'), 'utf8');
    expect(device).not.toMatch(/PRIVATE|sealed/);
    expect(JSON.parse(device)).toMatchObject({ format: 1, fingerprint: id.fingerprint, publicKeyPem: id.publicKeyPem });
    if (process.platform !== 'win32') expect(statSync(join(dir, 'identity', 'private.key')).mode & 0o777).toBe(0o600);
  });

  it('never exposes the private key on the identity object', () => {
    const id = generateEphemeralIdentity(meta);
    expect(Object.keys(id).sort()).toEqual(['createdAt', 'deviceName', 'fingerprint', 'person', 'publicKey', 'publicKeyPem', 'sign']);
    expect(id.publicKey.type).toBe('public');
    expect(JSON.stringify(id)).not.toMatch(/PRIVATE/);
    expect(Object.isFrozen(id)).toBe(true);
  });

  it('seals the private key with the given box and refuses to open it with another', async () => {
    const dir = dataDir();
    const made = await createDeviceIdentity(dir, xorBox, meta);
    const stored = JSON.parse(readFileSync(join(dir, 'identity', 'private.key'), 'utf8')) as { box: string; sealed: string };
    expect(stored.box).toBe('test-xor');
    expect((await loadDeviceIdentity(dir, xorBox))!.fingerprint).toBe(made.fingerprint);
    const err = await loadDeviceIdentity(dir, plainSecretBox).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/skyddad på ett annat sätt \(test-xor\)/);
  });

  it('notices a private key that does not belong to the stored public key', async () => {
    const a = dataDir();
    const b = dataDir();
    await createDeviceIdentity(a, plainSecretBox, meta);
    await createDeviceIdentity(b, plainSecretBox, meta);
    writeFileSync(join(a, 'identity', 'private.key'), readFileSync(join(b, 'identity', 'private.key')));
    await expect(loadDeviceIdentity(a, plainSecretBox)).rejects.toThrow(/hör inte ihop/);
  });

  it('returns null when there is no identity, never overwrites one, and loadOrCreate is idempotent', async () => {
    const dir = dataDir();
    expect(await loadDeviceIdentity(dir, plainSecretBox)).toBeNull();
    const first = await loadOrCreateDeviceIdentity(dir, plainSecretBox, meta);
    const second = await loadOrCreateDeviceIdentity(dir, plainSecretBox, meta);
    expect(second.fingerprint).toBe(first.fingerprint);
    await expect(createDeviceIdentity(dir, plainSecretBox, meta)).rejects.toThrow(/har redan en nyckel/);
  });

  it('fingerprint is the SHA-256 of the SPKI DER, as OpenSSL computes it', (ctx) => {
    const id = generateEphemeralIdentity(meta);
    const der = createPublicKey(id.publicKeyPem).export({ type: 'spki', format: 'der' });
    expect(id.fingerprint).toBe(createHash('sha256').update(der).digest('hex'));
    expect(fingerprint(id.publicKeyPem)).toBe(id.fingerprint);
    expect(shortCode(id.fingerprint)).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    const openssl = spawnSync('openssl', ['pkey', '-pubin', '-outform', 'DER'], { input: id.publicKeyPem });
    if (openssl.status !== 0) {
      console.log('skipped the OpenSSL part: openssl is not installed');
      return ctx.skip();
    }
    expect(createHash('sha256').update(openssl.stdout).digest('hex')).toBe(id.fingerprint);
  });

  it('signatures are raw 64-byte Ed25519 that @noble/ed25519 verifies, and that node verifies from noble', async () => {
    const id = generateEphemeralIdentity(meta);
    const message = Buffer.from('Beslut: bevilja 250 000 kr', 'utf8');
    const sig = id.sign(message);
    expect(sig.byteLength).toBe(64);
    expect(await ed.verifyAsync(sig, message, rawPublicKey(id.publicKeyPem))).toBe(true);
    expect(verify(id.publicKey, Buffer.from('Beslut: bevilja 250 001 kr'), sig)).toBe(false);
    expect(verify(id.publicKey, message, sig.subarray(0, 63))).toBe(false);

    const { secretKey, publicKey } = await ed.keygenAsync();
    const nobleSig = await ed.signAsync(message, secretKey);
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), publicKey]);
    expect(verify(createPublicKey({ key: spki, format: 'der', type: 'spki' }), message, nobleSig)).toBe(true);
  });
});

describe('signed events', () => {
  const id = generateEphemeralIdentity(meta);
  const body: EventBody = {
    v: 1,
    forbund: randomUUID(),
    author: meta.person,
    key: id.fingerprint,
    lamport: 4,
    at: '2026-03-14T09:00:00.000Z',
    type: 'meeting.created',
    payload: { titel: 'Styrelsemöte', plats: 'Malmö' },
    prev: [],
  };

  it('signs the canonical body; the line parses, verifies and has the id of its body bytes', async () => {
    const signed = signEvent(id, body);
    expect(Object.keys(JSON.parse(signed.text) as object)).toEqual(['body', 'sig']);
    const parsed = parseEventLine(signed.text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.id).toBe(eventId(signed.line.body));
    expect(parsed.id).toBe(createHash('sha256').update(Buffer.from(signed.line.body, 'utf8')).digest('hex'));
    expect(verifyEventLine(parsed.line, id.publicKeyPem)).toBe(true);
    expect(await ed.verifyAsync(Buffer.from(parsed.line.sig, 'base64'), Buffer.from(parsed.line.body, 'utf8'), rawPublicKey(id.publicKeyPem))).toBe(true);
  });

  it('a changed body no longer verifies', () => {
    const signed = signEvent(id, body);
    const tampered = { ...signed.line, body: signed.line.body.replace('Malmö', 'Lund') };
    expect(verifyEventLine(tampered, id.publicKey)).toBe(false);
  });

  it('refuses to sign a body that names another key', () => {
    expect(() => signEvent(id, { ...body, key: 'ab'.repeat(32) })).toThrow(/not this device/);
  });
});
