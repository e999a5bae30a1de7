import type { Migration } from './types.js';

/**
 * Issue 9: hearings received as a sealed case package from another laptop.
 * The row names where the hearing came from and which seal vouched for it;
 * like a finalization, it is written once and never changed or deleted.
 */
export const handover: Migration = {
  version: 11,
  name: 'handover',
  sql: `
    CREATE TABLE imported_hearings (
      hearing_id TEXT PRIMARY KEY REFERENCES hearings (id),
      origin_office TEXT NOT NULL,
      origin_fingerprint TEXT NOT NULL,
      manifest_sha256 TEXT NOT NULL,
      sealed_at TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      imported_by TEXT NOT NULL
    ) STRICT;

    CREATE TRIGGER imported_hearings_are_written_once BEFORE UPDATE ON imported_hearings
    BEGIN SELECT RAISE(ABORT, 'an imported hearing''s origin is never changed'); END;
    CREATE TRIGGER imported_hearings_are_never_deleted BEFORE DELETE ON imported_hearings
    BEGIN SELECT RAISE(ABORT, 'an imported hearing''s origin is never deleted'); END;
  `,
};
