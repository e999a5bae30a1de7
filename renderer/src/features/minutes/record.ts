import type { MinuteEntry } from '../../../../electron/core/contract/index.js';

/** Puts changed entries in place by id: the record stays in commit order, deleted entries leave it. */
export function mergeEntries(current: readonly MinuteEntry[], changes: readonly MinuteEntry[]): MinuteEntry[] {
  if (changes.length === 0) return current as MinuteEntry[];
  const byId = new Map(current.map((entry) => [entry.id, entry]));
  for (const change of changes) {
    if (change.deleted) byId.delete(change.id);
    else byId.set(change.id, change);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/**
 * Puts the older part of the record (every entry before `firstShown`, as the
 * core had it when it answered) in front of the newest part the screen opened
 * on. The older part is the later look at those entries, so it replaces any of
 * them that arrived in between; the newest part stays as it is, kept current
 * by the changes fetched since.
 */
export function withEarlierEntries(current: readonly MinuteEntry[], earlier: readonly MinuteEntry[], firstShown: number): MinuteEntry[] {
  const start = current.findIndex((entry) => entry.id >= firstShown);
  return start < 0 ? [...earlier] : [...earlier, ...current.slice(start)];
}
