import { AppError, ErrorCode } from '../errors.js';
import { BatchConflict } from '../ingest/persist/batchConflict.js';

/** The write path's lost race (another writer changed the article meanwhile) as the API's CONFLICT; anything else rethrown. */
export function asConflict(error: unknown): never {
  if (error instanceof BatchConflict)
    throw new AppError(ErrorCode.CONFLICT, 'the article changed while it was being written; reload it and try again', {}, { cause: error });
  throw error;
}
