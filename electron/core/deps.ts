import type { Db, Sqlite } from '../../db/open';

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}
export const consoleLogger: Logger = {
  info: (message, data) => console.log(`[brewline] ${message}`, data ?? ''),
  error: (message, data) => console.error(`[brewline] ${message}`, data ?? ''),
};

/** What every service is built from. */
export interface Deps {
  db: Db;
  sqlite: Sqlite;
  clock: Clock;
  logger: Logger;
  appVersion: string;
  /** This till's row in `terminals`. */
  terminal: { id: string; code: string; name: string };
}

/**
 * Where a file the app writes goes: Electron's save dialog in the app (main.ts); tests give a
 * folder of their own. null: the person cancelled.
 */
export interface SaveDialog {
  choosePath(suggestedName: string, filter: { name: string; extensions: string[] }): Promise<string | null>;
}
