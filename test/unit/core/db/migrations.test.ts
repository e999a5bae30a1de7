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
  5: (db) => {
    seedBefore[4]?.(db);
    const insert = db.prepare(
      `INSERT INTO exhibits (id, hearing_id, submitter_id, side, position, name, form, created_at, updated_at)
       VALUES (?, '7c9e6679-7425-40de-944b-e07fc1f90ae7', '0b7e4c52-8a0c-4f55-9d7e-3f1f0e5a9c11', 'petitioner', ?, ?, 'documentary',
         '2026-11-25T02:00:00.000Z', '2026-11-25T02:00:00.000Z')`,
    );
    insert.run('9d4f2a61-3c7e-4b8a-a5d2-6e1f0b9c8a71', 1, '房屋所有权证');
    insert.run('9d4f2a61-3c7e-4b8a-a5d2-6e1f0b9c8a72', 2, '房屋征收评估报告');
  },
  6: (db) => {
    seedBefore[5]?.(db);
    db.prepare(
      `INSERT INTO hearing_events (hearing_id, at, kind, data)
       VALUES ('7c9e6679-7425-40de-944b-e07fc1f90ae7', '2026-12-08T01:31:00.000Z', 'procedure.started', '{}')`,
    ).run();
  },
  7: (db) => {
    seedBefore[6]?.(db);
    db.prepare(
      `INSERT INTO hearing_requests (id, hearing_id, position, text, created_at, updated_at)
       VALUES ('3e5b7c9d-1f2a-4b6c-8d0e-2f4a6b8c0d1e', '7c9e6679-7425-40de-944b-e07fc1f90ae7', 1, '请求补发临时安置费。', '2026-11-20T01:30:00.000Z', '2026-11-20T01:30:00.000Z')`,
    ).run();
  },
  8: (db) => {
    seedBefore[7]?.(db);
    db.prepare(
      `INSERT INTO deliberations (hearing_id, ballot, status, opened_at) VALUES ('7c9e6679-7425-40de-944b-e07fc1f90ae7', 'blind', 'announced', '2026-12-08T03:10:00.000Z')`,
    ).run();
  },
  9: (db) => {
    seedBefore[8]?.(db);
    const row = db.prepare(
      `INSERT INTO audit_log (seq, at, actor, action, hearing_id, detail, prev_hash, hash) VALUES (?, '2026-12-08T04:00:00.000Z', 'host', 'minutes.edit', ?, '{}', 'p', 'h')`,
    );
    row.run(1, '7c9e6679-7425-40de-944b-e07fc1f90ae7');
    row.run(2, null);
  },
  10: (db) => {
    seedBefore[9]?.(db);
  },
  11: (db) => {
    seedBefore[10]?.(db);
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
  5: (db) => {
    expect(db.prepare('SELECT exhibit_numbering FROM hearings').pluck().all()).toEqual(['flat']);
    expect(db.prepare('SELECT name, position, group_no FROM exhibits ORDER BY position').all()).toEqual([
      { name: '房屋所有权证', position: 1, group_no: 1 },
      { name: '房屋征收评估报告', position: 2, group_no: 1 },
    ]);
    expect(() => db.prepare("UPDATE hearings SET exhibit_numbering = 'nested'").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare('UPDATE exhibits SET group_no = 0').run()).toThrow(/CHECK constraint failed/);
  },
  6: (db) => {
    expect(db.prepare('SELECT kind FROM hearing_events').pluck().all()).toEqual(['procedure.started']);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['minute_entries', 'minute_revisions', 'minute_drafts', 'minute_corrections', 'office_phrases', 'minute_text']),
    );
    // The index follows the entries: written, replaced, deleted.
    db.prepare(
      `INSERT INTO minute_entries (hearing_id, kind, started_at, text, revision, created_at)
       VALUES ('7c9e6679-7425-40de-944b-e07fc1f90ae7', 'speech', '2026-12-08T01:32:00.000Z', '评估报告没有考虑装修价值', 1, '2026-12-08T01:32:00.000Z')`,
    ).run();
    const found = (query: string) => db.prepare('SELECT rowid FROM minute_text WHERE minute_text MATCH ?').pluck().all(query);
    expect(found('"装修价值"')).toEqual([1]);
    db.prepare("UPDATE minute_entries SET text = '评估报告没有考虑附属物' WHERE id = 1").run();
    expect(found('"装修价值"')).toEqual([]);
    expect(found('"附属物"')).toEqual([1]);
    db.prepare("UPDATE minute_entries SET deleted_at = '2026-12-08T01:40:00.000Z' WHERE id = 1").run();
    expect(found('"附属物"')).toEqual([]);
    expect(() => db.prepare("INSERT INTO minute_text (minute_text, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
  },
  7: (db) => {
    expect(db.prepare('SELECT text FROM hearing_requests').pluck().all()).toEqual(['请求补发临时安置费。']);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['deliberations', 'deliberation_members', 'ballots', 'ballot_changes', 'tie_decisions', 'panel_reports', 'satisfaction']),
    );
    expect(db.prepare('SELECT COUNT(*) FROM deliberations').pluck().get()).toBe(0);
  },
  8: (db) => {
    expect(db.prepare('SELECT status FROM deliberations').pluck().all()).toEqual(['announced']);
    const signature = (outcome: string, image: Buffer | null) =>
      db
        .prepare(
          `INSERT OR REPLACE INTO signatures (hearing_id, participant_id, outcome, image, strokes, sha256, record_digest, recorded_at)
           VALUES ('7c9e6679-7425-40de-944b-e07fc1f90ae7', '0b7e4c52-8a0c-4f55-9d7e-3f1f0e5a9c11', ?, ?, ?, ?, ?, '2026-12-08T03:40:00.000Z')`,
        )
        .run(outcome, image, image && '[]', image && 'a'.repeat(64), 'b'.repeat(64));
    expect(() => signature('signed', null)).toThrow(/CHECK/);
    expect(() => signature('refused', null)).not.toThrow();
    db.prepare(
      `INSERT INTO finalizations VALUES ('7c9e6679-7425-40de-944b-e07fc1f90ae7', '2026-12-08T04:00:00.000Z', 'host', ?, 'fp', '听证案卷.zip', 1024)`,
    ).run('c'.repeat(64));
    expect(() => db.prepare("UPDATE finalizations SET manifest_sha256 = 'x'").run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM finalizations').run()).toThrow(/never deleted/);
  },
  9: (db) => {
    expect(db.prepare('SELECT seq FROM audit_log ORDER BY seq').pluck().all()).toEqual([1, 2]);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT seq FROM audit_log WHERE hearing_id = '7c9e6679-7425-40de-944b-e07fc1f90ae7' ORDER BY seq DESC")
      .all() as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail).join(' ')).toContain('audit_log_by_hearing');
  },
  10: (db) => {
    // A database from before accounts has no operator: the first start shows the first-run screen, and the audit log keeps its old actors.
    expect(db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(0);
    expect(db.prepare('SELECT actor FROM audit_log ORDER BY seq').pluck().all()).toEqual(['host', 'host']);
    const user = db.prepare(
      `INSERT INTO users (id, username, display_name, roles, password_hash, active, created_at, updated_at)
       VALUES (?, ?, '赵磊', ?, 'scrypt$32768$8$1$c2FsdA==$a2V5', 1, '2026-12-08T04:00:00.000Z', '2026-12-08T04:00:00.000Z')`,
    );
    user.run('a1b2c3d4-0000-4000-8000-000000000001', 'zhaolei', '["clerk"]');
    expect(() => user.run('a1b2c3d4-0000-4000-8000-000000000002', 'ZhaoLei', '["clerk"]')).toThrow(/UNIQUE/);
    expect(() => user.run('a1b2c3d4-0000-4000-8000-000000000003', 'lihua', '"clerk"')).toThrow(/CHECK/);
  },
  11: (db) => {
    expect(db.prepare('SELECT COUNT(*) FROM imported_hearings').pluck().get()).toBe(0);
    const origin = db.prepare(
      `INSERT INTO imported_hearings (hearing_id, origin_office, origin_fingerprint, manifest_sha256, sealed_at, imported_at, imported_by)
       VALUES (?, '南宁市青秀区信访局', 'SHA256:4f2a9c', ?, '2026-12-08T04:00:00.000Z', '2026-12-10T02:00:00.000Z', 'host')`,
    );
    expect(() => origin.run('00000000-0000-4000-8000-000000000000', 'c'.repeat(64))).toThrow(/FOREIGN KEY/);
    origin.run('7c9e6679-7425-40de-944b-e07fc1f90ae7', 'c'.repeat(64));
    expect(() => db.prepare("UPDATE imported_hearings SET origin_office = '别的单位'").run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM imported_hearings').run()).toThrow(/never deleted/);
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
