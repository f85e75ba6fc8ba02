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
