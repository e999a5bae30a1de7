import type { AuditEntry } from '../contract/audit.js';
import { listAuditRows, type AuditListRow } from '../db/audit.js';
import type { Db } from '../db/index.js';
import type { Handlers } from '../router.js';
import { verifyAuditLog } from './log.js';

/**
 * The names in a row's detail. A tampered row may hold anything, and the log
 * screen is where tampering is looked for, so an unreadable detail lists the
 * row with no fields instead of failing the page.
 */
function readDetail(detail: string): Pick<AuditEntry, 'fields' | 'afterStart'> {
  try {
    const parsed = JSON.parse(detail) as { fields?: unknown; afterStart?: unknown } | null;
    const fields = Array.isArray(parsed?.fields) ? parsed.fields.filter((field): field is string => typeof field === 'string') : [];
    return { fields, afterStart: parsed?.afterStart === true };
  } catch {
    return { fields: [], afterStart: false };
  }
}

function toEntry({ detail, ...row }: AuditListRow): AuditEntry {
  return { ...row, ...readDetail(detail) };
}

/** The audit log screen: reading the trail and checking its chain. Read-only, office-internal (never on the room network). */
export function auditHandlers(db: Db): Pick<Handlers, 'audit.list' | 'audit.status'> {
  return {
    'audit.list': ({ hearingId, before, limit }) => {
      // One row more than asked says whether an older page exists without a count over the whole log.
      const rows = listAuditRows(db, { hearingId: hearingId ?? null, before: before ?? null, limit: limit + 1 });
      const page = rows.slice(0, limit).map(toEntry);
      return { entries: page, nextBefore: rows.length > limit ? (page.at(-1)?.seq ?? null) : null };
    },
    'audit.status': () => verifyAuditLog(db),
  };
}
