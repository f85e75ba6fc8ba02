// A worker thread with its own read-only connection (WAL lets it read beside the till's writes).
// It runs the jobs of readJobs.ts one at a time, in the order they arrive.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { READ_JOBS, type ReadJobName } from './readJobs';

export interface ReadWorkerData {
  brewlineRead: { dbPath: string; nativeBinding?: string };
}
export type ToWorker = { id: number; name: ReadJobName; args: unknown };
export type FromWorker =
  | { id: number; kind: 'progress'; value: unknown }
  | { id: number; kind: 'done'; value: unknown }
  | { id: number; kind: 'failed'; message: string; code?: string; fields?: Record<string, string> };

const data = workerData as Partial<ReadWorkerData> | null;
if (parentPort && data?.brewlineRead) {
  const port = parentPort;
  const { dbPath, nativeBinding } = data.brewlineRead;
  const db = new Database(dbPath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  db.pragma('trusted_schema = OFF');
  db.pragma('busy_timeout = 5000');
  port.on('message', (msg: ToWorker) => {
    try {
      const job = READ_JOBS[msg.name] as (db: Database.Database, args: unknown, progress: (v: unknown) => void) => unknown;
      if (!job) throw new Error(`unknown read job ${String(msg.name)}`);
      const value = job(db, msg.args, (v) => port.postMessage({ id: msg.id, kind: 'progress', value: v } satisfies FromWorker));
      port.postMessage({ id: msg.id, kind: 'done', value } satisfies FromWorker);
    } catch (error) {
      // A ServiceError thrown by a job (bad filter, nothing to export) keeps its code and sentence.
      const e = error as { message?: string; code?: string; fields?: Record<string, string>; name?: string };
      const isService = e?.name === 'ServiceError' && typeof e.code === 'string';
      port.postMessage({
        id: msg.id,
        kind: 'failed',
        message: e?.message ?? String(error),
        ...(isService ? { code: e.code, fields: e.fields } : {}),
      } satisfies FromWorker);
    }
  });
}
