import { existsSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Db } from './connection.js';

/**
 * Copies the open database to `file` with SQLite's online backup: a
 * consistent snapshot even while other windows keep writing.
 */
export async function backupDatabase(db: Db, file: string): Promise<void> {
  await db.backup(file);
}

export interface DatabaseCounts {
  hearings: number;
  finalized: number;
  /** Entries of the minutes (笔录), the bulk of what a hearing records. */
  minuteEntries: number;
}

export interface DatabaseCheck {
  /** 'ok', or the first problems `PRAGMA integrity_check` reports. */
  integrity: string;
  schemaVersion: number;
  counts: DatabaseCounts;
}

function count(db: Database.Database, sql: string): number {
  return (db.prepare(sql).get() as { n: number }).n;
}

/**
 * Opens a database file that is not the app's (a snapshot, a restored copy),
 * runs the full integrity check and counts what it holds. Read-only and
 * without migrating, so the file stays byte for byte as it was; counts are
 * zero for a schema too old or too new to know the tables.
 */
export function inspectDatabaseFile(file: string, options: { nativeBinding?: string } = {}): DatabaseCheck {
  const wal = `${file}-wal`;
  const made = [wal, `${file}-shm`].filter((side) => !existsSync(side));
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    const integrity = (db.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>)
      .map((row) => row.integrity_check)
      .join('; ')
      .slice(0, 200);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((row) => row.name));
    const counts: DatabaseCounts = {
      hearings: tables.has('hearings') ? count(db, 'SELECT count(*) AS n FROM hearings') : 0,
      finalized: tables.has('hearings') ? count(db, "SELECT count(*) AS n FROM hearings WHERE status = 'finalized'") : 0,
      minuteEntries: tables.has('minute_entries') ? count(db, 'SELECT count(*) AS n FROM minute_entries') : 0,
    };
    return { integrity, schemaVersion, counts };
  } finally {
    db.close();
    // A read-only connection to a WAL database leaves an empty -wal and -shm behind: remove those it made, so the folder holds the file alone.
    if (made.length === 2 && (!existsSync(wal) || statSync(wal).size === 0)) {
      for (const side of made) rmSync(side, { force: true });
    }
  }
}
