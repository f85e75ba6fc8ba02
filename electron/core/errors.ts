import type { ErrorCode } from '../shared/result';

/** A failure a person can act on; the router turns it into `{ ok: false, error }`. */
export class ServiceError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL'>,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const notFound = (what: string) => new ServiceError('NOT_FOUND', `${what} was not found`);
export const conflict = (message: string, fields?: Record<string, string>) => new ServiceError('CONFLICT', message, fields);
export const invalid = (message: string, fields?: Record<string, string>) => new ServiceError('VALIDATION', message, fields);

/**
 * Why writing a file the person chose failed, as a sentence they can act on (an export's CSV):
 * a ServiceError keeps its own; the system's error (with its paths) is for the log only.
 */
export function fileWriteSentence(error: unknown): string {
  if (error instanceof ServiceError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  if (/EACCES|EPERM|EROFS/.test(message)) return 'Brewline may not write to that folder. Export again and choose another place.';
  if (/ENOSPC|EDQUOT/.test(message)) return 'The disk is full. Free some space, or export again to another drive.';
  if (/ENOENT|ENOTDIR/.test(message)) return 'That folder is not there any more. Export again and choose another place.';
  return 'The export could not be finished. Try again; if it keeps failing, choose another place to save it.';
}
