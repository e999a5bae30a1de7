export interface Snapshot {
  name: string;
  createdAt: Date;
}

export interface RetentionRule {
  /** The newest snapshot of each of the last this many days that have one. */
  daily: number;
  /** The newest snapshot of each of the last this many months that have one. */
  monthly: number;
}

export const defaultRetention: RetentionRule = { daily: 7, monthly: 12 };

const pad = (value: number) => String(value).padStart(2, '0');
/** Local calendar periods: an office's "yesterday" is its own, not UTC's. */
const dayOf = (at: Date) => `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
const monthOf = (at: Date) => `${at.getFullYear()}-${pad(at.getMonth() + 1)}`;

/** The newest snapshot of each of the newest `limit` periods. */
function newestPerPeriod(sorted: readonly Snapshot[], periodOf: (at: Date) => string, limit: number): Snapshot[] {
  const chosen = new Map<string, Snapshot>();
  for (const snapshot of sorted) {
    const period = periodOf(snapshot.createdAt);
    if (chosen.has(period)) continue;
    if (chosen.size === limit) break;
    chosen.set(period, snapshot);
  }
  return [...chosen.values()];
}

/**
 * Which snapshots to keep and which to delete. Periods are counted among
 * those that have a snapshot, not back from today, so a laptop left in a
 * drawer for a year does not lose every backup at its next start; the newest
 * snapshot is always kept. One dated after `now` (a clock set wrong when it
 * was made) is kept and takes no period's place: it cannot be placed.
 */
export function keep(snapshots: readonly Snapshot[], now: Date, rule: RetentionRule = defaultRetention): { keep: Snapshot[]; remove: Snapshot[] } {
  const future = snapshots.filter((snapshot) => snapshot.createdAt > now);
  const past = snapshots.filter((snapshot) => snapshot.createdAt <= now).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const kept = new Set<Snapshot>([
    ...future,
    ...past.slice(0, 1),
    ...newestPerPeriod(past, dayOf, rule.daily),
    ...newestPerPeriod(past, monthOf, rule.monthly),
  ]);
  return { keep: snapshots.filter((snapshot) => kept.has(snapshot)), remove: snapshots.filter((snapshot) => !kept.has(snapshot)) };
}
