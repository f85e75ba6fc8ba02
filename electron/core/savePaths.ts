// Where an export may be saved. The save dialog lets a person pick any file, Brewline's own
// included: a CSV renamed over the open database (or its -wal) loses every order at the next
// start, one over the key store loses the keys. Those answers are refused in words.
import fs from 'node:fs';
import path from 'node:path';
import type { SaveDialog } from './deps';
import { conflict } from './errors';

export const OWN_FILE_MESSAGE = 'That is one of Brewline’s own files (its database or its keys). Save under another name or in another folder, such as Documents.';

// Windows and macOS folders ignore case: "Brewline.SQLITE" is the database there.
const foldCase = (p: string): string => (process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p);
const realDir = (dir: string): string => {
  try {
    return fs.realpathSync.native(dir);
  } catch {
    return path.resolve(dir); // a folder that is not there holds none of our files
  }
};

/**
 * Whether `file` is one of the app's own files: in the database's folder and named like it up to
 * the first dot ("brewline." — brewline.sqlite and its -wal/-shm/-journal, brewline.keys and
 * brewline.keys.sealed, which app/keyStorage.ts keeps beside it).
 */
export function isOwnDataFile(file: string, dbPath: string): boolean {
  if (foldCase(realDir(path.dirname(file))) !== foldCase(realDir(path.dirname(dbPath)))) return false;
  const stem = `${path.basename(dbPath).split('.')[0]}.`;
  return foldCase(path.basename(file)).startsWith(foldCase(stem));
}

/** The save dialog, refusing the app's own files (a ServiceError the exports pass on). */
export function guardSaveDialog(dialog: SaveDialog, dbPath: string): SaveDialog {
  return {
    async choosePath(suggestedName, filter) {
      const chosen = await dialog.choosePath(suggestedName, filter);
      if (chosen !== null && isOwnDataFile(chosen, dbPath)) throw conflict(OWN_FILE_MESSAGE);
      return chosen;
    },
  };
}
