import type { Hearing, HearingStatus } from '../contract/index.js';
import { prepared, type Db } from './connection.js';

interface HearingRow {
  id: string;
  matter_no: string;
  title: string;
  template_id: string;
  planned_start: string;
  venue: string;
  organizer: string;
  is_public: number;
  non_public_reason: string;
  status: string;
  created_at: string;
  updated_at: string;
}

function toHearing(row: HearingRow): Hearing {
  return {
    id: row.id,
    matterNo: row.matter_no,
    title: row.title,
    templateId: row.template_id,
    plannedStart: row.planned_start,
    venue: row.venue,
    organizer: row.organizer,
    isPublic: row.is_public === 1,
    nonPublicReason: row.non_public_reason,
    status: row.status as HearingStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function insertHearing(db: Db, hearing: Hearing): void {
  prepared(
    db,
    `INSERT INTO hearings (id, matter_no, title, template_id, planned_start, venue, organizer,
       is_public, non_public_reason, status, created_at, updated_at)
     VALUES (@id, @matterNo, @title, @templateId, @plannedStart, @venue, @organizer,
       @isPublic, @nonPublicReason, @status, @createdAt, @updatedAt)`,
  ).run({ ...hearing, isPublic: hearing.isPublic ? 1 : 0 });
}

export function findHearing(db: Db, id: string): Hearing | undefined {
  const row = prepared(db, 'SELECT * FROM hearings WHERE id = ?').get(id) as HearingRow | undefined;
  return row && toHearing(row);
}

export function listHearings(db: Db): Hearing[] {
  const rows = prepared(db, 'SELECT * FROM hearings ORDER BY planned_start DESC, created_at DESC').all() as HearingRow[];
  return rows.map(toHearing);
}
