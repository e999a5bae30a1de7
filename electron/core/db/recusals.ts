import type { Recusal } from '../contract/index.js';
import { prepared, type Db } from './connection.js';

const columns = `id, hearing_id AS hearingId, applicant_id AS applicantId, against_id AS againstId, grounds, applied_at AS appliedAt,
  decision, decided_by AS decidedBy, decision_reason AS decisionReason, decided_at AS decidedAt`;

export function listRecusals(db: Db, hearingId: string): Recusal[] {
  return prepared(db, `SELECT ${columns} FROM recusals WHERE hearing_id = ? ORDER BY applied_at, rowid`).all(hearingId) as Recusal[];
}

export function findRecusal(db: Db, id: string): Recusal | undefined {
  return prepared(db, `SELECT ${columns} FROM recusals WHERE id = ?`).get(id) as Recusal | undefined;
}

export function insertRecusal(db: Db, recusal: Recusal): void {
  prepared(
    db,
    `INSERT INTO recusals (id, hearing_id, applicant_id, against_id, grounds, applied_at, decision, decided_by, decision_reason, decided_at)
     VALUES (@id, @hearingId, @applicantId, @againstId, @grounds, @appliedAt, @decision, @decidedBy, @decisionReason, @decidedAt)`,
  ).run(recusal);
}

export function updateRecusalDecision(db: Db, recusal: Recusal): void {
  prepared(
    db,
    'UPDATE recusals SET decision = @decision, decided_by = @decidedBy, decision_reason = @decisionReason, decided_at = @decidedAt WHERE id = @id',
  ).run(recusal);
}
