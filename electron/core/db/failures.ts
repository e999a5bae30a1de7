import Database from 'better-sqlite3';
import { AppError } from '../errors.js';

/**
 * A write SQLite could not make because of the disk under the data folder,
 * as the refusal the user reads; anything else is left as it is.
 *
 * SQLite names a full disk (SQLITE_FULL, from ENOSPC) and a database it could
 * only open read-only (SQLITE_READONLY*). Every other failed read or write is
 * SQLITE_IOERR_*, without the errno: a folder turned read-only under an open
 * database (EROFS, EPERM), a file-size limit (EFBIG) and a failing disk (EIO)
 * all look the same, so that refusal names all three. In each case SQLite
 * has rolled the transaction back and what was committed before is intact.
 */
export function storageFailure(error: unknown): AppError | undefined {
  if (!(error instanceof Database.SqliteError)) return undefined;
  const code = error.code;
  if (code === 'SQLITE_FULL') return new AppError('db/diskFull', {});
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) return new AppError('db/readOnly', {});
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_')) return new AppError('db/writeFailed', { detail: code });
  return undefined;
}
