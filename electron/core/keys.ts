import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The secrets main keeps outside the database: whoever copies the database file alone can read
 * neither emails nor forge the audit chain nor brute-force PINs offline.
 */
export interface Keys {
  emailKey: Buffer; // AES-256-GCM, 32 bytes
  digestKey: Buffer; // HMAC-SHA-256 of emails, 32 bytes
  auditKey: Buffer; // HMAC-SHA-256 of the audit and sign-in chains, 32 bytes
  pepperKey: Buffer; // argon2's secret for PIN hashes, 32 bytes
}

export interface KeyProvider {
  /** Returns the keys, creating them on first use. */
  keys(): Keys;
  /** Where they are kept, for the owner's Settings screen. */
  describe(): { backend: string; protected: boolean; warning: string | null };
}

const KEY_NAMES = ['emailKey', 'digestKey', 'auditKey', 'pepperKey'] as const satisfies readonly (keyof Keys)[];

/** v1 held the two email keys; v2 adds the audit and pepper keys. */
interface StoredKeys {
  v: 1 | 2;
  emailKey: string;
  digestKey: string;
  auditKey?: string;
  pepperKey?: string;
}

const encode = (k: Keys): string =>
  JSON.stringify({ v: 2, ...Object.fromEntries(KEY_NAMES.map((n) => [n, k[n].toString('base64')])) } as StoredKeys);

/** Reads stored keys; `upgraded` says that keys missing from an older file were made now and must be saved. */
function decode(text: string): { keys: Keys; upgraded: boolean } {
  const parsed = JSON.parse(text) as StoredKeys;
  if (parsed.v !== 1 && parsed.v !== 2) throw new Error('The key file is not valid');
  let upgraded = false;
  const read = (name: (typeof KEY_NAMES)[number]): Buffer => {
    const value = parsed[name];
    if (value === undefined && parsed.v === 1 && (name === 'auditKey' || name === 'pepperKey')) {
      upgraded = true;
      return randomBytes(32);
    }
    const key = Buffer.from(value ?? '', 'base64');
    if (key.length !== 32) throw new Error('The key file is not valid');
    return key;
  };
  const keys = Object.fromEntries(KEY_NAMES.map((n) => [n, read(n)])) as unknown as Keys;
  return { keys, upgraded };
}

export const freshKeys = (): Keys => ({ emailKey: randomBytes(32), digestKey: randomBytes(32), auditKey: randomBytes(32), pepperKey: randomBytes(32) });

/** Writes the key file so that a crash mid-write never leaves a half file: temp file, fsync, rename. */
function writeKeyFile(file: string, data: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

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
    if (this.env.BREWLINE_KEYS) return (this.cached = decode(this.env.BREWLINE_KEYS).keys);
    if (fs.existsSync(this.file)) {
      // Tighten permissions that were loosened by hand (a copy, an archive tool).
      if (process.platform !== 'win32' && (fs.statSync(this.file).mode & 0o077) !== 0) fs.chmodSync(this.file, 0o600);
      const { keys, upgraded } = decode(fs.readFileSync(this.file, 'utf8'));
      if (upgraded) writeKeyFile(this.file, encode(keys));
      return (this.cached = keys);
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
    if (fs.existsSync(this.file)) {
      const { keys, upgraded } = decode(this.seal.decrypt(fs.readFileSync(this.file)));
      if (upgraded) writeKeyFile(this.file, this.seal.encrypt(encode(keys)));
      return (this.cached = keys);
    }
    const keys = freshKeys();
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, this.seal.encrypt(encode(keys)), { mode: 0o600, flag: 'wx' });
    return (this.cached = keys);
  }

  describe() {
    return { backend: this.backend.name, protected: this.backend.protected, warning: this.backend.warning };
  }
}
