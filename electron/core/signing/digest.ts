import { createHash } from 'node:crypto';
import type { Db } from '../db/index.js';
import { listEntries } from '../db/minutes.js';

/**
 * What a signature vouches for: the record's entries as they stand, in
 * order. Any correction, addition or deletion changes it, so a signature
 * given before the change shows as stale rather than silently covering words
 * the signer never read.
 */
export function recordDigest(db: Db, hearingId: string): string {
  const hash = createHash('sha256');
  for (const entry of listEntries(db, hearingId).sort((a, b) => a.id - b.id)) {
    if (entry.deleted) continue;
    hash.update(JSON.stringify([entry.id, entry.kind, entry.speakerLabel, entry.startedAt, entry.text, entry.offRecord]));
    hash.update('\n');
  }
  return hash.digest('hex');
}
