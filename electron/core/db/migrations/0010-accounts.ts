import type { Migration } from './types.js';

/**
 * Operators of this laptop. The password is kept only as an scrypt hash with
 * its own salt and parameters, so the cost can rise later without a migration.
 * Roles are a JSON list; an operator is never deleted, only made inactive,
 * because the audit log names them for as long as the office keeps it.
 */
export const accounts: Migration = {
  version: 10,
  name: 'accounts',
  sql: `
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      display_name TEXT NOT NULL,
      roles TEXT NOT NULL CHECK (json_valid(roles) AND json_type(roles) = 'array'),
      password_hash TEXT NOT NULL,
      active INTEGER NOT NULL CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
