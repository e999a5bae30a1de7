import type { CorrectionStatus, MinuteCorrection, MinuteDraft, MinuteEntry, MinuteKind, MinuteRevision } from '../contract/index.js';
import { prepared, type Db } from './connection.js';

export interface NewEntry {
  hearingId: string;
  clientId: string | null;
  stepId: string | null;
  kind: MinuteKind;
  speakerId: string | null;
  speakerLabel: string;
  startedAt: string;
  text: string;
  offRecord: boolean;
  eventSeq: number | null;
  eventKind: string | null;
}

interface EntryRow extends Omit<MinuteEntry, 'offRecord' | 'deleted'> {
  offRecord: number;
  deleted: number;
}

const entryColumns = `id, hearing_id AS hearingId, step_id AS stepId, kind, speaker_id AS speakerId, speaker_label AS speakerLabel,
  started_at AS startedAt, text, off_record AS offRecord, event_kind AS eventKind, version, edited_at AS editedAt, revision,
  deleted_at IS NOT NULL AS deleted`;

function toEntry(row: EntryRow): MinuteEntry {
  return { ...row, offRecord: row.offRecord === 1, deleted: row.deleted === 1 };
}

/** The next revision of a hearing's minutes: every write takes one. */
function nextRevision(db: Db, hearingId: string): number {
  return (prepared(db, 'SELECT COALESCE(MAX(revision), 0) + 1 FROM minute_entries WHERE hearing_id = ?').pluck().get(hearingId) as number) ?? 1;
}

export function latestRevision(db: Db, hearingId: string): number {
  return prepared(db, 'SELECT COALESCE(MAX(revision), 0) FROM minute_entries WHERE hearing_id = ?').pluck().get(hearingId) as number;
}

export function insertEntry(db: Db, entry: NewEntry, now: string, actor: string): MinuteEntry {
  const id = Number(
    prepared(
      db,
      `INSERT INTO minute_entries (hearing_id, client_id, step_id, kind, speaker_id, speaker_label, started_at, text, off_record, event_seq, event_kind, revision, created_at)
       VALUES (@hearingId, @clientId, @stepId, @kind, @speakerId, @speakerLabel, @startedAt, @text, @offRecord, @eventSeq, @eventKind, @revision, @now)`,
    ).run({ ...entry, offRecord: entry.offRecord ? 1 : 0, revision: nextRevision(db, entry.hearingId), now }).lastInsertRowid,
  );
  const written = findEntry(db, id) as MinuteEntry;
  insertRevision(db, written, 'created', now, actor, '');
  return written;
}

export function findEntry(db: Db, id: number): MinuteEntry | undefined {
  const row = prepared(db, `SELECT ${entryColumns} FROM minute_entries WHERE id = ?`).get(id) as EntryRow | undefined;
  return row && toEntry(row);
}

export function findEntryByClientId(db: Db, clientId: string): MinuteEntry | undefined {
  const row = prepared(db, `SELECT ${entryColumns} FROM minute_entries WHERE client_id = ?`).get(clientId) as EntryRow | undefined;
  return row && toEntry(row);
}

/** The record in order, without deleted entries. */
export function listEntries(db: Db, hearingId: string): MinuteEntry[] {
  const rows = prepared(db, `SELECT ${entryColumns} FROM minute_entries WHERE hearing_id = ? AND deleted_at IS NULL ORDER BY id`).all(hearingId) as EntryRow[];
  return rows.map(toEntry);
}

/**
 * The newest `limit` entries of the record (before entry `beforeId`, if
 * given), in order, and how many older ones there are: a screen opens on the
 * end of a long record without reading all of it.
 */
export function listNewestEntries(db: Db, hearingId: string, limit: number, beforeId?: number): { entries: MinuteEntry[]; earlier: number } {
  const below = beforeId ?? Number.MAX_SAFE_INTEGER;
  const rows = prepared(db, `SELECT ${entryColumns} FROM minute_entries WHERE hearing_id = ? AND deleted_at IS NULL AND id < ? ORDER BY id DESC LIMIT ?`).all(
    hearingId,
    below,
    limit,
  ) as EntryRow[];
  const entries = rows.reverse().map(toEntry);
  const first = entries[0]?.id ?? below;
  const earlier = prepared(db, 'SELECT COUNT(*) FROM minute_entries WHERE hearing_id = ? AND deleted_at IS NULL AND id < ?')
    .pluck()
    .get(hearingId, first) as number;
  return { entries, earlier };
}

/** Every entry written or changed after `revision`, deleted ones included so a window can drop them. */
export function listEntriesSince(db: Db, hearingId: string, revision: number): MinuteEntry[] {
  const rows = prepared(db, `SELECT ${entryColumns} FROM minute_entries WHERE hearing_id = ? AND revision > ? ORDER BY id`).all(
    hearingId,
    revision,
  ) as EntryRow[];
  return rows.map(toEntry);
}

export interface EntryChange {
  kind: MinuteKind;
  speakerId: string | null;
  speakerLabel: string;
  text: string;
  offRecord: boolean;
}

export function updateEntry(
  db: Db,
  before: MinuteEntry,
  change: EntryChange,
  how: { action: 'edited' | 'corrected'; now: string; actor: string; note: string },
): MinuteEntry {
  prepared(
    db,
    `UPDATE minute_entries SET kind = @kind, speaker_id = @speakerId, speaker_label = @speakerLabel, text = @text, off_record = @offRecord,
       version = version + 1, edited_at = @now, revision = @revision WHERE id = @id`,
  ).run({ ...change, offRecord: change.offRecord ? 1 : 0, now: how.now, revision: nextRevision(db, before.hearingId), id: before.id });
  const after = findEntry(db, before.id) as MinuteEntry;
  insertRevision(db, after, how.action, how.now, how.actor, how.note);
  return after;
}

export function markEntryDeleted(db: Db, before: MinuteEntry, now: string, actor: string): MinuteEntry {
  prepared(db, 'UPDATE minute_entries SET deleted_at = @now, version = version + 1, revision = @revision WHERE id = @id').run({
    now,
    revision: nextRevision(db, before.hearingId),
    id: before.id,
  });
  const after = findEntry(db, before.id) as MinuteEntry;
  insertRevision(db, after, 'deleted', now, actor, '');
  return after;
}

function insertRevision(db: Db, entry: MinuteEntry, action: MinuteRevision['action'], now: string, actor: string, note: string): void {
  prepared(
    db,
    `INSERT INTO minute_revisions (entry_id, version, action, kind, speaker_label, text, off_record, changed_at, changed_by, note)
     VALUES (@id, @version, @action, @kind, @speakerLabel, @text, @offRecord, @now, @actor, @note)`,
  ).run({ ...entry, offRecord: entry.offRecord ? 1 : 0, action, now, actor, note });
}

export function listRevisions(db: Db, entryId: number): MinuteRevision[] {
  const rows = prepared(
    db,
    `SELECT version, action, kind, speaker_label AS speakerLabel, text, off_record AS offRecord, changed_at AS changedAt, changed_by AS changedBy, note
     FROM minute_revisions WHERE entry_id = ? ORDER BY version`,
  ).all(entryId) as Array<Omit<MinuteRevision, 'offRecord'> & { offRecord: number }>;
  return rows.map((row) => ({ ...row, offRecord: row.offRecord === 1 }));
}

/** Hearing events not yet written into the minutes (e.g. recorded before the minutes existed), oldest first. */
export function listEventsWithoutEntry(db: Db): Array<{ seq: number; hearingId: string; at: string; kind: string; data: string }> {
  return prepared(
    db,
    `SELECT e.seq, e.hearing_id AS hearingId, e.at, e.kind, e.data FROM hearing_events e
     WHERE NOT EXISTS (SELECT 1 FROM minute_entries m WHERE m.event_seq = e.seq) ORDER BY e.seq`,
  ).all() as Array<{ seq: number; hearingId: string; at: string; kind: string; data: string }>;
}

export function findDraft(db: Db, hearingId: string): MinuteDraft | undefined {
  return prepared(
    db,
    `SELECT client_id AS clientId, kind, speaker_id AS speakerId, text, started_at AS startedAt, saved_at AS savedAt FROM minute_drafts WHERE hearing_id = ?`,
  ).get(hearingId) as MinuteDraft | undefined;
}

export function writeDraft(db: Db, hearingId: string, draft: MinuteDraft): void {
  prepared(
    db,
    `INSERT INTO minute_drafts (hearing_id, client_id, kind, speaker_id, text, started_at, saved_at)
     VALUES (@hearingId, @clientId, @kind, @speakerId, @text, @startedAt, @savedAt)
     ON CONFLICT (hearing_id) DO UPDATE SET client_id = excluded.client_id, kind = excluded.kind, speaker_id = excluded.speaker_id,
       text = excluded.text, started_at = excluded.started_at, saved_at = excluded.saved_at`,
  ).run({ hearingId, ...draft });
}

export function deleteDraft(db: Db, hearingId: string, clientId?: string): void {
  if (clientId === undefined) prepared(db, 'DELETE FROM minute_drafts WHERE hearing_id = ?').run(hearingId);
  else prepared(db, 'DELETE FROM minute_drafts WHERE hearing_id = ? AND client_id = ?').run(hearingId, clientId);
}

interface CorrectionRow extends Omit<MinuteCorrection, 'requesterName'> {
  requesterName: string | null;
}

const correctionSelect = `SELECT c.id, c.hearing_id AS hearingId, c.entry_id AS entryId, c.requested_by AS requestedBy, p.name AS requesterName,
  c.passage, c.start, c.proposed_text AS proposedText, c.reason, c.status, c.decided_at AS decidedAt, c.decision_reason AS decisionReason,
  c.created_at AS createdAt
  FROM minute_corrections c LEFT JOIN participants p ON p.id = c.requested_by`;

function toCorrection(row: CorrectionRow): MinuteCorrection {
  return { ...row, requesterName: row.requesterName ?? '' };
}

export function listCorrections(db: Db, hearingId: string): MinuteCorrection[] {
  return (prepared(db, `${correctionSelect} WHERE c.hearing_id = ? ORDER BY c.created_at, c.rowid`).all(hearingId) as CorrectionRow[]).map(toCorrection);
}

export function findCorrection(db: Db, id: string): MinuteCorrection | undefined {
  const row = prepared(db, `${correctionSelect} WHERE c.id = ?`).get(id) as CorrectionRow | undefined;
  return row && toCorrection(row);
}

export function insertCorrection(db: Db, correction: Omit<MinuteCorrection, 'requesterName' | 'status' | 'decidedAt' | 'decisionReason'>): void {
  prepared(
    db,
    `INSERT INTO minute_corrections (id, hearing_id, entry_id, requested_by, start, passage, proposed_text, reason, created_at)
     VALUES (@id, @hearingId, @entryId, @requestedBy, @start, @passage, @proposedText, @reason, @createdAt)`,
  ).run(correction);
}

export function decideCorrection(db: Db, id: string, status: Exclude<CorrectionStatus, 'pending'>, reason: string, now: string, actor: string): void {
  prepared(db, 'UPDATE minute_corrections SET status = ?, decision_reason = ?, decided_at = ?, decided_by = ? WHERE id = ?').run(
    status,
    reason,
    now,
    actor,
    id,
  );
}

export interface PhraseRecord {
  id: string;
  stepType: string | null;
  role: string | null;
  text: string;
}

export function listOfficePhrases(db: Db): PhraseRecord[] {
  return prepared(db, 'SELECT id, step_type AS stepType, role, text FROM office_phrases ORDER BY created_at, rowid').all() as PhraseRecord[];
}

export function insertOfficePhrase(db: Db, phrase: PhraseRecord, now: string): void {
  prepared(db, 'INSERT INTO office_phrases (id, step_type, role, text, created_at) VALUES (@id, @stepType, @role, @text, @now)').run({ ...phrase, now });
}

export function deleteOfficePhrase(db: Db, id: string): boolean {
  return prepared(db, 'DELETE FROM office_phrases WHERE id = ?').run(id).changes > 0;
}
