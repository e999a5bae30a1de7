import type { ProcedureState, Side, StepStatus, StepType } from '../contract/index.js';
import { prepared, type Db } from './connection.js';

export interface StepRecord {
  id: string;
  hearingId: string;
  position: number;
  templateStepId: string | null;
  type: StepType;
  nameZh: string;
  nameEn: string;
  plannedMinutes: number;
  scriptZh: string;
  scriptEn: string;
  speakerSides: Side[];
  status: StepStatus;
  skipReason: string;
  startedAt: string | null;
  endedAt: string | null;
  activeMs: number;
  runningSince: string | null;
}

export interface ProcedureRecord {
  hearingId: string;
  state: ProcedureState;
  currentStepId: string | null;
  reason: string;
  since: string | null;
  petitionerBudgetMs: number | null;
  agencyBudgetMs: number | null;
}

export interface QueueRecord {
  id: string;
  hearingId: string;
  participantId: string;
  position: number;
  addedAt: string;
}

export interface SpeechRecord {
  id: string;
  hearingId: string;
  stepId: string | null;
  participantId: string;
  side: Side;
  limitMs: number;
  startedAt: string;
  endedAt: string | null;
  elapsedMs: number;
  runningSince: string | null;
}

const stepColumns = `id, hearing_id AS hearingId, position, template_step_id AS templateStepId, type, name_zh AS nameZh, name_en AS nameEn,
  planned_minutes AS plannedMinutes, script_zh AS scriptZh, script_en AS scriptEn, speaker_sides AS speakerSides, status,
  skip_reason AS skipReason, started_at AS startedAt, ended_at AS endedAt, active_ms AS activeMs, running_since AS runningSince`;

export function listSteps(db: Db, hearingId: string): StepRecord[] {
  const rows = prepared(db, `SELECT ${stepColumns} FROM agenda_steps WHERE hearing_id = ? ORDER BY position`).all(hearingId) as Array<
    Omit<StepRecord, 'speakerSides'> & { speakerSides: string }
  >;
  return rows.map((row) => ({ ...row, speakerSides: JSON.parse(row.speakerSides) as Side[] }));
}

export function insertStep(db: Db, step: StepRecord): void {
  prepared(
    db,
    `INSERT INTO agenda_steps (id, hearing_id, position, template_step_id, type, name_zh, name_en, planned_minutes, script_zh, script_en,
       speaker_sides, status, skip_reason, started_at, ended_at, active_ms, running_since)
     VALUES (@id, @hearingId, @position, @templateStepId, @type, @nameZh, @nameEn, @plannedMinutes, @scriptZh, @scriptEn,
       @speakerSides, @status, @skipReason, @startedAt, @endedAt, @activeMs, @runningSince)`,
  ).run({ ...step, speakerSides: JSON.stringify(step.speakerSides) });
}

export function updateStep(db: Db, step: StepRecord): void {
  prepared(
    db,
    `UPDATE agenda_steps SET position = @position, status = @status, skip_reason = @skipReason, started_at = @startedAt, ended_at = @endedAt,
       active_ms = @activeMs, running_since = @runningSince WHERE id = @id`,
  ).run({ ...step, speakerSides: JSON.stringify(step.speakerSides) });
}

export function findProcedure(db: Db, hearingId: string): ProcedureRecord | undefined {
  return prepared(
    db,
    `SELECT hearing_id AS hearingId, state, current_step_id AS currentStepId, reason, since, petitioner_budget_ms AS petitionerBudgetMs,
       agency_budget_ms AS agencyBudgetMs FROM procedure_state WHERE hearing_id = ?`,
  ).get(hearingId) as ProcedureRecord | undefined;
}

export function writeProcedure(db: Db, record: ProcedureRecord): void {
  prepared(
    db,
    `INSERT INTO procedure_state (hearing_id, state, current_step_id, reason, since, petitioner_budget_ms, agency_budget_ms)
     VALUES (@hearingId, @state, @currentStepId, @reason, @since, @petitionerBudgetMs, @agencyBudgetMs)
     ON CONFLICT (hearing_id) DO UPDATE SET state = excluded.state, current_step_id = excluded.current_step_id, reason = excluded.reason,
       since = excluded.since, petitioner_budget_ms = excluded.petitioner_budget_ms, agency_budget_ms = excluded.agency_budget_ms`,
  ).run(record);
}

export function listQueue(db: Db, hearingId: string): QueueRecord[] {
  return prepared(
    db,
    'SELECT id, hearing_id AS hearingId, participant_id AS participantId, position, added_at AS addedAt FROM speaker_queue WHERE hearing_id = ? ORDER BY position',
  ).all(hearingId) as QueueRecord[];
}

export function insertQueueEntry(db: Db, entry: QueueRecord): void {
  prepared(
    db,
    'INSERT INTO speaker_queue (id, hearing_id, participant_id, position, added_at) VALUES (@id, @hearingId, @participantId, @position, @addedAt)',
  ).run(entry);
}

export function deleteQueueEntry(db: Db, id: string): void {
  prepared(db, 'DELETE FROM speaker_queue WHERE id = ?').run(id);
}

const speechColumns = `id, hearing_id AS hearingId, step_id AS stepId, participant_id AS participantId, side, limit_ms AS limitMs, started_at AS startedAt,
  ended_at AS endedAt, elapsed_ms AS elapsedMs, running_since AS runningSince`;

export function listSpeeches(db: Db, hearingId: string): SpeechRecord[] {
  return prepared(db, `SELECT ${speechColumns} FROM speeches WHERE hearing_id = ? ORDER BY started_at, rowid`).all(hearingId) as SpeechRecord[];
}

export function openSpeech(db: Db, hearingId: string): SpeechRecord | undefined {
  return prepared(db, `SELECT ${speechColumns} FROM speeches WHERE hearing_id = ? AND ended_at IS NULL`).get(hearingId) as SpeechRecord | undefined;
}

export function insertSpeech(db: Db, speech: SpeechRecord): void {
  prepared(
    db,
    `INSERT INTO speeches (id, hearing_id, step_id, participant_id, side, limit_ms, started_at, ended_at, elapsed_ms, running_since)
     VALUES (@id, @hearingId, @stepId, @participantId, @side, @limitMs, @startedAt, @endedAt, @elapsedMs, @runningSince)`,
  ).run(speech);
}

export function updateSpeech(db: Db, speech: SpeechRecord): void {
  prepared(db, 'UPDATE speeches SET limit_ms = @limitMs, ended_at = @endedAt, elapsed_ms = @elapsedMs, running_since = @runningSince WHERE id = @id').run(
    speech,
  );
}
