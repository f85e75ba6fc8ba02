import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { KeyProvider } from '../core/keys';

// Emails at rest: AES-256-GCM, stored as version(1) ‖ nonce(12) ‖ ciphertext ‖ tag(16), with the
// user id bound as associated data so a ciphertext cannot be moved to another person's row.
// Lookups and uniqueness use a keyed HMAC-SHA-256 of the normalised email (a plain hash of an
// email can be brute-forced from a list of likely addresses).

const VERSION = 1;
const NONCE = 12;
const TAG = 16;

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export class EmailCrypto {
  constructor(private readonly provider: KeyProvider) {}

  encrypt(userId: string, email: string): Buffer {
    const nonce = randomBytes(NONCE);
    const cipher = createCipheriv('aes-256-gcm', this.provider.keys().emailKey, nonce);
    cipher.setAAD(Buffer.from(userId, 'utf8'));
    const body = Buffer.concat([cipher.update(email.trim(), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), nonce, body, cipher.getAuthTag()]);
  }

  /** Throws when the blob was tampered with, belongs to another user, or the key is not the one it was made with. */
  decrypt(userId: string, blob: Buffer): string {
    if (blob.length < 1 + NONCE + TAG || blob[0] !== VERSION) throw new Error('Unknown email ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.provider.keys().emailKey, blob.subarray(1, 1 + NONCE));
    decipher.setAAD(Buffer.from(userId, 'utf8'));
    decipher.setAuthTag(blob.subarray(blob.length - TAG));
    return Buffer.concat([decipher.update(blob.subarray(1 + NONCE, blob.length - TAG)), decipher.final()]).toString('utf8');
  }

  /** Decrypt for display: null when unreadable (a lost key loses emails only). */
  tryDecrypt(userId: string, blob: Buffer | null): { email: string | null; unreadable: boolean } {
    if (!blob) return { email: null, unreadable: false };
    try {
      return { email: this.decrypt(userId, blob), unreadable: false };
    } catch {
      return { email: null, unreadable: true };
    }
  }

  digest(email: string): string {
    return createHmac('sha256', this.provider.keys().digestKey).update(normaliseEmail(email), 'utf8').digest('hex');
  }
}
