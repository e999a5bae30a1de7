import type { Addendum, Finalization } from '../contract/index.js';
import { prepared, type Db } from './connection.js';

export interface SignatureRecord {
  hearingId: string;
  participantId: string;
  outcome: 'signed' | 'refused' | 'absent';
  closingSentence: string;
  image: Buffer | null;
  /** JSON of the strokes with their times, as the pad drew them. */
  strokes: string | null;
  sha256: string | null;
  reason: string;
  enteredBy: string | null;
  recordDigest: string;
  recordedAt: string;
}

const signatureColumns = `hearing_id AS hearingId, participant_id AS participantId, outcome, closing_sentence AS closingSentence,
  image, strokes, sha256, reason, entered_by AS enteredBy, record_digest AS recordDigest, recorded_at AS recordedAt`;

export function listSignatures(db: Db, hearingId: string): SignatureRecord[] {
  return prepared(db, `SELECT ${signatureColumns} FROM signatures WHERE hearing_id = ?`).all(hearingId) as SignatureRecord[];
}

/** One outcome per signer: a new one replaces the old, which the audit trail keeps by hash. */
export function writeSignature(db: Db, record: SignatureRecord): void {
  prepared(
    db,
    `INSERT OR REPLACE INTO signatures (hearing_id, participant_id, outcome, closing_sentence, image, strokes, sha256, reason, entered_by, record_digest, recorded_at)
     VALUES (@hearingId, @participantId, @outcome, @closingSentence, @image, @strokes, @sha256, @reason, @enteredBy, @recordDigest, @recordedAt)`,
  ).run(record);
}

export function deleteSignature(db: Db, hearingId: string, participantId: string): void {
  prepared(db, 'DELETE FROM signatures WHERE hearing_id = ? AND participant_id = ?').run(hearingId, participantId);
}

type FinalizationRow = Omit<Finalization, 'addenda'>;

export function findFinalization(db: Db, hearingId: string): FinalizationRow | undefined {
  return prepared(
    db,
    `SELECT hearing_id AS hearingId, finalized_at AS finalizedAt, finalized_by AS finalizedBy, manifest_sha256 AS manifestSha256,
       key_fingerprint AS keyFingerprint, package_name AS packageName, package_bytes AS packageBytes
     FROM finalizations WHERE hearing_id = ?`,
  ).get(hearingId) as FinalizationRow | undefined;
}

export function insertFinalization(db: Db, row: FinalizationRow): void {
  prepared(
    db,
    `INSERT INTO finalizations (hearing_id, finalized_at, finalized_by, manifest_sha256, key_fingerprint, package_name, package_bytes)
     VALUES (@hearingId, @finalizedAt, @finalizedBy, @manifestSha256, @keyFingerprint, @packageName, @packageBytes)`,
  ).run(row);
}

export function listAddenda(db: Db, hearingId: string): Addendum[] {
  return prepared(
    db,
    `SELECT id, number, created_at AS createdAt, text, reason, manifest_sha256 AS manifestSha256, package_name AS packageName
     FROM addenda WHERE hearing_id = ? ORDER BY number`,
  ).all(hearingId) as Addendum[];
}

export function insertAddendum(db: Db, hearingId: string, addendum: Addendum, createdBy: string, originalManifestSha256: string): void {
  prepared(
    db,
    `INSERT INTO addenda (id, hearing_id, number, created_at, created_by, text, reason, original_manifest_sha256, manifest_sha256, package_name)
     VALUES (@id, @hearingId, @number, @createdAt, @createdBy, @text, @reason, @originalManifestSha256, @manifestSha256, @packageName)`,
  ).run({ ...addendum, hearingId, createdBy, originalManifestSha256 });
}
