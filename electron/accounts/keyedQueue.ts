/**
 * Runs async work one at a time per key: a call waits for every earlier call that shares any of
 * its keys. Credential checks use it per account and per till, so the slow argon2 step cannot be
 * raced by parallel tries. All keys are taken at once (synchronously), so there is no deadlock.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const before = keys.map((k) => this.tails.get(k));
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    for (const k of keys) this.tails.set(k, mine);
    const done = () => {
      release();
      for (const k of keys) if (this.tails.get(k) === mine) this.tails.delete(k);
    };
    return Promise.all(before)
      .then(work)
      .finally(done);
  }
}
