import argon2 from 'argon2';

// argon2id at OWASP's minimum (m=19 MiB, t=2, p=1), for passwords and PINs alike.
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * `pepper` is argon2's secret input (a key kept outside the database): a copied database alone
 * then gives nothing to brute-force a 6-digit PIN against. Passwords are long enough without one.
 */
export function hashSecret(secret: string, pepper?: Buffer): Promise<string> {
  return argon2.hash(secret, pepper ? { ...ARGON2_OPTIONS, secret: pepper } : ARGON2_OPTIONS);
}

export async function verifySecret(hash: string, secret: string, pepper?: Buffer): Promise<boolean> {
  try {
    return await argon2.verify(hash, secret, pepper ? { secret: pepper } : undefined);
  } catch {
    return false; // a malformed hash never signs anyone in
  }
}

const dummyHashes = new Map<string, Promise<string>>();
/**
 * Verify against a throwaway hash made the same way (same cost, same pepper or none) so that
 * "no such user" takes as long as "wrong PIN".
 */
export async function burnVerify(secret: string, pepper?: Buffer): Promise<false> {
  const key = pepper ? pepper.toString('base64') : '';
  let dummy = dummyHashes.get(key);
  if (!dummy) {
    dummy = hashSecret('brewline-no-such-user', pepper);
    dummyHashes.set(key, dummy);
  }
  await verifySecret(await dummy, secret, pepper);
  return false;
}
