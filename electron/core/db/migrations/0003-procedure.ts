import type { Migration } from './types.js';

/**
 * Issue 4: the agenda each hearing runs, where it stands, the speakers' list
 * and their clocks. Clocks are stored as anchors (time accumulated, running
 * since) so that after a crash every screen computes the same remaining time.
 */
export const procedure: Migration = {
  version: 3,
  name: 'procedure',
  sql: `
    CREATE TABLE agenda_steps (
      id TEXT PRIMARY KEY,
      hearing_id TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      template_step_id TEXT,
      type TEXT NOT NULL,
      name_zh TEXT NOT NULL,
      name_en TEXT NOT NULL,
      planned_minutes INTEGER NOT NULL,
      script_zh TEXT NOT NULL,
      script_en TEXT NOT NULL,
      speaker_sides TEXT NOT NULL DEFAULT '[]',
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'done', 'skipped')),
      skip_reason TEXT NOT NULL DEFAULT '',
      started_at TEXT,
      ended_at TEXT,
      active_ms INTEGER NOT NULL DEFAULT 0,
      running_since TEXT
    ) STRICT;
    CREATE INDEX agenda_steps_by_hearing ON agenda_steps (hearing_id, position);

    CREATE TABLE procedure_state (
      hearing_id TEXT PRIMARY KEY REFERENCES hearings (id) ON DELETE CASCADE,
      state TEXT NOT NULL CHECK (state IN ('notStarted', 'inProgress', 'adjourned', 'suspended', 'postponed', 'deliberating', 'closed')),
      current_step_id TEXT REFERENCES agenda_steps (id),
      reason TEXT NOT NULL DEFAULT '',
      since TEXT,
      petitioner_budget_ms INTEGER,
      agency_budget_ms INTEGER
    ) STRICT;

    CREATE TABLE speaker_queue (
      id TEXT PRIMARY KEY,
      hearing_id TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
      participant_id TEXT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      added_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX speaker_queue_by_hearing ON speaker_queue (hearing_id, position);

    CREATE TABLE speeches (
      id TEXT PRIMARY KEY,
      hearing_id TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
      step_id TEXT REFERENCES agenda_steps (id),
      participant_id TEXT NOT NULL REFERENCES participants (id),
      side TEXT NOT NULL,
      limit_ms INTEGER NOT NULL,
      started_at TEXT NOT NULL,
      ended_at TEXT,
      elapsed_ms INTEGER NOT NULL DEFAULT 0,
      running_since TEXT
    ) STRICT;
    CREATE INDEX speeches_by_hearing ON speeches (hearing_id, started_at);
  `,
};
