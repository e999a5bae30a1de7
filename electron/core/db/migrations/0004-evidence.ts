import type { Migration } from './types.js';

/** Issue 5: the exhibit register, the files attached to each exhibit, 质证 opinions, the panel's findings and what was shown on the display. */
export const evidence: Migration = {
  version: 4,
  name: 'evidence',
  sql: `
    CREATE TABLE exhibits (
      id TEXT PRIMARY KEY,
      hearing_id TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
      submitter_id TEXT NOT NULL REFERENCES participants (id),
      side TEXT NOT NULL CHECK (side IN ('petitioner', 'agency', 'third')),
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      source TEXT NOT NULL DEFAULT '',
      purpose TEXT NOT NULL DEFAULT '',
      form TEXT NOT NULL,
      pages INTEGER,
      copies INTEGER,
      is_original INTEGER NOT NULL DEFAULT 0 CHECK (is_original IN (0, 1)),
      submitted_on TEXT,
      received_by TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
      sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX exhibits_by_hearing ON exhibits (hearing_id, side, position);

    CREATE TABLE exhibit_files (
      exhibit_id TEXT NOT NULL REFERENCES exhibits (id) ON DELETE CASCADE,
      sha256 TEXT NOT NULL,
      original_name TEXT NOT NULL,
      size INTEGER NOT NULL,
      media_type TEXT NOT NULL,
      added_at TEXT NOT NULL,
      PRIMARY KEY (exhibit_id, sha256)
    ) STRICT;

    CREATE TABLE examinations (
      exhibit_id TEXT NOT NULL REFERENCES exhibits (id) ON DELETE CASCADE,
      examiner_side TEXT NOT NULL,
      examiner_id TEXT REFERENCES participants (id),
      authenticity TEXT NOT NULL,
      authenticity_note TEXT NOT NULL DEFAULT '',
      legality TEXT NOT NULL,
      legality_note TEXT NOT NULL DEFAULT '',
      relevance TEXT NOT NULL,
      relevance_note TEXT NOT NULL DEFAULT '',
      purpose_opinion TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      PRIMARY KEY (exhibit_id, examiner_side)
    ) STRICT;

    CREATE TABLE exhibit_findings (
      exhibit_id TEXT PRIMARY KEY REFERENCES exhibits (id) ON DELETE CASCADE,
      finding TEXT NOT NULL CHECK (finding IN ('admitted', 'rejected', 'partial')),
      reasons TEXT NOT NULL,
      decided_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE presentations (
      hearing_id TEXT PRIMARY KEY REFERENCES hearings (id) ON DELETE CASCADE,
      exhibit_id TEXT NOT NULL REFERENCES exhibits (id) ON DELETE CASCADE,
      sha256 TEXT,
      started_at TEXT NOT NULL
    ) STRICT;
  `,
};
