import { prepared, type Db } from './connection.js';

export interface HearingEventRecord {
  seq: number;
  hearingId: string;
  at: string;
  kind: string;
  data: Record<string, unknown>;
}

export function insertHearingEvent(db: Db, hearingId: string, at: string, kind: string, data: Record<string, unknown>): number {
  return Number(
    prepared(db, 'INSERT INTO hearing_events (hearing_id, at, kind, data) VALUES (?, ?, ?, ?)').run(hearingId, at, kind, JSON.stringify(data)).lastInsertRowid,
  );
}

export function listHearingEvents(db: Db, hearingId: string): HearingEventRecord[] {
  const rows = prepared(db, 'SELECT seq, hearing_id AS hearingId, at, kind, data FROM hearing_events WHERE hearing_id = ? ORDER BY seq').all(
    hearingId,
  ) as Array<Omit<HearingEventRecord, 'data'> & { data: string }>;
  return rows.map((row) => ({ ...row, data: JSON.parse(row.data) as Record<string, unknown> }));
}

export function lastHearingEvent(db: Db, hearingId: string, kind: string): HearingEventRecord | undefined {
  const row = prepared(
    db,
    'SELECT seq, hearing_id AS hearingId, at, kind, data FROM hearing_events WHERE hearing_id = ? AND kind = ? ORDER BY seq DESC LIMIT 1',
  ).get(hearingId, kind) as (Omit<HearingEventRecord, 'data'> & { data: string }) | undefined;
  return row && { ...row, data: JSON.parse(row.data) as Record<string, unknown> };
}
