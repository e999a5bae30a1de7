import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { storageFailure } from '../../../../electron/core/db/failures.js';
import { createRouter, type Handlers } from '../../../../electron/core/router.js';

/** What a handler threw, caught as the router would catch it. */
function thrownBy(write: () => unknown): unknown {
  try {
    write();
  } catch (error) {
    return error;
  }
  throw new Error('the write went through');
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('a write the disk refused', () => {
  it('is a full disk when SQLite ran out of room', () => {
    // max_page_count makes SQLite answer exactly as it does on ENOSPC: SQLITE_FULL.
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x TEXT)');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const error = thrownBy(() => db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000)));
    expect((error as { code: string }).code).toBe('SQLITE_FULL');
    expect(storageFailure(error)?.toData()).toEqual({ code: 'db/diskFull', params: {} });
    db.close();
  });

  it('is a read-only data folder when SQLite could only open the database for reading', () => {
    const folder = mkdtempSync(join(tmpdir(), 'hearing-desk-failures-'));
    folders.push(folder);
    const file = join(folder, 'db.sqlite');
    new Database(file).exec('CREATE TABLE t (x TEXT)');
    const db = new Database(file, { readonly: true });
    const error = thrownBy(() => db.prepare('INSERT INTO t VALUES (?)').run('x'));
    expect((error as { code: string }).code).toMatch(/^SQLITE_READONLY/);
    expect(storageFailure(error)?.toData()).toEqual({ code: 'db/readOnly', params: {} });
    db.close();
  });

  it('is a failed write, with SQLite’s code, when SQLite cannot say more than “disk I/O error”', () => {
    // Made by hand: a real one needs a disk that fails (EIO), turns read-only under an open file (EROFS) or a file-size limit (EFBIG).
    const error = new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE');
    expect(storageFailure(error)?.toData()).toEqual({ code: 'db/writeFailed', params: { detail: 'SQLITE_IOERR_WRITE' } });
  });

  it('is none of these for a bug: a constraint, a syntax error or any other exception', () => {
    expect(storageFailure(new Database.SqliteError('UNIQUE constraint failed: t.x', 'SQLITE_CONSTRAINT_UNIQUE'))).toBeUndefined();
    expect(storageFailure(new Error('SQLITE_FULL'))).toBeUndefined();
    expect(storageFailure(Object.assign(new Error('no space'), { code: 'SQLITE_FULL' }))).toBeUndefined();
  });

  it('reaches the user through the router as the refusal, logged, instead of an internal error', async () => {
    const logged: unknown[] = [];
    const full = new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
    const router = createRouter(
      {
        'settings.get': () => {
          throw full;
        },
      } as Partial<Handlers> as Handlers,
      { error: (_message, error) => logged.push(error) },
    );
    expect(await router.invoke('settings.get', {}, { actor: 'test' })).toEqual({ ok: false, error: { code: 'db/diskFull', params: {} } });
    // Still logged: the support log should show that the disk filled, and when.
    expect(logged).toEqual([full]);
  });
});
