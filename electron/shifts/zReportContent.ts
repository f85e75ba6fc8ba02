// What a Z report says, stored once as canonical JSON (object keys in sorted order at every
// level, no whitespace) with the SHA-256 of exactly that text: the same content always gives the
// same text and hash, and any later edit of the stored text shows.
import { createHash } from 'node:crypto';
import type { ZReportContent } from '../shared/contract';

/** JSON with object keys sorted (code-unit order) at every level; undefined members left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError('Z report content holds whole numbers only');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((k) => record[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
  return `{${members.join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The stored text and its hash. */
export function sealZContent(content: ZReportContent): { text: string; hash: string } {
  const text = canonicalJson(content);
  return { text, hash: sha256Hex(text) };
}
