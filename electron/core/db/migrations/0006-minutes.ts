import type { Migration } from './types.js';

/**
 * Issue 6: the live minutes. Entries are never removed, only marked deleted,
 * so every version stays in `minute_revisions` and the record can be shown
 * as it stood at any moment. `revision` grows with every write in a hearing,
 * so a window asks only for what changed since it last looked.
 *
 * `minute_text` is a trigram full-text index over the entries' text, kept in
 * step by triggers: Chinese has no spaces to split words on, and trigrams
 * find any substring of three or more characters. It stores no text of its
 * own (contentless), so deleted entries, which stay in `minute_entries`, are
 * simply left out of it.
 */
export const minutes: Migration = {
  version: 6,
  name: 'minutes',
  sql: `
    CREATE TABLE minute_entries (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      hearing_id TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
      client_id TEXT UNIQUE,
      step_id TEXT REFERENCES agenda_steps (id),
      kind TEXT NOT NULL CHECK (kind IN ('speech', 'question', 'answer', 'event', 'note')),
      speaker_id TEXT REFERENCES participants (id),
      speaker_label TEXT NOT NULL DEFAULT '',
      started_at TEXT NOT NULL,
      text TEXT NOT NULL,
      off_record INTEGER NOT NULL DEFAULT 0 CHECK (off_record IN (0, 1)),
      event_seq INTEGER UNIQUE REFERENCES hearing_events (seq),
      event_kind TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      revision INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      edited_at TEXT,
      deleted_at TEXT
    ) STRICT;
    CREATE INDEX minute_entries_by_hearing ON minute_entries (hearing_id, id);
    CREATE INDEX minute_entries_by_revision ON minute_entries (hearing_id, revision);
    CREATE INDEX minute_entries_by_speaker ON minute_entries (speaker_id);

    CREATE TABLE minute_revisions (
      entry_id INTEGER NOT NULL REFERENCES minute_entries (id) ON DELETE CASCADE,
      version INTEGER NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('created', 'edited', 'deleted', 'corrected')),
      kind TEXT NOT NULL,
      speaker_label TEXT NOT NULL,
      text TEXT NOT NULL,
      off_record INTEGER NOT NULL,
      changed_at TEXT NOT NULL,
      changed_by TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (entry_id, version)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE minute_drafts (
      hearing_id TEXT PRIMARY KEY REFERENCES hearings (id) ON DELETE CASCADE,
      client_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      speaker_id TEXT,
      text TEXT NOT NULL,
      started_at TEXT,
      saved_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE minute_corrections (
      id TEXT PRIMARY KEY,
      hearing_id TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
      entry_id INTEGER NOT NULL REFERENCES minute_entries (id) ON DELETE CASCADE,
      requested_by TEXT NOT NULL REFERENCES participants (id),
      start INTEGER NOT NULL,
      passage TEXT NOT NULL,
      proposed_text TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'refused')),
      decided_at TEXT,
      decided_by TEXT,
      decision_reason TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX minute_corrections_by_hearing ON minute_corrections (hearing_id, created_at);

    CREATE TABLE office_phrases (
      id TEXT PRIMARY KEY,
      step_type TEXT,
      role TEXT,
      text TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE VIRTUAL TABLE minute_text USING fts5 (text, content = '', contentless_delete = 1, tokenize = 'trigram');
    CREATE TRIGGER minute_text_after_insert AFTER INSERT ON minute_entries WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO minute_text (rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER minute_text_after_update AFTER UPDATE OF text, deleted_at ON minute_entries BEGIN
      DELETE FROM minute_text WHERE rowid = old.id;
      INSERT INTO minute_text (rowid, text) SELECT new.id, new.text WHERE new.deleted_at IS NULL;
    END;
    CREATE TRIGGER minute_text_after_delete AFTER DELETE ON minute_entries BEGIN
      DELETE FROM minute_text WHERE rowid = old.id;
    END;
  `,
};
