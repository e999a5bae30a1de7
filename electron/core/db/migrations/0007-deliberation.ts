import type { Migration } from './types.js';

/**
 * Issue 7: the panel's deliberation, kept apart from the parties' record.
 * Members are frozen when the session opens; a vote is written once, and a
 * change before the close keeps the earlier vote in `ballot_changes`.
 */
export const deliberation: Migration = {
  version: 7,
  name: 'deliberation',
  sql: `
    CREATE TABLE deliberations (
      hearing_id TEXT PRIMARY KEY REFERENCES hearings (id) ON DELETE CASCADE,
      ballot TEXT NOT NULL CHECK (ballot IN ('blind', 'open')),
      status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'announced')),
      opened_at TEXT NOT NULL,
      closed_at TEXT,
      close_reason TEXT NOT NULL DEFAULT '',
      representative_id TEXT REFERENCES participants (id),
      representative_statement TEXT NOT NULL DEFAULT '',
      final_outcome TEXT,
      final_reason TEXT NOT NULL DEFAULT '',
      announced_at TEXT,
      announcement_manner TEXT CHECK (announcement_manner IN ('onSpot', 'later')),
      announcement_text TEXT NOT NULL DEFAULT '',
      serve_by TEXT
    ) STRICT;

    CREATE TABLE deliberation_members (
      hearing_id TEXT NOT NULL REFERENCES deliberations (hearing_id) ON DELETE CASCADE,
      participant_id TEXT NOT NULL REFERENCES participants (id),
      position INTEGER NOT NULL,
      PRIMARY KEY (hearing_id, participant_id)
    ) STRICT;

    CREATE TABLE ballots (
      hearing_id TEXT NOT NULL REFERENCES deliberations (hearing_id) ON DELETE CASCADE,
      request_id TEXT NOT NULL REFERENCES hearing_requests (id),
      member_id TEXT NOT NULL REFERENCES participants (id),
      outcome TEXT NOT NULL,
      reasons TEXT NOT NULL,
      entered_by TEXT NOT NULL CHECK (entered_by IN ('member', 'clerk')),
      cast_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      PRIMARY KEY (request_id, member_id)
    ) STRICT;

    CREATE TABLE ballot_changes (
      request_id TEXT NOT NULL,
      member_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      outcome TEXT NOT NULL,
      reasons TEXT NOT NULL,
      entered_by TEXT NOT NULL,
      cast_at TEXT NOT NULL,
      why TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (request_id, member_id, version),
      FOREIGN KEY (request_id, member_id) REFERENCES ballots (request_id, member_id) ON DELETE CASCADE
    ) STRICT;

    CREATE TABLE tie_decisions (
      request_id TEXT PRIMARY KEY REFERENCES hearing_requests (id),
      hearing_id TEXT NOT NULL REFERENCES deliberations (hearing_id) ON DELETE CASCADE,
      outcome TEXT NOT NULL,
      reason TEXT NOT NULL,
      decided_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE panel_reports (
      hearing_id TEXT NOT NULL REFERENCES deliberations (hearing_id) ON DELETE CASCADE,
      member_id TEXT NOT NULL REFERENCES participants (id),
      text TEXT NOT NULL,
      written_at TEXT NOT NULL,
      PRIMARY KEY (hearing_id, member_id)
    ) STRICT;

    CREATE TABLE satisfaction (
      hearing_id TEXT PRIMARY KEY REFERENCES hearings (id) ON DELETE CASCADE,
      rating TEXT,
      reason TEXT NOT NULL DEFAULT '',
      entered_by TEXT NOT NULL CHECK (entered_by IN ('petitioner', 'staff')),
      accepts_conclusion TEXT NOT NULL CHECK (accepts_conclusion IN ('yes', 'no', 'undecided')),
      recorded_at TEXT NOT NULL
    ) STRICT;
  `,
};
