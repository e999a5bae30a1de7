import type { EvidenceSide, Exhibit, ExhibitFile, ExhibitNumbering, Opinions } from '../contract/index.js';
import { prepared, type Db } from './connection.js';

/** An exhibit as stored: the register's fields, its group, its place in its side's order, no derived number or label. */
export type ExhibitRecord = Pick<
  Exhibit,
  | 'id'
  | 'hearingId'
  | 'submitterId'
  | 'side'
  | 'group'
  | 'name'
  | 'source'
  | 'purpose'
  | 'form'
  | 'pages'
  | 'copies'
  | 'isOriginal'
  | 'submittedOn'
  | 'receivedBy'
  | 'notes'
  | 'late'
  | 'sensitive'
> & { position: number };

export interface ExaminationRecord extends Opinions {
  exhibitId: string;
  examinerSide: EvidenceSide;
  examinerId: string | null;
}

export interface FindingRecord {
  exhibitId: string;
  finding: 'admitted' | 'rejected' | 'partial';
  reasons: string;
  decidedAt: string;
}

type Row = Omit<ExhibitRecord, 'isOriginal' | 'late' | 'sensitive'> & { isOriginal: number; late: number; sensitive: number };

const columns = `id, hearing_id AS hearingId, submitter_id AS submitterId, side, group_no AS "group", position, name, source, purpose, form, pages, copies,
  is_original AS isOriginal, submitted_on AS submittedOn, received_by AS receivedBy, notes, late, sensitive`;

const toRecord = (row: Row): ExhibitRecord => ({ ...row, isOriginal: row.isOriginal === 1, late: row.late === 1, sensitive: row.sensitive === 1 });
const toParams = (record: ExhibitRecord, now: string) => ({
  ...record,
  isOriginal: record.isOriginal ? 1 : 0,
  late: record.late ? 1 : 0,
  sensitive: record.sensitive ? 1 : 0,
  now,
});

export function listExhibits(db: Db, hearingId: string): ExhibitRecord[] {
  return (prepared(db, `SELECT ${columns} FROM exhibits WHERE hearing_id = ? ORDER BY side, position`).all(hearingId) as Row[]).map(toRecord);
}

export function findExhibit(db: Db, id: string): ExhibitRecord | undefined {
  const row = prepared(db, `SELECT ${columns} FROM exhibits WHERE id = ?`).get(id) as Row | undefined;
  return row && toRecord(row);
}

export function insertExhibit(db: Db, record: ExhibitRecord, now: string): void {
  prepared(
    db,
    `INSERT INTO exhibits (id, hearing_id, submitter_id, side, group_no, position, name, source, purpose, form, pages, copies, is_original, submitted_on,
       received_by, notes, late, sensitive, created_at, updated_at)
     VALUES (@id, @hearingId, @submitterId, @side, @group, @position, @name, @source, @purpose, @form, @pages, @copies, @isOriginal, @submittedOn,
       @receivedBy, @notes, @late, @sensitive, @now, @now)`,
  ).run(toParams(record, now));
}

export function updateExhibit(db: Db, record: ExhibitRecord, now: string): void {
  prepared(
    db,
    `UPDATE exhibits SET group_no = @group, position = @position, name = @name, source = @source, purpose = @purpose, form = @form, pages = @pages, copies = @copies,
       is_original = @isOriginal, submitted_on = @submittedOn, received_by = @receivedBy, notes = @notes, sensitive = @sensitive, updated_at = @now
     WHERE id = @id`,
  ).run(toParams(record, now));
}

/** An existing hearing's exhibit numbering; the column's CHECK keeps it to the known styles. */
export function readNumbering(db: Db, hearingId: string): ExhibitNumbering {
  return prepared(db, 'SELECT exhibit_numbering FROM hearings WHERE id = ?').pluck().get(hearingId) as ExhibitNumbering;
}

export function writeNumbering(db: Db, hearingId: string, style: ExhibitNumbering): void {
  prepared(db, 'UPDATE hearings SET exhibit_numbering = ? WHERE id = ?').run(style, hearingId);
}

export function deleteExhibit(db: Db, id: string): void {
  prepared(db, 'DELETE FROM exhibits WHERE id = ?').run(id);
}

export function listExhibitFiles(db: Db, hearingId: string): Array<ExhibitFile & { exhibitId: string }> {
  return prepared(
    db,
    `SELECT f.exhibit_id AS exhibitId, f.sha256, f.original_name AS originalName, f.size, f.media_type AS mediaType, f.added_at AS addedAt
     FROM exhibit_files f JOIN exhibits e ON e.id = f.exhibit_id WHERE e.hearing_id = ? ORDER BY f.added_at, f.rowid`,
  ).all(hearingId) as Array<ExhibitFile & { exhibitId: string }>;
}

export function insertExhibitFile(db: Db, exhibitId: string, file: ExhibitFile): void {
  prepared(
    db,
    `INSERT INTO exhibit_files (exhibit_id, sha256, original_name, size, media_type, added_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (exhibit_id, sha256) DO UPDATE SET original_name = excluded.original_name`,
  ).run(exhibitId, file.sha256, file.originalName, file.size, file.mediaType, file.addedAt);
}

export function deleteExhibitFile(db: Db, exhibitId: string, sha256: string): void {
  prepared(db, 'DELETE FROM exhibit_files WHERE exhibit_id = ? AND sha256 = ?').run(exhibitId, sha256);
}

export function listExaminations(db: Db, hearingId: string): ExaminationRecord[] {
  return prepared(
    db,
    `SELECT x.exhibit_id AS exhibitId, x.examiner_side AS examinerSide, x.examiner_id AS examinerId, x.authenticity, x.authenticity_note AS authenticityNote,
       x.legality, x.legality_note AS legalityNote, x.relevance, x.relevance_note AS relevanceNote, x.purpose_opinion AS purposeOpinion
     FROM examinations x JOIN exhibits e ON e.id = x.exhibit_id WHERE e.hearing_id = ? ORDER BY x.rowid`,
  ).all(hearingId) as ExaminationRecord[];
}

export function upsertExamination(db: Db, record: ExaminationRecord, now: string): void {
  prepared(
    db,
    `INSERT INTO examinations (exhibit_id, examiner_side, examiner_id, authenticity, authenticity_note, legality, legality_note, relevance, relevance_note,
       purpose_opinion, updated_at)
     VALUES (@exhibitId, @examinerSide, @examinerId, @authenticity, @authenticityNote, @legality, @legalityNote, @relevance, @relevanceNote, @purposeOpinion, @now)
     ON CONFLICT (exhibit_id, examiner_side) DO UPDATE SET examiner_id = excluded.examiner_id, authenticity = excluded.authenticity,
       authenticity_note = excluded.authenticity_note, legality = excluded.legality, legality_note = excluded.legality_note, relevance = excluded.relevance,
       relevance_note = excluded.relevance_note, purpose_opinion = excluded.purpose_opinion, updated_at = excluded.updated_at`,
  ).run({ ...record, now });
}

export function listFindings(db: Db, hearingId: string): FindingRecord[] {
  return prepared(
    db,
    `SELECT f.exhibit_id AS exhibitId, f.finding, f.reasons, f.decided_at AS decidedAt FROM exhibit_findings f JOIN exhibits e ON e.id = f.exhibit_id
     WHERE e.hearing_id = ?`,
  ).all(hearingId) as FindingRecord[];
}

export function upsertFinding(db: Db, record: FindingRecord): void {
  prepared(
    db,
    `INSERT INTO exhibit_findings (exhibit_id, finding, reasons, decided_at) VALUES (@exhibitId, @finding, @reasons, @decidedAt)
     ON CONFLICT (exhibit_id) DO UPDATE SET finding = excluded.finding, reasons = excluded.reasons, decided_at = excluded.decided_at`,
  ).run(record);
}

export interface PresentationRecord {
  hearingId: string;
  exhibitId: string;
  sha256: string | null;
  startedAt: string;
}

export function findPresentation(db: Db, hearingId: string): PresentationRecord | undefined {
  return prepared(db, 'SELECT hearing_id AS hearingId, exhibit_id AS exhibitId, sha256, started_at AS startedAt FROM presentations WHERE hearing_id = ?').get(
    hearingId,
  ) as PresentationRecord | undefined;
}

export function writePresentation(db: Db, record: PresentationRecord | { hearingId: string; clear: true }): void {
  if ('clear' in record) {
    prepared(db, 'DELETE FROM presentations WHERE hearing_id = ?').run(record.hearingId);
    return;
  }
  prepared(
    db,
    `INSERT INTO presentations (hearing_id, exhibit_id, sha256, started_at) VALUES (@hearingId, @exhibitId, @sha256, @startedAt)
     ON CONFLICT (hearing_id) DO UPDATE SET exhibit_id = excluded.exhibit_id, sha256 = excluded.sha256, started_at = excluded.started_at`,
  ).run(record);
}

/** Whether a public hearing is showing this file, from an exhibit not marked sensitive. */
export function isPresentedPublicly(db: Db, sha256: string): boolean {
  return (
    prepared(
      db,
      `SELECT EXISTS (SELECT 1 FROM presentations p JOIN exhibits e ON e.id = p.exhibit_id JOIN hearings h ON h.id = p.hearing_id
         WHERE p.sha256 = ? AND h.is_public = 1 AND e.sensitive = 0)`,
    )
      .pluck()
      .get(sha256) === 1
  );
}

/** The media type recorded when the file was attached to an exhibit; undefined for a file no exhibit holds. */
export function recordedMediaType(db: Db, sha256: string): string | undefined {
  return prepared(db, 'SELECT media_type FROM exhibit_files WHERE sha256 = ? LIMIT 1').pluck().get(sha256) as string | undefined;
}

/** Whether any exhibit holds a stored file: then the store keeps it. */
export function isExhibitFile(db: Db, sha256: string): boolean {
  return prepared(db, 'SELECT 1 FROM exhibit_files WHERE sha256 = ? LIMIT 1').get(sha256) !== undefined;
}
