import Database from 'better-sqlite3';

/**
 * An exclusive lock on a small file, held until released, and let go by the
 * system if the process dies: undefined when another connection, in this
 * process or another, holds it. SQLite's lock is used because Node has no file
 * lock of its own, and SQLite's works alike on Windows and Linux.
 */
export function holdExclusiveLock(lockFile: string, nativeBinding?: string): { release(): void } | undefined {
  const lock = new Database(lockFile, { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    // Nothing is ever written to it: without this, the transaction would leave a rollback journal beside it.
    lock.pragma('journal_mode = MEMORY');
    lock.exec('BEGIN EXCLUSIVE');
    return { release: () => lock.close() };
  } catch (error) {
    lock.close();
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_BUSY') return undefined;
    throw error;
  }
}
