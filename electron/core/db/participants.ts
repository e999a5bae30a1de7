import type { Attendance, AttendanceStatus, RoleKind } from '../contract/index.js';
import { prepared, type Db } from './connection.js';

/** A participant as stored, unmasked: masking is the service's job, at the boundary. */
export interface ParticipantRecord {
  id: string;
  hearingId: string;
  role: RoleKind;
  position: number;
  name: string;
  gender: '' | 'male' | 'female';
  idNumber: string;
  phone: string;
  address: string;
  organization: string;
  post: string;
  agentFor: string | null;
  agentPowers: '' | 'general' | 'special';
  agentPowersText: string;
  notes: string;
}

export interface ParticipantWithState extends ParticipantRecord {
  attendance: Attendance;
  recused: boolean;
}

interface Row extends ParticipantRecord {
  status: AttendanceStatus | null;
  arrivedAt: string | null;
  leftAt: string | null;
  absenceReason: string | null;
  absenceExcused: number | null;
  identityCheckedBy: string | null;
  identityCheckedAt: string | null;
  recused: number;
}

const select = `
  SELECT p.id, p.hearing_id AS hearingId, p.role, p.position, p.name, p.gender, p.id_number AS idNumber, p.phone, p.address,
    p.organization, p.post, p.agent_for AS agentFor, p.agent_powers AS agentPowers, p.agent_powers_text AS agentPowersText, p.notes,
    a.status, a.arrived_at AS arrivedAt, a.left_at AS leftAt, a.absence_reason AS absenceReason, a.absence_excused AS absenceExcused,
    a.identity_checked_by AS identityCheckedBy, a.identity_checked_at AS identityCheckedAt,
    EXISTS (SELECT 1 FROM recusals r WHERE r.against_id = p.id AND r.decision = 'granted') AS recused
  FROM participants p LEFT JOIN attendance a ON a.participant_id = p.id`;

function toParticipant(row: Row): ParticipantWithState {
  const { status, arrivedAt, leftAt, absenceReason, absenceExcused, identityCheckedBy, identityCheckedAt, recused, ...record } = row;
  return {
    ...record,
    attendance: {
      status: status ?? 'pending',
      arrivedAt,
      leftAt,
      absenceReason: absenceReason ?? '',
      absenceExcused: absenceExcused === 1,
      identityCheckedBy: identityCheckedBy ?? '',
      identityCheckedAt,
    },
    recused: recused === 1,
  };
}

export function listParticipants(db: Db, hearingId: string): ParticipantWithState[] {
  return (prepared(db, `${select} WHERE p.hearing_id = ? ORDER BY p.position`).all(hearingId) as Row[]).map(toParticipant);
}

export function findParticipant(db: Db, id: string): ParticipantWithState | undefined {
  const row = prepared(db, `${select} WHERE p.id = ?`).get(id) as Row | undefined;
  return row && toParticipant(row);
}

export function findParticipantByIdNumber(db: Db, hearingId: string, idNumber: string): ParticipantRecord | undefined {
  return prepared(db, 'SELECT id FROM participants WHERE hearing_id = ? AND id_number = ?').get(hearingId, idNumber) as ParticipantRecord | undefined;
}

export function nextParticipantPosition(db: Db, hearingId: string): number {
  return (prepared(db, 'SELECT COALESCE(MAX(position), 0) + 1 FROM participants WHERE hearing_id = ?').pluck().get(hearingId) as number) ?? 1;
}

const writeColumns = `role = @role, name = @name, gender = @gender, id_number = @idNumber, phone = @phone, address = @address,
  organization = @organization, post = @post, agent_for = @agentFor, agent_powers = @agentPowers,
  agent_powers_text = @agentPowersText, notes = @notes, updated_at = @now`;

export function insertParticipant(db: Db, participant: ParticipantRecord, now: string): void {
  prepared(
    db,
    `INSERT INTO participants (id, hearing_id, role, position, name, gender, id_number, phone, address, organization, post,
       agent_for, agent_powers, agent_powers_text, notes, created_at, updated_at)
     VALUES (@id, @hearingId, @role, @position, @name, @gender, @idNumber, @phone, @address, @organization, @post,
       @agentFor, @agentPowers, @agentPowersText, @notes, @now, @now)`,
  ).run({ ...participant, now });
}

export function updateParticipant(db: Db, participant: ParticipantRecord, now: string): void {
  prepared(db, `UPDATE participants SET ${writeColumns} WHERE id = @id`).run({ ...participant, now });
}

export function deleteParticipant(db: Db, id: string): void {
  prepared(db, 'DELETE FROM participants WHERE id = ?').run(id);
}

/** Whether anything else refers to this person: then they stay, so the record keeps its history. */
export function participantHasRecords(db: Db, id: string): boolean {
  return (
    prepared(
      db,
      `SELECT EXISTS (SELECT 1 FROM attendance WHERE participant_id = @id)
         OR EXISTS (SELECT 1 FROM recusals WHERE applicant_id = @id OR against_id = @id)
         OR EXISTS (SELECT 1 FROM participants WHERE agent_for = @id)
         OR EXISTS (SELECT 1 FROM exhibits WHERE submitter_id = @id)
         OR EXISTS (SELECT 1 FROM speeches WHERE participant_id = @id)
         OR EXISTS (SELECT 1 FROM minute_entries WHERE speaker_id = @id)
         OR EXISTS (SELECT 1 FROM minute_corrections WHERE requested_by = @id)`,
    )
      .pluck()
      .get({ id }) === 1
  );
}

export function writeAttendance(db: Db, participantId: string, attendance: Attendance, now: string): void {
  prepared(
    db,
    `INSERT INTO attendance (participant_id, status, arrived_at, left_at, absence_reason, absence_excused, identity_checked_by, identity_checked_at, updated_at)
     VALUES (@participantId, @status, @arrivedAt, @leftAt, @absenceReason, @absenceExcused, @identityCheckedBy, @identityCheckedAt, @now)
     ON CONFLICT (participant_id) DO UPDATE SET status = excluded.status, arrived_at = excluded.arrived_at, left_at = excluded.left_at,
       absence_reason = excluded.absence_reason, absence_excused = excluded.absence_excused,
       identity_checked_by = excluded.identity_checked_by, identity_checked_at = excluded.identity_checked_at, updated_at = excluded.updated_at`,
  ).run({ participantId, ...attendance, absenceExcused: attendance.absenceExcused ? 1 : 0, now });
}

export function deleteAttendance(db: Db, participantId: string): void {
  prepared(db, 'DELETE FROM attendance WHERE participant_id = ?').run(participantId);
}
