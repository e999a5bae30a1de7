import type { CaseFields, HearingStage, HearingStatus, RuleOverrides } from '../contract/index.js';
import { prepared, type Db } from './connection.js';

/** A hearing as stored; deadlines are computed by the service, never stored. */
export interface HearingRecord extends CaseFields {
  id: string;
  templateId: string;
  status: HearingStatus;
  ruleOverrides: RuleOverrides;
  createdAt: string;
  updatedAt: string;
}

interface HearingRow {
  id: string;
  matter_no: string;
  title: string;
  template_id: string;
  planned_start: string;
  venue: string;
  organizer: string;
  agency: string;
  stage: string;
  application_date: string | null;
  is_public: number;
  non_public_reason: string;
  status: string;
  rule_overrides: string;
  created_at: string;
  updated_at: string;
}

function toRecord(row: HearingRow): HearingRecord {
  return {
    id: row.id,
    matterNo: row.matter_no,
    title: row.title,
    templateId: row.template_id,
    plannedStart: row.planned_start,
    venue: row.venue,
    organizer: row.organizer,
    agency: row.agency,
    stage: row.stage as HearingStage,
    applicationDate: row.application_date,
    isPublic: row.is_public === 1,
    nonPublicReason: row.non_public_reason,
    status: row.status as HearingStatus,
    ruleOverrides: JSON.parse(row.rule_overrides) as RuleOverrides,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toParams(hearing: HearingRecord) {
  return { ...hearing, isPublic: hearing.isPublic ? 1 : 0, ruleOverrides: JSON.stringify(hearing.ruleOverrides) };
}

export function insertHearing(db: Db, hearing: HearingRecord): void {
  prepared(
    db,
    `INSERT INTO hearings (id, matter_no, title, template_id, planned_start, venue, organizer, agency, stage, application_date,
       is_public, non_public_reason, status, rule_overrides, created_at, updated_at)
     VALUES (@id, @matterNo, @title, @templateId, @plannedStart, @venue, @organizer, @agency, @stage, @applicationDate,
       @isPublic, @nonPublicReason, @status, @ruleOverrides, @createdAt, @updatedAt)`,
  ).run(toParams(hearing));
}

export function updateHearing(db: Db, hearing: HearingRecord): void {
  prepared(
    db,
    `UPDATE hearings SET matter_no = @matterNo, title = @title, planned_start = @plannedStart, venue = @venue,
       organizer = @organizer, agency = @agency, stage = @stage, application_date = @applicationDate, is_public = @isPublic,
       non_public_reason = @nonPublicReason, status = @status, rule_overrides = @ruleOverrides, updated_at = @updatedAt
     WHERE id = @id`,
  ).run(toParams(hearing));
}

export function findHearing(db: Db, id: string): HearingRecord | undefined {
  const row = prepared(db, 'SELECT * FROM hearings WHERE id = ?').get(id) as HearingRow | undefined;
  return row && toRecord(row);
}

export function listHearings(db: Db): HearingRecord[] {
  const rows = prepared(db, 'SELECT * FROM hearings ORDER BY planned_start DESC, created_at DESC').all() as HearingRow[];
  return rows.map(toRecord);
}
