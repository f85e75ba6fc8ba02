// Issue 7 item 14: where the app keeps its keys. A missing OS keychain is said on Settings, a
// packaged till ignores BREWLINE_KEYS, and moving between the keychain and the plain file never
// makes new keys (new keys would leave emails unreadable, the audit chain unverifiable and every
// peppered PIN refused).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appKeyProvider,
  BASIC_TEXT_WARNING,
  KeysUnavailableError,
  NO_KEYCHAIN_WARNING,
  PLAIN_KEY_FILE,
  SEALED_KEY_FILE,
  type OsKeychain,
} from '../../electron/app/keyStorage';
import { createCore } from '../../electron/core/createCore';
import { FileKeyProvider, freshKeys, type Keys } from '../../electron/core/keys';
import { setupInput, TEST_ORIGIN } from '../support/testCore';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brewline-keys-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const asJson = (k: Keys) =>
  JSON.stringify({ v: 2, emailKey: k.emailKey.toString('base64'), digestKey: k.digestKey.toString('base64'), auditKey: k.auditKey.toString('base64'), pepperKey: k.pepperKey.toString('base64') });
const same = (a: Keys, b: Keys) => (['emailKey', 'digestKey', 'auditKey', 'pepperKey'] as const).every((n) => a[n].equals(b[n]));

/** Stands in for Electron's safeStorage (AES-GCM under a key the "OS" holds). */
function keychain(available = true, backend = 'gnome_libsecret'): OsKeychain {
  const osKey = randomBytes(32);
  return {
    available,
    backend,
    encrypt(text) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', osKey, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(blob) {
      const d = createDecipheriv('aes-256-gcm', osKey, blob.subarray(0, 12));
      d.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([d.update(blob.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

describe('FileKeyProvider options', () => {
  it('ignores BREWLINE_KEYS when told to (packaged builds) and uses its file', () => {
    const dir = tempDir();
    const envKeys = freshKeys();
    const env = { BREWLINE_KEYS: asJson(envKeys) };
    const packaged = new FileKeyProvider(path.join(dir, 'k'), env, { allowEnv: false });
    expect(same(packaged.keys(), envKeys)).toBe(false);
    expect(fs.existsSync(path.join(dir, 'k'))).toBe(true);
    expect(packaged.describe().backend).toBe('key file (0600)');

    const dev = new FileKeyProvider(path.join(dir, 'k2'), env);
    expect(same(dev.keys(), envKeys)).toBe(true);
    expect(dev.describe().backend).toBe('environment variable');
  });

  it('reports the fallback warning, so Settings says the keychain is missing', () => {
    const provider = new FileKeyProvider(path.join(tempDir(), 'k'), {}, { fallbackWarning: 'no keychain' });
    expect(provider.describe()).toEqual({ backend: 'key file (0600), no OS keychain', protected: false, warning: 'no keychain' });
    expect(new FileKeyProvider(path.join(tempDir(), 'k'), {}).describe().warning).toBeNull();
  });
});

describe('appKeyProvider (the desktop app’s choice of key store)', () => {
  it('without a keychain: a plain file, with a warning, and BREWLINE_KEYS ignored when packaged', () => {
    const envKeys = freshKeys();
    const env = { BREWLINE_KEYS: asJson(envKeys) };
    const dir = tempDir();
    const packaged = appKeyProvider({ dir, isPackaged: true, keychain: keychain(false), env });
    expect(same(packaged.keys(), envKeys)).toBe(false);
    expect(fs.existsSync(path.join(dir, PLAIN_KEY_FILE))).toBe(true);
    expect(packaged.describe()).toMatchObject({ protected: false, warning: NO_KEYCHAIN_WARNING });

    const dev = appKeyProvider({ dir: tempDir(), isPackaged: false, keychain: keychain(false), env });
    expect(same(dev.keys(), envKeys)).toBe(true);
  });

  it('with a keychain: sealed keys, no warning; basic_text is flagged', () => {
    const dir = tempDir();
    const provider = appKeyProvider({ dir, isPackaged: true, keychain: keychain(true), env: {} });
    provider.keys();
    expect(fs.existsSync(path.join(dir, SEALED_KEY_FILE))).toBe(true);
    expect(fs.existsSync(path.join(dir, PLAIN_KEY_FILE))).toBe(false);
    expect(provider.describe()).toEqual({ backend: 'gnome_libsecret', protected: true, warning: null });
    expect(appKeyProvider({ dir: tempDir(), isPackaged: true, keychain: keychain(true, 'basic_text'), env: {} }).describe()).toEqual({
      backend: 'basic_text',
      protected: false,
      warning: BASIC_TEXT_WARNING,
    });
  });

  it('refuses to start, rather than make new keys, when sealed keys exist but the keychain is unavailable', () => {
    const dir = tempDir();
    const chain = keychain(true);
    appKeyProvider({ dir, isPackaged: true, keychain: chain, env: {} }).keys();
    expect(() => appKeyProvider({ dir, isPackaged: true, keychain: { ...chain, available: false }, env: {} })).toThrow(KeysUnavailableError);
    expect(fs.existsSync(path.join(dir, PLAIN_KEY_FILE))).toBe(false);
  });

  it('moves keys from the fallback file into the keychain once it is available, and removes the file', () => {
    const dir = tempDir();
    const before = appKeyProvider({ dir, isPackaged: true, keychain: keychain(false), env: {} }).keys();
    const chain = keychain(true);
    const after = appKeyProvider({ dir, isPackaged: true, keychain: chain, env: {} }).keys();
    expect(same(after, before)).toBe(true);
    expect(fs.existsSync(path.join(dir, PLAIN_KEY_FILE))).toBe(false);
    expect(fs.existsSync(path.join(dir, SEALED_KEY_FILE))).toBe(true);
    expect(same(appKeyProvider({ dir, isPackaged: true, keychain: chain, env: {} }).keys(), before)).toBe(true);
  });

  it('the owner’s Settings screen shows the missing-keychain warning (through the router)', async () => {
    const dir = tempDir();
    const core = createCore({
      dbPath: path.join(dir, 'brewline.sqlite'),
      trustedOrigins: [TEST_ORIGIN],
      keys: appKeyProvider({ dir, isPackaged: true, keychain: keychain(false), env: {} }),
      logger: { info() {}, error() {} },
    });
    try {
      const ctx = { senderId: 'w', frameUrl: `${TEST_ORIGIN}/index.html`, isMainFrame: true };
      const setup = await core.call(ctx, 'setup.complete', setupInput());
      expect(setup).toEqual({ ok: true, value: expect.anything() });
      const settings = await core.call(ctx, 'settings.get', {});
      expect(settings.ok && (settings.value as { keyStorage: { warning: string | null } }).keyStorage.warning).toBe(NO_KEYCHAIN_WARNING);
    } finally {
      core.close();
    }
  });
});
