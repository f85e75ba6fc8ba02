import { randomBytes, randomUUID } from 'node:crypto';

let lastMs = 0;
let lastRand: Buffer = Buffer.alloc(10);

/** UUIDv7: 48-bit ms timestamp + random; monotonic within one process so ids sort by creation. */
export function newId(now: number = Date.now()): string {
  let rand: Buffer;
  if (now <= lastMs) {
    now = lastMs;
    rand = Buffer.from(lastRand);
    for (let i = rand.length - 1; i >= 0; i--) {
      rand[i] = (rand[i]! + 1) & 0xff;
      if (rand[i] !== 0) break;
    }
  } else {
    rand = randomBytes(10);
  }
  lastMs = now;
  lastRand = rand;
  const b = Buffer.alloc(16);
  b.writeUIntBE(now, 0, 6);
  rand.copy(b, 6);
  b[6] = 0x70 | (b[6]! & 0x0f); // version 7
  b[8] = 0x80 | (b[8]! & 0x3f); // RFC 4122 variant
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Random UUIDv4, for identities that must not reveal when they were made. */
export const newToken = (): string => randomUUID();
