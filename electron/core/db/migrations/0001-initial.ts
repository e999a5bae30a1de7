import type { Migration } from './types.js';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE hearings (
      id TEXT PRIMARY KEY,
      matter_no TEXT NOT NULL,
      title TEXT NOT NULL,
      template_id TEXT NOT NULL,
      planned_start TEXT NOT NULL,
      venue TEXT NOT NULL,
      organizer TEXT NOT NULL,
      is_public INTEGER NOT NULL CHECK (is_public IN (0, 1)),
      non_public_reason TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX hearings_by_planned_start ON hearings (planned_start);

    -- Append-only; each row's hash covers the previous row's hash, so an edit
    -- or a deletion anywhere breaks the chain from that row on.
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      hearing_id TEXT,
      detail TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
  `,
};
