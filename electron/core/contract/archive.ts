import { z } from 'zod';
import { query, returns } from './define.js';
import { localDate } from './fields.js';
import { hearingStages, hearingStatuses, type Hearing } from './hearings.js';
import type { LocalizedText } from './languages.js';

/**
 * The office's way of narrowing its hearings, shared by the archive list, the
 * statistics and the 台账 export, so the figures always describe the rows the
 * user sees. Every field is optional; an empty list means "any".
 */
export const archiveFilterSchema = z
  .object({
    statuses: z.array(z.enum(hearingStatuses)).max(hearingStatuses.length).default([]),
    /** The hearing's type is its template. */
    templateIds: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
    stages: z.array(z.enum(hearingStages)).max(hearingStages.length).default([]),
    /** Planned start, inclusive, in the office's local dates. */
    from: localDate.nullable().default(null),
    to: localDate.nullable().default(null),
    /** An outcome id of the template's vocabulary, or `partial`, `pending`, `none` for the roll-up's other answers. */
    outcomes: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
    /** A part of the organizing body's name. */
    organizer: z.string().trim().max(200).default(''),
    /** Only hearings with a deadline passed while the thing it guards is still open. */
    overdueOnly: z.boolean().default(false),
  })
  .strict();
export type ArchiveFilter = z.output<typeof archiveFilterSchema>;
export type ArchiveFilterInput = z.input<typeof archiveFilterSchema>;

/** What the roll-up says when the requests were not decided alike or not yet decided; otherwise the outcome's id. */
export const archiveOutcomeStates = ['partial', 'pending', 'none'] as const;

/** A hearing as the archive lists it: the hearing with its deadlines, and what became of it. */
export interface ArchiveRow extends Hearing {
  /** The overall conclusion: an outcome id, or one of `archiveOutcomeStates`; null while the panel has not deliberated. */
  outcome: string | null;
  /** The conclusion's name as the 评议 tab gives it; null while pending or without a conclusion. */
  outcomeName: LocalizedText | null;
  finalizedAt: string | null;
  requestCount: number;
  /** Minute entries on the record, deleted ones left out. */
  entryCount: number;
  /** When the first agenda step started. */
  actualStart: string | null;
  /** When the sitting was declared closed. */
  closedAt: string | null;
}

export const archiveSortKeys = ['plannedStart', 'matterNo', 'status', 'finalizedAt', 'updatedAt'] as const;
export type ArchiveSortKey = (typeof archiveSortKeys)[number];
export const archiveSortSchema = z.object({ by: z.enum(archiveSortKeys).default('plannedStart'), direction: z.enum(['asc', 'desc']).default('desc') }).strict();
export type ArchiveSort = z.output<typeof archiveSortSchema>;

export const archiveInput = z.object({ filter: archiveFilterSchema.prefault({}), sort: archiveSortSchema.prefault({}) }).strict();
export type ArchiveInput = z.input<typeof archiveInput>;

/** An outcome the archive can be filtered by, from the vocabulary of any template. */
export interface ArchiveOutcome {
  id: string;
  name: LocalizedText;
}

export const archiveMethods = {
  'hearing.archive': query(
    archiveInput,
    returns<ArchiveRow[]>(),
    'The hearings that match the filter, sorted, each with its conclusion, finalizing date and counts.',
  ),
  'hearing.outcomes': query(
    z.object({}).strict(),
    returns<ArchiveOutcome[]>(),
    'Every outcome of the templates’ vocabularies, once each, for filtering the archive by conclusion.',
  ),
} as const;
