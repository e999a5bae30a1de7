import type { Clock } from '../clock.js';
import { insertAuditRow, iterateAuditRows, lastAuditRow } from '../db/audit.js';
import type { Db } from '../db/index.js';
import type { CallContext } from '../router.js';
import { genesisHash, hashAuditRow, sha256Hex, verifyChain, type ChainStatus } from './chain.js';

export interface AuditRecord {
  action: string;
  hearingId: string | null;
  before?: unknown;
  after?: unknown;
  /** Which fields changed, for a reader of the trail: the hashes prove, the names explain. */
  fields?: string[];
  /** A change made after the hearing started: the case is no longer freely editable, so it is flagged. */
  afterStart?: boolean;
}

/**
 * Appends one link to the audit chain. Call it inside the mutation's own
 * transaction so the change and its record commit together or not at all.
 */
export function recordAudit(db: Db, clock: Clock, ctx: CallContext, record: AuditRecord): void {
  const last = lastAuditRow(db);
  const detail = JSON.stringify({
    before: record.before === undefined ? null : sha256Hex(JSON.stringify(record.before)),
    after: record.after === undefined ? null : sha256Hex(JSON.stringify(record.after)),
    ...(record.fields ? { fields: record.fields } : {}),
    ...(record.afterStart ? { afterStart: true } : {}),
  });
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: clock.now().toISOString(),
    actor: ctx.actor,
    action: record.action,
    hearingId: record.hearingId,
    detail,
    prevHash: last?.hash ?? genesisHash,
  };
  insertAuditRow(db, { ...row, hash: hashAuditRow(row) });
}

export function verifyAuditLog(db: Db): ChainStatus {
  return verifyChain(iterateAuditRows(db));
}
