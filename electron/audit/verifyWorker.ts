// A full walk of both chains on a worker thread with its own read-only connection, so the main
// event loop (and the sale being rung up) never waits for it. Started by ChainVerifier.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { LegacyChainEnds } from '../core/keys';
import { CHAINS, chainRows, startState, tailCut, walk, type Broken, type WalkState } from './chain';

export interface VerifyJob {
  dbPath: string;
  nativeBinding?: string;
  key: Uint8Array;
  tables: string[];
  legacyEnds: LegacyChainEnds;
}

export interface ChainWalk {
  table: string;
  state: WalkState;
  broken: Broken | null;
}

export function walkChains(job: VerifyJob): ChainWalk[] {
  const db = new Database(job.dbPath, { readonly: true, fileMustExist: true, ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}) });
  try {
    db.pragma('trusted_schema = OFF');
    const key = Buffer.from(job.key);
    return CHAINS.filter((spec) => job.tables.includes(spec.table)).map((spec) =>
      // One read transaction per chain: the rows and sqlite_sequence come from the same snapshot.
      db.transaction(() => {
        const state = startState();
        const broken = walk(spec, key, chainRows(db, spec, 0), state, job.legacyEnds[spec.table]) ?? tailCut(db, spec, state);
        return { table: spec.table, state, broken };
      })(),
    );
  } finally {
    db.close();
  }
}

const job = workerData as { brewlineVerify?: VerifyJob } | null;
if (parentPort && job?.brewlineVerify) {
  try {
    parentPort.postMessage({ ok: true, walks: walkChains(job.brewlineVerify) });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}
