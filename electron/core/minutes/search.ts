import type { SearchHit, SearchResult } from '../contract/index.js';
import type { Db } from '../db/index.js';
import { searchByScan, searchIndexed } from '../db/minute-search.js';

/** Trigrams need three characters; counted as people see them, not as UTF-16 units. */
const trigramLength = 3;

export interface ParsedQuery {
  terms: string[];
  /** An FTS5 query matching every long term as a phrase, or null when all terms are short. */
  match: string | null;
  shortTerms: string[];
}

/**
 * Splits on spaces; every term must appear. Quotes are doubled so nothing the user types is read as query syntax.
 * A NUL splits too: FTS5 reads its query only up to the first one, so a quoted term holding it is unterminated.
 */
export function parseQuery(query: string): ParsedQuery {
  const terms = [...new Set(query.split(/[\s\u0000]+/).filter(Boolean))];
  const long = terms.filter((term) => [...term].length >= trigramLength);
  const shortTerms = terms.filter((term) => [...term].length < trigramLength);
  return { terms, match: long.length > 0 ? long.map((term) => `"${term.replaceAll('"', '""')}"`).join(' ') : null, shortTerms };
}

/** Where each term occurs in the text, merged and in order, for highlighting. */
export function matchRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const lower = text.toLowerCase();
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    const needle = term.toLowerCase();
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

export function searchMinutes(db: Db, query: string, hearingId: string | undefined, limit: number): SearchResult {
  const parsed = parseQuery(query);
  const rows = parsed.match
    ? searchIndexed(db, parsed.match, parsed.shortTerms, hearingId, limit + 1)
    : searchByScan(db, parsed.shortTerms, hearingId, limit + 1);
  const hits: SearchHit[] = rows.slice(0, limit).map((row) => ({ ...row, ranges: matchRanges(row.text, parsed.terms) }));
  return { hits, more: rows.length > limit, method: parsed.match ? 'index' : 'scan' };
}
