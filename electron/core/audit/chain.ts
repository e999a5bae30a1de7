import { createHash } from 'node:crypto';
import type { ChainStatus } from '../contract/audit.js';
import type { AuditRow } from '../db/audit.js';

export type { ChainStatus };

export const genesisHash = '0'.repeat(64);

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function hashAuditRow(row: Omit<AuditRow, 'hash'>): string {
  return sha256Hex(JSON.stringify([row.prevHash, row.seq, row.at, row.actor, row.action, row.hearingId, row.detail]));
}

/** Walks the log in order; the first row whose link or own hash does not hold is where tampering began. */
export function verifyChain(rows: Iterable<AuditRow>): ChainStatus {
  let prevHash = genesisHash;
  let expectedSeq = 1;
  let entries = 0;
  for (const row of rows) {
    entries += 1;
    if (row.seq !== expectedSeq || row.prevHash !== prevHash || hashAuditRow(row) !== row.hash) {
      return { intact: false, entries, brokenAt: expectedSeq };
    }
    prevHash = row.hash;
    expectedSeq += 1;
  }
  return { intact: true, entries };
}
