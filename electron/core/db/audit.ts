import type { AuditEntry } from '../contract/index.js';
import { prepared, type Db } from './connection.js';

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  hearingId: string | null;
  detail: string;
  prevHash: string;
  hash: string;
}

export function lastAuditRow(db: Db): AuditRow | undefined {
  return prepared(
    db,

    `SELECT seq, at, actor, action, hearing_id AS hearingId, detail, prev_hash AS prevHash, hash
       FROM audit_log ORDER BY seq DESC LIMIT 1`,
  ).get() as AuditRow | undefined;
}

export function insertAuditRow(db: Db, row: AuditRow): void {
  prepared(
    db,
    `INSERT INTO audit_log (seq, at, actor, action, hearing_id, detail, prev_hash, hash)
     VALUES (@seq, @at, @actor, @action, @hearingId, @detail, @prevHash, @hash)`,
  ).run(row);
}

export function* iterateAuditRows(db: Db): Generator<AuditRow> {
  yield* prepared(
    db,

    `SELECT seq, at, actor, action, hearing_id AS hearingId, detail, prev_hash AS prevHash, hash
       FROM audit_log ORDER BY seq`,
  ).iterate() as Iterable<AuditRow>;
}

/** An audit row as the log screen lists it: the hearing's title joined, the hashes left out, the detail still to be read. */
export type AuditListRow = Omit<AuditEntry, 'fields' | 'afterStart'> & { detail: string };

/**
 * One page of the log, newest first, older than `before` (keyset pagination:
 * entries written while the reader pages do not shift the pages). Without a
 * `before` the bound is past any seq, so the range stays on the primary key.
 */
export function listAuditRows(db: Db, filter: { hearingId: string | null; before: number | null; limit: number }): AuditListRow[] {
  return prepared(
    db,
    `SELECT a.seq, a.at, a.actor, a.action, a.hearing_id AS hearingId, h.title AS hearingTitle, a.detail
       FROM audit_log a LEFT JOIN hearings h ON h.id = a.hearing_id
      WHERE a.seq < @before AND (@hearingId IS NULL OR a.hearing_id = @hearingId)
      ORDER BY a.seq DESC LIMIT @limit`,
  ).all({ hearingId: filter.hearingId, before: filter.before ?? Number.MAX_SAFE_INTEGER, limit: filter.limit }) as AuditListRow[];
}
