import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/createCore';
import type { Clock, SaveDialog } from '../../electron/core/deps';
import { FileKeyProvider } from '../../electron/core/keys';
import type { ReceiptPrinter } from '../../electron/receipts/receiptService';
import type { CallContext } from '../../electron/ipc/router';
import type { Channel, ChannelInput, ChannelOutput } from '../../electron/shared/contract';
import type { Result } from '../../electron/shared/result';

export const TEST_ORIGIN = 'https://brewline.test';

/** Real time plus an offset tests can push forward (for idle lock in the browser tests). */
export class ShiftableClock {
  private offset = 0;
  now = (): number => Date.now() + this.offset;
  advance(ms: number): void {
    this.offset += ms;
  }
}

/** A clock tests move by hand. */
export class ManualClock {
  constructor(public current = Date.UTC(2026, 10, 23, 1, 30)) {} // 09:30 in Manila
  now = (): number => this.current;
  advance(ms: number): void {
    this.current += ms;
  }
}

export const OWNER = {
  username: 'olivia',
  firstName: 'Olivia',
  lastName: 'Reyes',
  password: 'correct horse battery',
  pin: '482913',
};

export function setupInput(shop: Partial<ChannelInput<'setup.complete'>['shop']> = {}): ChannelInput<'setup.complete'> {
  return {
    shop: { name: 'Brews & Chews', currency: 'PHP', taxRatePercent: '12', pricesIncludeTax: true, timezone: 'Asia/Manila', ...shop },
    owner: { ...OWNER },
  };
}

/**
 * Stands in for Electron's printing (webContents.print / printToPDF), which cannot run in plain
 * Node: it keeps what it was asked to print so tests can read the receipt HTML.
 */
export class RecordingPrinter implements ReceiptPrinter {
  jobs: { html: string; silent: boolean; deviceName: string }[] = [];
  pdfs: { html: string; suggestedName: string }[] = [];
  async print(html: string, options: { silent: boolean; deviceName: string }) {
    this.jobs.push({ html, ...options });
    return { printer: options.deviceName || 'default printer' };
  }
  async savePdf(html: string, suggestedName: string) {
    this.pdfs.push({ html, suggestedName });
    return { saved: true, path: `/tmp/${suggestedName}` };
  }
  async printers() {
    return [{ name: 'EPSON TM-T82', isDefault: true }];
  }
}

/** Stands in for Electron's save dialog: every file goes into the test's folder, under the suggested name (or `answer`). */
export class FolderSaveDialog implements SaveDialog {
  asked: { suggestedName: string; filter: { name: string; extensions: string[] } }[] = [];
  /** A fixed answer: a path, or null for "the person cancelled". */
  answer: string | null | undefined = undefined;
  constructor(private readonly dir: string) {}
  async choosePath(suggestedName: string, filter: { name: string; extensions: string[] }) {
    this.asked.push({ suggestedName, filter });
    return this.answer === undefined ? path.join(this.dir, suggestedName) : this.answer;
  }
}

export interface TestCore<C extends Clock = ManualClock> {
  core: Core;
  printer: RecordingPrinter;
  saveDialog: FolderSaveDialog;
  clock: C;
  dir: string;
  dbPath: string;
  /** Typed call as the trusted main window of sender `senderId`. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>, senderId?: string): Promise<Result<ChannelOutput<C>>>;
  /** Call and unwrap; throws with the error message when the result is not ok. */
  must<C extends Channel>(channel: C, input: ChannelInput<C>, senderId?: string): Promise<ChannelOutput<C>>;
  /** A raw call with any channel/input, as a hostile renderer could make. */
  raw(channel: unknown, input: unknown, ctx?: Partial<CallContext>): Promise<Result<unknown>>;
  count(table: string): number;
  reopen(): void;
  close(): void;
}

/** A real core on a real SQLite file in a fresh temp dir. */
export function makeTestCore<C extends Clock = ManualClock>(opts: { clock?: C; dir?: string } = {}): TestCore<C> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'brewline-test-'));
  const dbPath = path.join(dir, 'brewline.sqlite');
  const clock = opts.clock ?? (new ManualClock() as unknown as C);
  const quietLogger = { info: () => {}, error: () => {} };
  // A new provider per open, as after an app restart: a deleted key file really is gone.
  const printer = new RecordingPrinter();
  const saveDialog = new FolderSaveDialog(dir);
  const build = () =>
    createCore({ dbPath, trustedOrigins: [TEST_ORIGIN], keys: new FileKeyProvider(path.join(dir, 'brewline.keys'), {}), printer, saveDialog, clock, logger: quietLogger });
  let core = build();
  const ctx = (senderId = 'window-1', extra: Partial<CallContext> = {}): CallContext => ({
    senderId,
    frameUrl: `${TEST_ORIGIN}/index.html`,
    isMainFrame: true,
    ...extra,
  });
  const t: TestCore<C> = {
    get core() {
      return core;
    },
    clock,
    printer,
    saveDialog,
    dir,
    dbPath,
    call: (channel, input, senderId) => core.call(ctx(senderId), channel, input) as never,
    async must(channel, input, senderId) {
      const r = await t.call(channel, input, senderId);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    raw: (channel, input, extra) => core.call(ctx(extra?.senderId, extra), channel, input),
    count: (table) => (core.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
    reopen() {
      core.close();
      core = build();
    },
    close() {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

/** A core that has been through first-run setup, with the owner signed in on window-1. */
export async function makeSetUpCore(shop: Partial<ChannelInput<'setup.complete'>['shop']> = {}, options: { openShift?: boolean } = {}): Promise<TestCore> {
  const t = makeTestCore();
  await t.must('setup.complete', setupInput(shop));
  // Cash sales need an open shift on the till (drawer setting cashNeedsShift, on by default).
  if (options.openShift !== false) await openShift(t);
  return t;
}

/** Opens a shift on the till as the person signed in on `senderId` (the owner on window-1), with one float amount. */
export async function openShift(t: TestCore<Clock>, float = 0, senderId = 'window-1') {
  return t.must('shifts.open', { requestId: newRequestId(), float: { amount: float } }, senderId);
}

export const newRequestId = (): string => crypto.randomUUID();

export const STAFF_PIN = '730516';
export const STAFF_PASSWORD = 'a long manager password';

/** Adds a person through staff.create as the signed-in owner on window-1. */
export async function addStaff(t: TestCore<Clock>, role: 'barista' | 'manager' | 'owner', username: string, extra: Partial<ChannelInput<'staff.create'>> = {}) {
  return t.must('staff.create', {
    username,
    firstName: username[0]!.toUpperCase() + username.slice(1),
    lastName: 'Test',
    role,
    pin: STAFF_PIN,
    ...(role === 'barista' ? {} : { password: STAFF_PASSWORD }),
    ...extra,
  });
}

/** Signs `username` in on their own window (the window id is the username). */
export async function signInAs(t: TestCore<Clock>, username: string, pin = STAFF_PIN): Promise<string> {
  await t.must('auth.loginPin', { username, pin }, username);
  return username;
}
