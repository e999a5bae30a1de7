import type { Migration } from './types.js';

/**
 * Issue 8: the signing round and the finalized record. A signature row holds
 * the signer's one outcome and the digest of the record they read, so a
 * later correction shows which signatures no longer match. A finalization is
 * written once; addenda only ever add rows beside it.
 */
export const signing: Migration = {
  version: 8,
  name: 'signing',
  sql: `
    CREATE TABLE signatures (
      hearing_id TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
      participant_id TEXT NOT NULL REFERENCES participants (id),
      outcome TEXT NOT NULL CHECK (outcome IN ('signed', 'refused', 'absent')),
      closing_sentence TEXT NOT NULL DEFAULT '',
      image BLOB,
      strokes TEXT,
      sha256 TEXT,
      reason TEXT NOT NULL DEFAULT '',
      entered_by TEXT REFERENCES participants (id),
      record_digest TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      PRIMARY KEY (hearing_id, participant_id),
      CHECK ((outcome = 'signed') = (image IS NOT NULL AND strokes IS NOT NULL AND sha256 IS NOT NULL))
    ) STRICT;

    CREATE TABLE finalizations (
      hearing_id TEXT PRIMARY KEY REFERENCES hearings (id),
      finalized_at TEXT NOT NULL,
      finalized_by TEXT NOT NULL,
      manifest_sha256 TEXT NOT NULL,
      key_fingerprint TEXT NOT NULL,
      package_name TEXT NOT NULL,
      package_bytes INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE addenda (
      id TEXT PRIMARY KEY,
      hearing_id TEXT NOT NULL REFERENCES finalizations (hearing_id),
      number INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      text TEXT NOT NULL,
      reason TEXT NOT NULL,
      original_manifest_sha256 TEXT NOT NULL,
      manifest_sha256 TEXT NOT NULL,
      package_name TEXT NOT NULL,
      UNIQUE (hearing_id, number)
    ) STRICT;

    CREATE TRIGGER finalizations_are_written_once BEFORE UPDATE ON finalizations
    BEGIN SELECT RAISE(ABORT, 'a finalization is never changed'); END;
    CREATE TRIGGER finalizations_are_never_deleted BEFORE DELETE ON finalizations
    BEGIN SELECT RAISE(ABORT, 'a finalization is never deleted'); END;
  `,
};
