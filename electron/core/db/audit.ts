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
