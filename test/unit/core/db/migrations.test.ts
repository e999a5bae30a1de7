import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestVersion, openDatabase, schemaVersion } from '../../../../electron/core/db/index.js';
import { migrations } from '../../../../electron/core/db/migrations/index.js';
import { AppError } from '../../../../electron/core/errors.js';
import { tempDir } from '../../support/core.js';

function databaseFile(): string {
  return join(tempDir(), 'hearing-desk.sqlite');
}

/** What each migration must find and keep: rows written by the schema just before it. */
const seedBefore: Record<number, (db: Database.Database) => void> = {
  1: () => {},
  2: (db) => {
    db.prepare(
      `INSERT INTO hearings (id, matter_no, title, template_id, planned_start, venue, organizer, is_public, non_public_reason, status, created_at, updated_at)
       VALUES ('7c9e6679-7425-40de-944b-e07fc1f90ae7', '青信访〔2026〕第0317号', '王建平不服东城街道房屋征收补偿决定信访事项', 'petition',
         '2026-12-08T09:30', '青秀区信访局三楼听证室', '南宁市青秀区信访局', 1, '', 'preparing', '2026-11-20T01:30:00.000Z', '2026-11-20T01:30:00.000Z')`,
    ).run();
  },
  3: (db) => {
    seedBefore[2]?.(db);
    db.prepare(
      `INSERT INTO participants (id, hearing_id, role, position, name, created_at, updated_at)
       VALUES ('0b7e4c52-8a0c-4f55-9d7e-3f1f0e5a9c11', '7c9e6679-7425-40de-944b-e07fc1f90ae7', 'party', 1, '王建平', '2026-11-20T01:30:00.000Z', '2026-11-20T01:30:00.000Z')`,
    ).run();
  },
  4: (db) => {
    seedBefore[3]?.(db);
    db.prepare(
      `INSERT INTO agenda_steps (id, hearing_id, position, type, name_zh, name_en, planned_minutes, script_zh, script_en)
       VALUES ('5a1d3e0c-2b4f-4c8e-9f00-1a2b3c4d5e6f', '7c9e6679-7425-40de-944b-e07fc1f90ae7', 1, 'checkIn', '签到', 'Check-in', 10, '', '')`,
    ).run();
  },
};
const expectAfter: Record<number, (db: Database.Database) => void> = {
  1: (db) => {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['audit_log', 'hearings', 'settings']);
  },
  2: (db) => {
    const hearing = db.prepare('SELECT matter_no, stage, agency, application_date, rule_overrides FROM hearings').get();
    expect(hearing).toEqual({ matter_no: '青信访〔2026〕第0317号', stage: 'handling', agency: '', application_date: null, rule_overrides: '{}' });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['hearing_requests', 'participants', 'attendance', 'recusals', 'hearing_events', 'office_calendar']));
  },
  3: (db) => {
    expect(db.prepare('SELECT name FROM participants').pluck().all()).toEqual(['王建平']);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['agenda_steps', 'procedure_state', 'speaker_queue', 'speeches']));
    expect(db.prepare('SELECT COUNT(*) FROM agenda_steps').pluck().get()).toBe(0);
  },
  4: (db) => {
    expect(db.prepare('SELECT name_zh FROM agenda_steps').pluck().all()).toEqual(['签到']);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['exhibits', 'exhibit_files', 'examinations', 'exhibit_findings', 'presentations']));
  },
};

describe('opening the database', () => {
  it('uses WAL with synchronous=FULL and foreign keys on', () => {
    const db = openDatabase(databaseFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(latestVersion);
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = databaseFile();
    const newer = new Database(file);
    newer.pragma(`user_version = ${latestVersion + 1}`);
    newer.close();
    expect(() => openDatabase(file)).toThrow(
      expect.objectContaining({ code: 'db/newerVersion', params: { found: latestVersion + 1, supported: latestVersion } }),
    );
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(latestVersion + 1);
    again.close();
  });

  it('reports a file that is not a database as corrupt instead of crashing', () => {
    const file = databaseFile();
    writeFileSync(file, '这不是数据库文件'.repeat(600));
    let caught: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('db/corrupt');
  });
});

describe('migrations', () => {
  it('are numbered 1, 2, 3 … without gaps', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('each has a test that seeds the version before it and checks the result', () => {
    for (const migration of migrations) {
      expect(seedBefore[migration.version], `seed for migration ${migration.version}`).toBeTypeOf('function');
      expect(expectAfter[migration.version], `expectation for migration ${migration.version}`).toBeTypeOf('function');
    }
  });

  for (const migration of migrations) {
    it(`${String(migration.version).padStart(4, '0')}-${migration.name} migrates a database of version ${migration.version - 1} with data in it`, () => {
      const file = databaseFile();
      const before = openDatabase(file, { targetVersion: migration.version - 1 });
      expect(schemaVersion(before)).toBe(migration.version - 1);
      seedBefore[migration.version]?.(before);
      before.close();

      const after = openDatabase(file, { targetVersion: migration.version });
      expect(schemaVersion(after)).toBe(migration.version);
      expectAfter[migration.version]?.(after);
      expect(after.pragma('foreign_key_check')).toEqual([]);
      after.close();
    });
  }
});
