import { AppError } from '../errors.js';
import { ZipTooLargeError } from '../seal/zip.js';

/** A write to the backup's target (or a restore's folder) that failed for a reason the office can act on. */
export function targetError(error: unknown, folder: string): unknown {
  if (error instanceof ZipTooLargeError) return new AppError('backup/tooLarge', {});
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('backup/diskFull', { folder });
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new AppError('backup/readOnly', { folder });
  return error;
}
