import type { KeyWrap } from '../services/lock/app-lock';

/** The part of Electron's `safeStorage` the wrap uses (a fake in the unit test: Electron cannot run there). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * Electron: the OS keychain (Keychain on macOS, DPAPI on Windows,
 * libsecret/kwallet on Linux) wraps the data key that the PIN has sealed, so
 * a copied disk alone is not enough to try PINs. Null where the OS has no
 * keychain, or on Linux's `basic_text` fallback (a key built into Chromium,
 * which protects nothing): the PIN alone seals the data key there, as in the
 * browser host.
 */
export function safeStorageKeyWrap(safe: SafeStorageLike, platform: NodeJS.Platform = process.platform): KeyWrap | null {
  if (!safe.isEncryptionAvailable()) return null;
  if (platform === 'linux' && safe.getSelectedStorageBackend?.() === 'basic_text') {
    console.warn('[main] safeStorage uses the basic_text backend: the data key is sealed by the PIN alone');
    return null;
  }
  return {
    kind: 'safeStorage',
    wrap: (bytes) => new Uint8Array(safe.encryptString(Buffer.from(bytes).toString('base64'))),
    unwrap: (bytes) => new Uint8Array(Buffer.from(safe.decryptString(Buffer.from(bytes)), 'base64')),
  };
}
