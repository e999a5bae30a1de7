import type { HearingRequest } from '../contract/index.js';
import { prepared, type Db } from './connection.js';

const columns = 'id, hearing_id AS hearingId, position, text';

export function listRequests(db: Db, hearingId: string): HearingRequest[] {
  return prepared(db, `SELECT ${columns} FROM hearing_requests WHERE hearing_id = ? ORDER BY position`).all(hearingId) as HearingRequest[];
}

export function findRequest(db: Db, id: string): HearingRequest | undefined {
  return prepared(db, `SELECT ${columns} FROM hearing_requests WHERE id = ?`).get(id) as HearingRequest | undefined;
}

export function insertRequest(db: Db, request: HearingRequest, now: string): void {
  prepared(db, 'INSERT INTO hearing_requests (id, hearing_id, position, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    request.id,
    request.hearingId,
    request.position,
    request.text,
    now,
    now,
  );
}

export function updateRequestText(db: Db, id: string, text: string, now: string): void {
  prepared(db, 'UPDATE hearing_requests SET text = ?, updated_at = ? WHERE id = ?').run(text, now, id);
}

export function setRequestPosition(db: Db, id: string, position: number): void {
  prepared(db, 'UPDATE hearing_requests SET position = ? WHERE id = ?').run(position, id);
}

export function deleteRequest(db: Db, id: string): void {
  prepared(db, 'DELETE FROM hearing_requests WHERE id = ?').run(id);
}
