import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../../../electron/services';
import { openAppLock } from '../../../../../electron/services/lock/app-lock';
import { ORGNR } from '../../../../helpers/federation-fixture';

/**
 * The app lock. Before: there was none, and whoever opened the lid could read
 * everything and sign as the owner.
 */
const open = (dataDir: string) => createServices({ dataDir, host: 'web', version: 'test' });
const dana = { name: 'Samordningsförbundet Test', orgNr: ORGNR, director: { name: 'Dana Direktör', email: 'dana@example.se' } };

describe('app lock', () => {
  it('refuses every call but the lock’s own while locked, at start and after locking', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-lock-'));
    const s = await open(dataDir);
    await s['forbund.create'](dana);
    const keyFile = join(dataDir, 'identity', 'private.key');
    const plainDer = Buffer.from((JSON.parse(readFileSync(keyFile, 'utf8')) as { sealed: string }).sealed, 'base64');
    expect(await s['lock.setup']({ pin: '246810', idleMinutes: 10 })).toMatchObject({ configured: true, locked: false });
    // From now on the private key is sealed by the PIN's data key: never in clear on disk.
    const sealedFile = readFileSync(keyFile);
    expect(sealedFile.toString()).toContain('datakey-aes-256-gcm');
    expect(sealedFile.includes(plainDer)).toBe(false);
    expect(sealedFile.toString().includes(plainDer.toString('base64'))).toBe(false);
    expect(sealedFile.toString().includes(plainDer.subarray(-32).toString('base64').slice(0, 20))).toBe(false);
    await s['log.list']({ afterSeq: 0 });

    await s['lock.lock']({});
    await expect(s['log.list']({ afterSeq: 0 })).rejects.toMatchObject({ code: 'locked' });
    await expect(s['session.get']({})).rejects.toMatchObject({ code: 'locked' });
    await expect(s['log.append']({ type: 'organisation.added', payload: { id: '4f1c7c57-9a38-4b8e-9f0b-5d1f0f1c2a3b', name: 'X', kind: 'municipality' }, prev: [] })).rejects.toMatchObject({ code: 'locked' });
    // The PIN cannot be chosen again while locked.
    await expect(s['lock.setup']({ pin: '000000', idleMinutes: 10 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(s['lock.unlock']({ pin: '135790' })).rejects.toMatchObject({ code: 'locked', message: expect.stringMatching(/Fel PIN-kod/) });
    await s['lock.unlock']({ pin: '246810' });
    expect((await s['log.list']({ afterSeq: 0 })).events.length).toBeGreaterThan(0);

    // A new start asks again.
    const again = await open(dataDir);
    expect(await again['lock.status']({})).toMatchObject({ configured: true, locked: true });
    await expect(again['session.get']({})).rejects.toMatchObject({ code: 'locked' });
    await again['lock.unlock']({ pin: '246810' });
    expect((await again['session.get']({})).forbund?.name).toBe(dana.name);
    // The key opened with the PIN signs as before.
    await again['log.append']({ type: 'organisation.added', payload: { id: '5f1c7c57-9a38-4b8e-9f0b-5d1f0f1c2a3b', name: 'Skövde kommun', kind: 'municipality' }, prev: [] });
  });

  it('slows down after five wrong tries, even across a restart, and keeps the data key sealed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-lock-tries-'));
    let clock = Date.parse('2026-12-06T10:00:00Z');
    const now = () => clock;
    const first = await openAppLock(dataDir, now);
    await first.setup('rätt lösenfras', 10);
    const key = Buffer.from(first.dataKey()!);
    first.lock();
    expect(first.dataKey()).toBeNull();

    const lock = await openAppLock(dataDir, now);
    for (let i = 0; i < 4; i++) await expect(lock.unlock('fel lösenfras')).rejects.toMatchObject({ message: expect.stringMatching(/försök kvar/) });
    await expect(lock.unlock('fel lösenfras')).rejects.toMatchObject({ message: expect.stringMatching(/Vänta 30 sekunder/) });
    // Even the right PIN waits now, and a restart does not reset the count.
    const restarted = await openAppLock(dataDir, now);
    await expect(restarted.unlock('rätt lösenfras')).rejects.toMatchObject({ message: expect.stringMatching(/För många felaktiga försök/) });
    expect(restarted.status().retryAfterSeconds).toBe(30);
    clock += 31_000;
    await expect(restarted.unlock('fel igen')).rejects.toMatchObject({ message: expect.stringMatching(/Vänta 60 sekunder/) });
    clock += 61_000;
    await restarted.unlock('rätt lösenfras');
    expect(restarted.dataKey()!.equals(key)).toBe(true);

    const onDisk = readFileSync(join(dataDir, 'lock.json'));
    expect(onDisk.includes(key)).toBe(false);
    expect(onDisk.toString().includes(key.toString('base64'))).toBe(false);
    expect(statSync(join(dataDir, 'lock.json')).mode & 0o077).toBe(0);
  });

  it('locks by itself after the idle time', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-lock-idle-'));
    let clock = 0;
    const lock = await openAppLock(dataDir, () => clock);
    await lock.setup('246810', 5);
    clock += 4 * 60_000;
    expect(lock.isLocked()).toBe(false);
    lock.touch();
    clock += 5 * 60_000 + 1;
    expect(lock.isLocked()).toBe(true);
    expect(lock.dataKey()).toBeNull();
  });

  it('asks no PIN of the demonstration förbund', async () => {
    const s = await open(mkdtempSync(join(tmpdir(), 'sb-lock-demo-')));
    expect(await s['lock.status']({})).toMatchObject({ configured: false, locked: false, demo: false });
  });
});
