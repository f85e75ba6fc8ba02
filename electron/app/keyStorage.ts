// Which key store the desktop app uses. Electron-free so the choice is tested in plain Node;
// main.ts passes Electron's safeStorage in as `keychain`.
import fs from 'node:fs';
import path from 'node:path';
import { FileKeyProvider, SealedKeyProvider, type KeyProvider } from '../core/keys';

export interface OsKeychain {
  /** safeStorage.isEncryptionAvailable() */
  available: boolean;
  /** 'gnome_libsecret', 'kwallet5', 'basic_text' (Linux), 'Keychain', 'DPAPI' */
  backend: string;
  encrypt(text: string): Buffer;
  decrypt(blob: Buffer): string;
}

export const SEALED_KEY_FILE = 'brewline.keys.sealed';
export const PLAIN_KEY_FILE = 'brewline.keys';

export const NO_KEYCHAIN_WARNING =
  'This computer’s keychain is not available, so the keys that protect staff emails, PINs and the audit trail are kept in a plain file that anyone who can read this user’s files can copy. Set up the system keychain (GNOME Keyring or KWallet on Linux) and restart Brewline: the keys then move into it.';

export const BASIC_TEXT_WARNING =
  'This computer has no keyring, so the keys that protect staff emails, PINs and the audit trail are stored without OS protection. Set up GNOME Keyring or KWallet for this user.';

/** The keys were sealed by the keychain, which cannot open them now: making new ones would lock everyone out. */
export class KeysUnavailableError extends Error {
  constructor() {
    super(
      'Brewline keeps its keys in this computer’s keychain, which is not available right now. Sign in to the desktop so the keychain unlocks, then start Brewline again.',
    );
  }
}

export function appKeyProvider(options: { dir: string; isPackaged: boolean; keychain: OsKeychain; env?: NodeJS.ProcessEnv }): KeyProvider {
  const { dir, keychain } = options;
  const sealed = path.join(dir, SEALED_KEY_FILE);
  const plain = path.join(dir, PLAIN_KEY_FILE);
  if (!keychain.available) {
    if (fs.existsSync(sealed)) throw new KeysUnavailableError();
    // Said on Settings, never silent; and a packaged till ignores BREWLINE_KEYS.
    return new FileKeyProvider(plain, options.env ?? process.env, { allowEnv: !options.isPackaged, fallbackWarning: NO_KEYCHAIN_WARNING });
  }
  const unprotected = keychain.backend === 'basic_text';
  return new SealedKeyProvider(
    sealed,
    { encrypt: (text) => keychain.encrypt(text), decrypt: (blob) => keychain.decrypt(blob) },
    { name: keychain.backend, protected: !unprotected, warning: unprotected ? BASIC_TEXT_WARNING : null },
    plain,
  );
}
