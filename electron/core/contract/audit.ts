import { z } from 'zod';
import { query, returns } from './define.js';
import { id } from './fields.js';

/** Whether the audit chain holds: a broken chain names the first entry whose link or hash fails. */
export type ChainStatus = { intact: true; entries: number } | { intact: false; entries: number; brokenAt: number };

/** One audit entry as a reader sees it: what the row says, never the hashes that prove it. */
export interface AuditEntry {
  seq: number;
  /** ISO-8601 UTC. */
  at: string;
  /** The shell that made the call ('host', 'cli', 'app:<user>'…): there are no user accounts yet. */
  actor: string;
  /** The contract method that made the change, e.g. `minutes.edit`. */
  action: string;
  hearingId: string | null;
  hearingTitle: string | null;
  /** The names of the changed fields where the mutation records them. */
  fields: string[];
  /** Made after the hearing started, when the case was no longer freely editable. */
  afterStart: boolean;
}

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null when this was the last. */
  nextBefore: number | null;
}

export const auditMethods = {
  'audit.list': query(
    z
      .object({
        hearingId: id.optional(),
        before: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(200).default(100),
      })
      .strict(),
    returns<AuditPage>(),
    'The audit log, newest first, optionally of one hearing; older pages by `before` (an entry’s seq).',
  ),
  'audit.status': query(z.object({}).strict(), returns<ChainStatus>(), 'Checks the whole hash chain of the audit log.'),
} as const;
