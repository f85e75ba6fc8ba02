// Main's side of the read workers (readWorker.ts): one long-lived worker answers quick reads
// (history pages, reports) in turn; a job that may run for seconds (an export) gets a worker of its
// own, so a history page never queues behind it. Either way the main event loop only posts and
// receives messages.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from './deps';
import { ServiceError } from './errors';
import type { JobArgs, JobResult, ReadJobName } from './readJobs';
import type { FromWorker, ReadWorkerData, ToWorker } from './readWorker';

/** The worker script: the bundled JS next to main.js in the app, the TypeScript source (via tsx) in tests. */
function workerEntry(): { file: string; execArgv?: string[] } {
  const js = path.join(__dirname, 'readWorker.js');
  if (fs.existsSync(js)) return { file: js };
  return { file: path.join(__dirname, 'readWorker.ts'), execArgv: ['--require', createRequire(__filename).resolve('tsx/cjs')] };
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (value: unknown) => void;
}

/** One worker thread and the jobs waiting on it. */
class ReadWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  dead = false;

  constructor(data: ReadWorkerData, logger: Logger, onExit: () => void) {
    const { file, execArgv } = workerEntry();
    this.worker = new Worker(file, { workerData: data, ...(execArgv ? { execArgv } : {}) });
    this.worker.unref(); // an idle reader never keeps the process alive
    this.worker.on('message', (m: FromWorker) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.kind === 'progress') return p.onProgress?.(m.value);
      this.pending.delete(m.id);
      if (m.kind === 'done') p.resolve(m.value);
      else if (m.code && m.code !== 'INTERNAL') p.reject(new ServiceError(m.code as ServiceError['code'], m.message, m.fields));
      else p.reject(new Error(`read worker: ${m.message}`));
    });
    const fail = (error: Error) => {
      this.dead = true;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      onExit();
    };
    this.worker.on('error', (error) => {
      logger.error('read worker failed', { error: error.message });
      fail(error);
    });
    this.worker.on('exit', (code) => fail(new Error(`read worker stopped (exit ${code})`)));
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  run(name: ReadJobName, args: unknown, onProgress?: (value: unknown) => void): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.ref(); // keep the process up while a job is out
      this.worker.postMessage({ id, name, args } satisfies ToWorker);
    }).finally(() => {
      if (!this.busy) this.worker.unref();
    });
  }

  terminate(): Promise<number> {
    this.dead = true;
    return this.worker.terminate();
  }
}

export class ReadPool {
  private shared: ReadWorker | null = null;
  private readonly solo = new Set<ReadWorker>();
  private closed = false;

  constructor(
    private readonly options: { dbPath: string; nativeBinding?: string },
    private readonly logger: Logger,
  ) {}

  private data(): ReadWorkerData {
    return { brewlineRead: { dbPath: this.options.dbPath, ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}) } };
  }

  /** Runs a read job on the shared worker (started on first use, restarted if it died). */
  run<N extends ReadJobName>(name: N, args: JobArgs<N>, onProgress?: (value: unknown) => void): Promise<JobResult<N>> {
    if (this.closed) return Promise.reject(new Error('the read pool is closed'));
    if (!this.shared || this.shared.dead) this.shared = new ReadWorker(this.data(), this.logger, () => undefined);
    return this.shared.run(name, args, onProgress) as Promise<JobResult<N>>;
  }

  /** Runs a long job on a worker of its own, which ends with it. */
  runAlone<N extends ReadJobName>(name: N, args: JobArgs<N>, onProgress?: (value: unknown) => void): Promise<JobResult<N>> {
    if (this.closed) return Promise.reject(new Error('the read pool is closed'));
    const worker: ReadWorker = new ReadWorker(this.data(), this.logger, () => this.solo.delete(worker));
    this.solo.add(worker);
    return (worker.run(name, args, onProgress) as Promise<JobResult<N>>).finally(() => {
      this.solo.delete(worker);
      void worker.terminate();
    });
  }

  /** Starts the shared worker now (so the first report does not pay for it). */
  warm(): void {
    if (!this.closed && (!this.shared || this.shared.dead)) this.shared = new ReadWorker(this.data(), this.logger, () => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [this.shared, ...this.solo].filter((w): w is ReadWorker => !!w);
    this.shared = null;
    this.solo.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}
