import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeStorageKeyWrap, type SafeStorageLike } from '../../../../electron/main/safe-storage-wrap';
import { openAppLock } from '../../../../electron/services/lock/app-lock';

/**
 * Electron: the OS keychain wraps the PIN-sealed data key (issue #14), so a
 * copy of the disk alone is not enough to try PINs offline. Electron cannot
 * run here: the adapter is tested with a fake safeStorage that, like the
 * real one, encrypts with a key the data folder does not hold.
 */
function fakeSafeStorage(over: Partial<SafeStorageLike> = {}): SafeStorageLike & { key: Buffer } {
  const key = randomBytes(32);
  return {
    key,
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (text) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), data]);
    },
    decryptString: (buf) => {
      const d = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
    },
    ...over,
  };
}

describe('the data key wrapped by the OS keychain', () => {
  it('keeps the PIN-sealed key out of lock.json, unlocks with the PIN, and says so when the keychain cannot be reached', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-oswrap-'));
    const safe = fakeSafeStorage();
    const wrap = safeStorageKeyWrap(safe, 'linux')!;
    const lock = await openAppLock(dataDir, Date.now, wrap);
    await lock.setup('rätt lösenfras', 10);
    const dataKey = Buffer.from(lock.dataKey()!);
    const file = JSON.parse(readFileSync(join(dataDir, 'lock.json'), 'utf8')) as Record<string, unknown>;
    expect(file['sealedKey']).toBeUndefined();
    expect(file['osWrapped']).toMatchObject({ kind: 'safeStorage' });

    const again = await openAppLock(dataDir, Date.now, wrap);
    await expect(again.unlock('fel lösenfras')).rejects.toThrow('Fel PIN-kod');
    await again.unlock('rätt lösenfras');
    expect(again.dataKey()!.equals(dataKey)).toBe(true);

    // Another user's keychain (or none): a clear message, and no wrong try is counted.
    const stranger = await openAppLock(dataDir, Date.now, safeStorageKeyWrap(fakeSafeStorage(), 'linux'));
    await expect(stranger.unlock('rätt lösenfras')).rejects.toThrow('nyckelring');
    const without = await openAppLock(dataDir, Date.now, null);
    await expect(without.unlock('rätt lösenfras')).rejects.toThrow('nyckelring');
    expect(without.status().retryAfterSeconds).toBe(0);
    expect((JSON.parse(readFileSync(join(dataDir, 'lock.json'), 'utf8')) as { failures: number }).failures).toBe(0);
  });

  it('is not used where the OS has no keychain, nor on Linux’s basic_text fallback', () => {
    expect(safeStorageKeyWrap(fakeSafeStorage({ isEncryptionAvailable: () => false }), 'darwin')).toBeNull();
    expect(safeStorageKeyWrap(fakeSafeStorage({ getSelectedStorageBackend: () => 'basic_text' }), 'linux')).toBeNull();
    expect(safeStorageKeyWrap(fakeSafeStorage(), 'win32')?.kind).toBe('safeStorage');
  });
});
