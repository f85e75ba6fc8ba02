import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The two secrets main keeps: one encrypts emails, the other keys their lookup digest. */
export interface Keys {
  emailKey: Buffer; // AES-256-GCM, 32 bytes
  digestKey: Buffer; // HMAC-SHA-256, 32 bytes
}

export interface KeyProvider {
  /** Returns the keys, creating them on first use. */
  keys(): Keys;
  /** Where they are kept, for the owner's Settings screen. */
  describe(): { backend: string; protected: boolean; warning: string | null };
}

interface StoredKeys {
  v: 1;
  emailKey: string;
  digestKey: string;
}

const encode = (k: Keys): string =>
  JSON.stringify({ v: 1, emailKey: k.emailKey.toString('base64'), digestKey: k.digestKey.toString('base64') } satisfies StoredKeys);

function decode(text: string): Keys {
  const parsed = JSON.parse(text) as StoredKeys;
  const keys = { emailKey: Buffer.from(parsed.emailKey, 'base64'), digestKey: Buffer.from(parsed.digestKey, 'base64') };
  if (parsed.v !== 1 || keys.emailKey.length !== 32 || keys.digestKey.length !== 32) throw new Error('The key file is not valid');
  return keys;
}

export const freshKeys = (): Keys => ({ emailKey: randomBytes(32), digestKey: randomBytes(32) });

/**
 * Keys in a file readable by this OS user only (0600), or from BREWLINE_KEYS (the file's JSON)
 * when set. Used in plain Node: tests, headless tools. The Electron app wraps the same JSON with
 * safeStorage instead (see main.ts).
 */
export class FileKeyProvider implements KeyProvider {
  private cached: Keys | null = null;

  constructor(
    private readonly file: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  keys(): Keys {
    if (this.cached) return this.cached;
    if (this.env.BREWLINE_KEYS) return (this.cached = decode(this.env.BREWLINE_KEYS));
    if (fs.existsSync(this.file)) {
      // Tighten permissions that were loosened by hand (a copy, an archive tool).
      if (process.platform !== 'win32' && (fs.statSync(this.file).mode & 0o077) !== 0) fs.chmodSync(this.file, 0o600);
      return (this.cached = decode(fs.readFileSync(this.file, 'utf8')));
    }
    const keys = freshKeys();
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, encode(keys), { mode: 0o600, flag: 'wx' });
    return (this.cached = keys);
  }

  describe() {
    return this.env.BREWLINE_KEYS
      ? { backend: 'environment variable', protected: false, warning: 'The encryption key comes from an environment variable.' }
      : { backend: 'key file (0600)', protected: false, warning: null };
  }
}

/** A provider over an opaque, OS-protected blob (Electron safeStorage in main.ts). */
export class SealedKeyProvider implements KeyProvider {
  private cached: Keys | null = null;

  constructor(
    private readonly file: string,
    private readonly seal: { encrypt(text: string): Buffer; decrypt(blob: Buffer): string },
    private readonly backend: { name: string; protected: boolean; warning: string | null },
  ) {}

  keys(): Keys {
    if (this.cached) return this.cached;
    if (fs.existsSync(this.file)) return (this.cached = decode(this.seal.decrypt(fs.readFileSync(this.file))));
    const keys = freshKeys();
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, this.seal.encrypt(encode(keys)), { mode: 0o600, flag: 'wx' });
    return (this.cached = keys);
  }

  describe() {
    return { backend: this.backend.name, protected: this.backend.protected, warning: this.backend.warning };
  }
}
