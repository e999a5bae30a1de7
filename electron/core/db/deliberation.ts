import type { Acceptance, AnnouncementManner, BallotChange, BallotMode, BallotSource, RaterKind } from '../contract/index.js';
import { prepared, type Db } from './connection.js';

export interface DeliberationRecord {
  hearingId: string;
  ballot: BallotMode;
  status: 'open' | 'closed' | 'announced';
  openedAt: string;
  closedAt: string | null;
  closeReason: string;
  representativeId: string | null;
  representativeStatement: string;
  finalOutcome: string | null;
  finalReason: string;
  announcedAt: string | null;
  announcementManner: AnnouncementManner | null;
  announcementText: string;
  serveBy: string | null;
}

export function findDeliberation(db: Db, hearingId: string): DeliberationRecord | undefined {
  return prepared(
    db,
    `SELECT hearing_id AS hearingId, ballot, status, opened_at AS openedAt, closed_at AS closedAt, close_reason AS closeReason,
       representative_id AS representativeId, representative_statement AS representativeStatement, final_outcome AS finalOutcome,
       final_reason AS finalReason, announced_at AS announcedAt, announcement_manner AS announcementManner,
       announcement_text AS announcementText, serve_by AS serveBy
     FROM deliberations WHERE hearing_id = ?`,
  ).get(hearingId) as DeliberationRecord | undefined;
}

export function insertDeliberation(db: Db, hearingId: string, ballot: BallotMode, openedAt: string, memberIds: readonly string[]): void {
  prepared(db, "INSERT INTO deliberations (hearing_id, ballot, status, opened_at) VALUES (?, ?, 'open', ?)").run(hearingId, ballot, openedAt);
  const member = prepared(db, 'INSERT INTO deliberation_members (hearing_id, participant_id, position) VALUES (?, ?, ?)');
  memberIds.forEach((memberId, index) => member.run(hearingId, memberId, index + 1));
}

export function updateDeliberation(db: Db, record: DeliberationRecord): void {
  prepared(
    db,
    `UPDATE deliberations SET status = @status, closed_at = @closedAt, close_reason = @closeReason, representative_id = @representativeId,
       representative_statement = @representativeStatement, final_outcome = @finalOutcome, final_reason = @finalReason,
       announced_at = @announcedAt, announcement_manner = @announcementManner, announcement_text = @announcementText, serve_by = @serveBy
     WHERE hearing_id = @hearingId`,
  ).run(record);
}

export function listMemberIds(db: Db, hearingId: string): string[] {
  return prepared(db, 'SELECT participant_id FROM deliberation_members WHERE hearing_id = ? ORDER BY position').pluck().all(hearingId) as string[];
}

export interface BallotRecord {
  requestId: string;
  memberId: string;
  outcome: string;
  reasons: string;
  enteredBy: BallotSource;
  castAt: string;
  version: number;
}

export function listBallots(db: Db, hearingId: string): BallotRecord[] {
  return prepared(
    db,
    `SELECT b.request_id AS requestId, b.member_id AS memberId, b.outcome, b.reasons, b.entered_by AS enteredBy, b.cast_at AS castAt, b.version
     FROM ballots b JOIN deliberation_members m ON m.hearing_id = b.hearing_id AND m.participant_id = b.member_id
     WHERE b.hearing_id = ? ORDER BY m.position`,
  ).all(hearingId) as BallotRecord[];
}

export function insertBallot(db: Db, hearingId: string, ballot: Omit<BallotRecord, 'version'>): void {
  prepared(
    db,
    `INSERT INTO ballots (hearing_id, request_id, member_id, outcome, reasons, entered_by, cast_at)
     VALUES (@hearingId, @requestId, @memberId, @outcome, @reasons, @enteredBy, @castAt)`,
  ).run({ hearingId, ...ballot });
  insertBallotChange(db, { ...ballot, version: 1 }, '');
}

/** Replaces a vote; the new version joins the history, which already holds the earlier ones. */
export function changeBallot(db: Db, before: BallotRecord, after: Omit<BallotRecord, 'version'>, why: string): void {
  const version = before.version + 1;
  prepared(
    db,
    `UPDATE ballots SET outcome = @outcome, reasons = @reasons, entered_by = @enteredBy, cast_at = @castAt, version = @version
     WHERE request_id = @requestId AND member_id = @memberId`,
  ).run({ ...after, version });
  insertBallotChange(db, { ...after, version }, why);
}

function insertBallotChange(db: Db, ballot: BallotRecord, why: string): void {
  prepared(
    db,
    `INSERT INTO ballot_changes (request_id, member_id, version, outcome, reasons, entered_by, cast_at, why)
     VALUES (@requestId, @memberId, @version, @outcome, @reasons, @enteredBy, @castAt, @why)`,
  ).run({ ...ballot, why });
}

export function listBallotChanges(db: Db, requestId: string, memberId: string): BallotChange[] {
  return prepared(
    db,
    `SELECT version, outcome, reasons, entered_by AS enteredBy, cast_at AS castAt, why FROM ballot_changes
     WHERE request_id = ? AND member_id = ? ORDER BY version`,
  ).all(requestId, memberId) as BallotChange[];
}

export interface TieDecisionRecord {
  requestId: string;
  outcome: string;
  reason: string;
  decidedAt: string;
}

export function listTieDecisions(db: Db, hearingId: string): TieDecisionRecord[] {
  return prepared(db, 'SELECT request_id AS requestId, outcome, reason, decided_at AS decidedAt FROM tie_decisions WHERE hearing_id = ?').all(
    hearingId,
  ) as TieDecisionRecord[];
}

export function insertTieDecision(db: Db, hearingId: string, decision: TieDecisionRecord): void {
  prepared(
    db,
    'INSERT INTO tie_decisions (request_id, hearing_id, outcome, reason, decided_at) VALUES (@requestId, @hearingId, @outcome, @reason, @decidedAt)',
  ).run({
    hearingId,
    ...decision,
  });
}

export function listReports(db: Db, hearingId: string): Array<{ memberId: string; text: string; writtenAt: string }> {
  return prepared(
    db,
    `SELECT r.member_id AS memberId, r.text, r.written_at AS writtenAt FROM panel_reports r
     JOIN deliberation_members m ON m.hearing_id = r.hearing_id AND m.participant_id = r.member_id WHERE r.hearing_id = ? ORDER BY m.position`,
  ).all(hearingId) as Array<{ memberId: string; text: string; writtenAt: string }>;
}

export function writeReport(db: Db, hearingId: string, memberId: string, text: string, writtenAt: string): void {
  prepared(
    db,
    `INSERT INTO panel_reports (hearing_id, member_id, text, written_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (hearing_id, member_id) DO UPDATE SET text = excluded.text, written_at = excluded.written_at`,
  ).run(hearingId, memberId, text, writtenAt);
}

export interface SatisfactionRecord {
  rating: string | null;
  reason: string;
  enteredBy: RaterKind;
  acceptsConclusion: Acceptance;
  recordedAt: string;
}

export function findSatisfaction(db: Db, hearingId: string): SatisfactionRecord | undefined {
  return prepared(
    db,
    `SELECT rating, reason, entered_by AS enteredBy, accepts_conclusion AS acceptsConclusion, recorded_at AS recordedAt FROM satisfaction WHERE hearing_id = ?`,
  ).get(hearingId) as SatisfactionRecord | undefined;
}

export function writeSatisfaction(db: Db, hearingId: string, record: SatisfactionRecord): void {
  prepared(
    db,
    `INSERT INTO satisfaction (hearing_id, rating, reason, entered_by, accepts_conclusion, recorded_at)
     VALUES (@hearingId, @rating, @reason, @enteredBy, @acceptsConclusion, @recordedAt)
     ON CONFLICT (hearing_id) DO UPDATE SET rating = excluded.rating, reason = excluded.reason, entered_by = excluded.entered_by,
       accepts_conclusion = excluded.accepts_conclusion, recorded_at = excluded.recorded_at`,
  ).run({ hearingId, ...record });
}
