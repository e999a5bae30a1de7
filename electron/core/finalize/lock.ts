import { methods, type MethodName } from '../contract/index.js';
import { prepared, type Db } from '../db/index.js';
import { findHearing } from '../db/hearings.js';
import { AppError } from '../errors.js';

/**
 * How an input names its hearing: directly, or through a row that belongs to
 * one. The first key present decides; the contract's inputs use these names
 * throughout, and the lock test runs every mutation through this guard.
 */
const hearingOfKey: ReadonlyArray<readonly [key: string, sql: string | null]> = [
  ['hearingId', null],
  ['participantId', 'SELECT hearing_id FROM participants WHERE id = ?'],
  ['exhibitId', 'SELECT hearing_id FROM exhibits WHERE id = ?'],
  ['requestId', 'SELECT hearing_id FROM hearing_requests WHERE id = ?'],
  ['recusalId', 'SELECT hearing_id FROM recusals WHERE id = ?'],
  ['entryId', 'SELECT hearing_id FROM minute_entries WHERE id = ?'],
  ['correctionId', 'SELECT hearing_id FROM minute_corrections WHERE id = ?'],
];

function hearingIdOf(db: Db, input: Record<string, unknown>): string | undefined {
  for (const [key, sql] of hearingOfKey) {
    const value = input[key];
    if (value === undefined) continue;
    if (sql === null) return value as string;
    return prepared(db, sql).pluck().get(value) as string | undefined;
  }
  return undefined;
}

/**
 * A finalized, signed record is never changed in place (issue 8): every
 * mutation the contract does not mark as outside the lock is refused with
 * `hearing/locked` before its handler runs, whatever the handler itself checks.
 */
export function lockGuard(db: Db): (method: MethodName, input: unknown) => void {
  return (method, input) => {
    const spec = methods[method];
    if (spec.kind !== 'mutation' || typeof input !== 'object' || input === null) return;
    const hearingId = hearingIdOf(db, input as Record<string, unknown>);
    if (hearingId === undefined) return;
    // Received from another laptop: its record is amended where it was sealed, never here. On every mutation: a cached statement.
    if (prepared(db, 'SELECT 1 FROM imported_hearings WHERE hearing_id = ?').get(hearingId) !== undefined)
      throw new AppError('handover/readOnly', { hearingId });
    if (spec.lockable !== false && findHearing(db, hearingId)?.status === 'finalized') throw new AppError('hearing/locked', { hearingId });
  };
}
