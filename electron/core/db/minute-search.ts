import type { SearchHit } from '../contract/index.js';
import { prepared, type Db } from './connection.js';

/** A hit as stored; the service adds where the words matched. */
export type SearchRow = Omit<SearchHit, 'ranges'>;

const hitColumns = `m.id AS entryId, m.hearing_id AS hearingId, h.title AS hearingTitle, h.matter_no AS caseNumber, m.speaker_label AS speakerLabel,
  m.started_at AS startedAt, m.text`;

/** Terms too short for trigrams, as `instr` filters over the lower-cased text. */
function shortTermFilters(shortTerms: readonly string[]): string {
  return shortTerms.map((_, index) => ` AND instr(lower(m.text), @short${index}) > 0`).join('');
}

function shortTermParams(shortTerms: readonly string[]): Record<string, string> {
  return Object.fromEntries(shortTerms.map((term, index) => [`short${index}`, term.toLowerCase()]));
}

/**
 * Within one hearing, FTS5 is also given the hearing's span of entry ids
 * (its first and last, from `minute_entries_by_hearing`): without it, a common
 * word searched in an old hearing walks the matches of every later hearing
 * before reaching it. Every entry of the hearing lies inside its span, so the
 * results are the same; a hearing without entries gets the empty span 0..0.
 */
const hearingSpan = ` AND minute_text.rowid BETWEEN COALESCE((SELECT min(id) FROM minute_entries WHERE hearing_id = @hearingId), 0)
  AND COALESCE((SELECT max(id) FROM minute_entries WHERE hearing_id = @hearingId), 0) AND m.hearing_id = @hearingId`;

/**
 * Through the trigram index, newest first: FTS5 walks its matches in rowid
 * order and stops at the limit, so a common word costs no more than a rare one.
 * CROSS JOIN keeps the index as the outer loop: given the span, the planner
 * would otherwise walk the hearing's entries and query the index once for
 * each, a hundred times slower.
 */
export function searchIndexed(db: Db, match: string, shortTerms: readonly string[], hearingId: string | undefined, limit: number): SearchRow[] {
  const hearingFilter = hearingId ? hearingSpan : '';
  return prepared(
    db,
    `SELECT ${hitColumns} FROM minute_text CROSS JOIN minute_entries m ON m.id = minute_text.rowid JOIN hearings h ON h.id = m.hearing_id
     WHERE minute_text MATCH @match${hearingFilter}${shortTermFilters(shortTerms)} ORDER BY minute_text.rowid DESC LIMIT @limit`,
  ).all({ match, hearingId, limit, ...shortTermParams(shortTerms) }) as SearchRow[];
}

/** For queries of one or two characters, which no trigram can match: a scan, newest first, within one hearing when given. */
export function searchByScan(db: Db, shortTerms: readonly string[], hearingId: string | undefined, limit: number): SearchRow[] {
  const hearingFilter = hearingId ? ' AND m.hearing_id = @hearingId' : '';
  return prepared(
    db,
    `SELECT ${hitColumns} FROM minute_entries m JOIN hearings h ON h.id = m.hearing_id
     WHERE m.deleted_at IS NULL${hearingFilter}${shortTermFilters(shortTerms)} ORDER BY m.id DESC LIMIT @limit`,
  ).all({ hearingId, limit, ...shortTermParams(shortTerms) }) as SearchRow[];
}
