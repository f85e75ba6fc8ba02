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

/** Per log, the seq of the last entry written before the keyed chain existed (0: none). */
export interface LegacyChainEnds {
  audit_events: number;
  auth_events: number;
}

export interface KeyProvider {
  /** Returns the keys, creating them on first use. */
  keys(): Keys;
  /**
   * Where each log's unkeyed entries end, kept with the keys (outside the database): recorded from
   * `measure` the first time, then fixed. Without it, a person holding only the database file could
   * rewrite every entry under the old unkeyed rule and it would still verify.
   */
  legacyChainEnds(measure: () => LegacyChainEnds): LegacyChainEnds;
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
  legacyChainEnds?: LegacyChainEnds;
}

const encode = (k: Keys, legacyChainEnds?: LegacyChainEnds): string =>
  JSON.stringify({ v: 2, ...Object.fromEntries(KEY_NAMES.map((n) => [n, k[n].toString('base64')])), ...(legacyChainEnds && { legacyChainEnds }) } as StoredKeys);

function storedEnds(text: string): LegacyChainEnds | null {
  const ends = (JSON.parse(text) as StoredKeys).legacyChainEnds;
  return ends && Number.isSafeInteger(ends.audit_events) && Number.isSafeInteger(ends.auth_events) ? ends : null;
}

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

export interface FileKeyOptions {
  /** Read BREWLINE_KEYS when set (default). The packaged app passes false: a variable set by anyone who can start it must not choose its keys. */
  allowEnv?: boolean;
  /** Set when this file stands in for the OS keychain, which is missing: shown on the owner's Settings screen. */
  fallbackWarning?: string;
}

/**
 * Keys in a file readable by this OS user only (0600), or from BREWLINE_KEYS (the file's JSON)
 * when set and allowed. Used in plain Node (tests, headless tools) and by the app when the OS
 * keychain is unavailable; otherwise the app wraps the same JSON with safeStorage (SealedKeyProvider).
 */
export class FileKeyProvider implements KeyProvider {
  private cached: Keys | null = null;

  constructor(
    private readonly file: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly options: FileKeyOptions = {},
  ) {}

  private fromEnv(): string | undefined {
    return this.options.allowEnv === false ? undefined : this.env.BREWLINE_KEYS || undefined;
  }

  keys(): Keys {
    if (this.cached) return this.cached;
    const fromEnv = this.fromEnv();
    if (fromEnv) return (this.cached = decode(fromEnv).keys);
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

  legacyChainEnds(measure: () => LegacyChainEnds): LegacyChainEnds {
    const keys = this.keys();
    // Keys from the environment have no file to keep the ends in (tests, headless tools).
    if (this.fromEnv()) return measure();
    const known = storedEnds(fs.readFileSync(this.file, 'utf8'));
    if (known) return known;
    const ends = measure();
    writeKeyFile(this.file, encode(keys, ends));
    return ends;
  }

  describe() {
    if (this.fromEnv()) return { backend: 'environment variable', protected: false, warning: 'The encryption key comes from an environment variable.' };
    const warning = this.options.fallbackWarning ?? null;
    return { backend: warning ? 'key file (0600), no OS keychain' : 'key file (0600)', protected: false, warning };
  }
}

/** A provider over an opaque, OS-protected blob (Electron safeStorage in main.ts). */
export class SealedKeyProvider implements KeyProvider {
  private cached: Keys | null = null;

  constructor(
    private readonly file: string,
    private readonly seal: { encrypt(text: string): Buffer; decrypt(blob: Buffer): string },
    private readonly backend: { name: string; protected: boolean; warning: string | null },
    /** A plain key file written while the keychain was unavailable: its keys are sealed and the file removed, never replaced by new keys. */
    private readonly adoptPlainFile?: string,
  ) {}

  keys(): Keys {
    if (this.cached) return this.cached;
    if (fs.existsSync(this.file)) {
      const { keys, upgraded } = decode(this.seal.decrypt(fs.readFileSync(this.file)));
      if (upgraded) writeKeyFile(this.file, this.seal.encrypt(encode(keys)));
      return (this.cached = keys);
    }
    if (this.adoptPlainFile && fs.existsSync(this.adoptPlainFile)) {
      // New keys here would leave emails unreadable, the audit chain unverifiable and every PIN refused.
      const { keys } = decode(fs.readFileSync(this.adoptPlainFile, 'utf8'));
      writeKeyFile(this.file, this.seal.encrypt(encode(keys)));
      fs.rmSync(this.adoptPlainFile);
      return (this.cached = keys);
    }
    const keys = freshKeys();
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, this.seal.encrypt(encode(keys)), { mode: 0o600, flag: 'wx' });
    return (this.cached = keys);
  }

  legacyChainEnds(measure: () => LegacyChainEnds): LegacyChainEnds {
    const keys = this.keys();
    const known = storedEnds(this.seal.decrypt(fs.readFileSync(this.file)));
    if (known) return known;
    const ends = measure();
    writeKeyFile(this.file, this.seal.encrypt(encode(keys, ends)));
    return ends;
  }

  describe() {
    return { backend: this.backend.name, protected: this.backend.protected, warning: this.backend.warning };
  }
}
