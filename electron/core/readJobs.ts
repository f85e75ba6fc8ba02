// The read jobs a worker thread runs on its own read-only connection (core/readPool.ts). Each is a
// plain synchronous function of (connection, arguments, progress): heavy history searches,
// reports and exports run here so the till's event loop never waits on them (DESIGN §8).
// Every domain adds its jobs below; the main side only imports the types.
import type Database from 'better-sqlite3';
import { reportJobs } from '../reports/salesReports';
import { exportJobs } from '../orders/orderExport';
import { historyJobs } from '../orders/orderSearch';

export type ReadDb = Database.Database;
/** Reports progress to whoever started the job (e.g. rows written of the total). */
export type Progress = (value: unknown) => void;
export type ReadJob<A, R> = (db: ReadDb, args: A, progress: Progress) => R;

// In a module of its own so job modules can import it without a cycle through READ_JOBS.
export { prepared } from './readStatements';

/** A job for tests of the pool itself: sleeps in the worker, then answers. */
const poolJobs = {
  'pool.echo': ((_db, args: { value: unknown; busyMs?: number }, progress) => {
    const until = Date.now() + (args.busyMs ?? 0);
    while (Date.now() < until) {
      /* a busy worker, not a busy main loop */
    }
    progress({ halfway: true });
    return args.value;
  }) as ReadJob<{ value: unknown; busyMs?: number }, unknown>,
  'pool.fail': ((_db, args: { message: string }) => {
    throw new Error(args.message);
  }) as ReadJob<{ message: string }, never>,
};

export const READ_JOBS = {
  ...poolJobs,
  ...reportJobs,
  ...historyJobs,
  ...exportJobs,
};

export type ReadJobs = typeof READ_JOBS;
export type ReadJobName = keyof ReadJobs;
export type JobArgs<N extends ReadJobName> = Parameters<ReadJobs[N]>[1];
export type JobResult<N extends ReadJobName> = ReturnType<ReadJobs[N]>;
