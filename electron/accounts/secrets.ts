import argon2 from 'argon2';

// argon2id at OWASP's minimum (m=19 MiB, t=2, p=1), for passwords and PINs alike.
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(secret: string): Promise<string> {
  return argon2.hash(secret, ARGON2_OPTIONS);
}

export async function verifySecret(hash: string, secret: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, secret);
  } catch {
    return false; // a malformed hash never signs anyone in
  }
}

let dummyHash: Promise<string> | null = null;
/** Verify against a throwaway hash so "no such user" takes as long as "wrong PIN". */
export async function burnVerify(secret: string): Promise<false> {
  dummyHash ??= hashSecret('brewline-no-such-user');
  await verifySecret(await dummyHash, secret);
  return false;
}
