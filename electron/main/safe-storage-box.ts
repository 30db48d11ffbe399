import { safeStorage } from 'electron';
import type { SecretBox } from '../services/identity/keys';

/**
 * Seals the device's private key with the operating system's keychain
 * (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux). Where no
 * keychain is available (Linux without a secret service falls back to a
 * hard-coded key), the key is still sealed, but the data folder's permissions
 * are the real protection; we log that so support can see it.
 */
export function safeStorageBox(): SecretBox {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new Error('Operativsystemets nyckelring är inte tillgänglig; enhetens nyckel kan inte skyddas.');
  }
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    console.warn('[main] safeStorage uses the basic_text backend: the private key is protected by file permissions only');
  }
  return {
    kind: 'safeStorage',
    seal: (bytes) => new Uint8Array(safeStorage.encryptString(Buffer.from(bytes).toString('base64'))),
    open: (bytes) => new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(bytes)), 'base64')),
  };
}
