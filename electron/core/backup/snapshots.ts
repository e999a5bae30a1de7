import { readdir } from 'node:fs/promises';
import type { Snapshot } from './retention.js';

/** A local date and time for a file or folder name: sorts by age and reads at a glance. */
export function stamp(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

/**
 * Snapshots are named by their local time, so the folder lists them in order
 * and the retention rule reads their dates without opening them; any other
 * file in the folder (a USB disk holds other things) is never touched.
 */
const pattern = /^hearing-desk-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?\.zip$/;

/** The name of a snapshot made at `at`; `n` tells apart two made within the same second. */
export function snapshotName(at: Date, n = 0): string {
  return `hearing-desk-backup-${stamp(at)}${n > 0 ? `-${n}` : ''}.zip`;
}

export function parseSnapshotName(name: string): Date | null {
  const match = pattern.exec(name);
  if (!match) return null;
  const [year, month, day, hours, minutes, seconds, n] = match.slice(1, 8).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // The n-th snapshot of a second counts as n milliseconds later, so it sorts as the newer one.
  return new Date(year, month - 1, day, hours, minutes, seconds, n);
}

/** The snapshots in a folder, newest first. */
export async function listSnapshots(folder: string): Promise<Snapshot[]> {
  const names = await readdir(folder);
  return names
    .flatMap((name) => {
      const createdAt = parseSnapshotName(name);
      return createdAt ? [{ name, createdAt }] : [];
    })
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
