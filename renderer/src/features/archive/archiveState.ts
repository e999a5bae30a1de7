import { useEffect, useState } from 'react';
import { z } from 'zod';
import { archiveFilterSchema, archiveSortSchema, type ArchiveFilter, type ArchiveSort } from '../../../../electron/core/contract/index.js';
import { navigate } from '../../app/route.js';

/** What the archive shows: the filter, the order and the page, kept for the session so a clerk who opens a hearing comes back to the same list. */
export interface ArchiveState {
  filter: ArchiveFilter;
  sort: ArchiveSort;
  page: number;
}

const storageKey = 'hearing-desk.archive';
const stateSchema = z.object({ filter: archiveFilterSchema.prefault({}), sort: archiveSortSchema.prefault({}), page: z.number().int().min(1).catch(1) });

export const emptyFilter: ArchiveFilter = archiveFilterSchema.parse({});
export const defaultSort: ArchiveSort = archiveSortSchema.parse({});

/** Whether any field narrows the list: the empty state then speaks of the filter, not of an empty office. */
export function isFiltered(filter: ArchiveFilter): boolean {
  return JSON.stringify(filter) !== JSON.stringify(emptyFilter);
}

/** A stored state an older version wrote, or one edited by hand, falls back to the full list rather than failing. */
function restored(): ArchiveState {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(window.sessionStorage.getItem(storageKey) ?? '{}'));
    if (parsed.success) return parsed.data;
  } catch {
    // Unreadable storage: start from the full list.
  }
  return { filter: emptyFilter, sort: defaultSort, page: 1 };
}

export function useArchiveState(): [ArchiveState, (change: Partial<ArchiveState>) => void] {
  const [state, setState] = useState(restored);
  useEffect(() => {
    try {
      window.sessionStorage.setItem(storageKey, JSON.stringify(state));
    } catch {
      // Without storage the list is simply not restored.
    }
  }, [state]);
  // A new filter or order starts again at the first page; only a page change keeps the rest.
  const update = (change: Partial<ArchiveState>) => setState((current) => ({ ...current, page: 1, ...change }));
  return [state, update];
}

/**
 * The search page restores its last query from the session when it opens, so
 * writing the phrase there first opens it with the phrase typed in, across
 * every hearing.
 */
export function openMinuteSearch(phrase: string): void {
  try {
    window.sessionStorage.setItem('hearing-desk.minutesSearch', JSON.stringify({ query: phrase }));
  } catch {
    // Without storage the search page opens empty; the clerk types the phrase again.
  }
  navigate({ name: 'search' });
}
