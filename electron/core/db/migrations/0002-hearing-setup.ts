import type { Migration } from './types.js';

/** Issue 3: the case in full, its requests (诉求), the people, check-in, recusal, and the events the minutes will quote. */
export const hearingSetup: Migration = {
  version: 2,
  name: 'hearing-setup',
  sql: `
    ALTER TABLE hearings ADD COLUMN stage TEXT NOT NULL DEFAULT 'handling'
      CHECK (stage IN ('handling', 'review', 'reexamination'));
    ALTER TABLE hearings ADD COLUMN agency TEXT NOT NULL DEFAULT '';
    ALTER TABLE hearings ADD COLUMN application_date TEXT;
    -- Per-hearing changes to the template's numbers (JSON); absent keys follow the template.
    ALTER TABLE hearings ADD COLUMN rule_overrides TEXT NOT NULL DEFAULT '{}';

    CREATE TABLE hearing_requests (
      id TEXT PRIMARY KEY,
      hearing_id TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      text TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX hearing_requests_by_hearing ON hearing_requests (hearing_id, position);

    CREATE TABLE participants (
      id TEXT PRIMARY KEY,
      hearing_id TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
      role TEXT NOT NULL,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      gender TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'male', 'female')),
      id_number TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      address TEXT NOT NULL DEFAULT '',
      organization TEXT NOT NULL DEFAULT '',
      post TEXT NOT NULL DEFAULT '',
      agent_for TEXT REFERENCES participants (id) ON DELETE RESTRICT,
      agent_powers TEXT NOT NULL DEFAULT '' CHECK (agent_powers IN ('', 'general', 'special')),
      agent_powers_text TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX participants_by_hearing ON participants (hearing_id, role, position);
    CREATE UNIQUE INDEX participants_unique_id_number ON participants (hearing_id, id_number) WHERE id_number <> '';

    CREATE TABLE attendance (
      participant_id TEXT PRIMARY KEY REFERENCES participants (id) ON DELETE CASCADE,
      status TEXT NOT NULL CHECK (status IN ('present', 'late', 'absent')),
      arrived_at TEXT,
      left_at TEXT,
      absence_reason TEXT NOT NULL DEFAULT '',
      absence_excused INTEGER NOT NULL DEFAULT 0 CHECK (absence_excused IN (0, 1)),
      identity_checked_by TEXT NOT NULL DEFAULT '',
      identity_checked_at TEXT,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE recusals (
      id TEXT PRIMARY KEY,
      hearing_id TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
      applicant_id TEXT NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
      against_id TEXT NOT NULL REFERENCES participants (id) ON DELETE RESTRICT,
      grounds TEXT NOT NULL,
      applied_at TEXT NOT NULL,
      decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'granted', 'refused')),
      decided_by TEXT NOT NULL DEFAULT '',
      decision_reason TEXT NOT NULL DEFAULT '',
      decided_at TEXT
    ) STRICT;
    CREATE INDEX recusals_by_hearing ON recusals (hearing_id, applied_at);

    -- What happened, as data; the live minutes write each one as a standard sentence.
    CREATE TABLE hearing_events (
      seq INTEGER PRIMARY KEY,
      hearing_id TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      kind TEXT NOT NULL,
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX hearing_events_by_hearing ON hearing_events (hearing_id, seq);

    CREATE TABLE office_calendar (
      date TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
      name TEXT NOT NULL DEFAULT ''
    ) STRICT;
  `,
};
