import type { Migration } from './types.js';

/**
 * The audit log screen filters by hearing, newest first; without an index
 * that walks the whole log, which an office fills for years.
 */
export const auditByHearing: Migration = {
  version: 9,
  name: 'audit-by-hearing',
  sql: `
    CREATE INDEX audit_log_by_hearing ON audit_log (hearing_id, seq);
  `,
};
