import Database from 'better-sqlite3';
import { AppError } from '../errors.js';
import { migrate } from './migrate.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running ABI (Electron's differs from Node's). */
  nativeBinding?: string;
  /** Stop at this schema version: only migration tests need it. */
  targetVersion?: number;
}

const corruptCodes = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/**
 * Opens the database for durable use: WAL with synchronous=FULL, so a
 * committed transaction is on disk before the call returns; foreign keys on;
 * a quick_check before anything else touches it.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new AppError('db/corrupt', { detail: String(check).slice(0, 200) });
    migrate(db, options.targetVersion);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof Database.SqliteError && corruptCodes.has(error.code)) {
      throw new AppError('db/corrupt', { detail: error.message });
    }
    throw error;
  }
}

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per connection: SQLite parsing is a real share of a small write. */
export function prepared(db: Db, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
