import type { Migration } from './types.js';

/**
 * Issue 5, grouped exhibit numbering (分组编号): each hearing numbers its
 * exhibits flat (信访人证据1) or within groups (信访人证据1-2). Existing
 * hearings keep flat numbering and every existing exhibit falls in group 1,
 * so no label changes on upgrade.
 */
export const evidenceNumbering: Migration = {
  version: 5,
  name: 'evidence-numbering',
  sql: `
    ALTER TABLE hearings ADD COLUMN exhibit_numbering TEXT NOT NULL DEFAULT 'flat'
      CHECK (exhibit_numbering IN ('flat', 'grouped'));
    ALTER TABLE exhibits ADD COLUMN group_no INTEGER NOT NULL DEFAULT 1
      CHECK (group_no >= 1);
  `,
};
