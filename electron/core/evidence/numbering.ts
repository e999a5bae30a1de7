import type { ExhibitNumbering } from '../contract/index.js';
import type { ExhibitRecord } from '../db/evidence.js';

export interface ExhibitNumber {
  /** Within the side (flat) or within the group (grouped), from 1. */
  number: number;
  /** The 序号: 3, or 1-2. */
  serial: string;
}

/**
 * One side's exhibits in the order the style reads them: by stored position,
 * and in grouped numbering group by group. The sort is stable, so the order
 * within each group is the stored one.
 */
export function readingOrder(records: readonly ExhibitRecord[], style: ExhibitNumbering): ExhibitRecord[] {
  const byPosition = [...records].sort((a, b) => a.position - b.position);
  return style === 'grouped' ? byPosition.sort((a, b) => a.group - b.group) : byPosition;
}

/** The number and 序号 of each exhibit of one side, by id: counted through the side, or within each group. */
export function numberSide(records: readonly ExhibitRecord[], style: ExhibitNumbering): Map<string, ExhibitNumber> {
  const counted = new Map<number, number>();
  const numbers = new Map<string, ExhibitNumber>();
  readingOrder(records, style).forEach((record, index) => {
    if (style === 'flat') {
      numbers.set(record.id, { number: index + 1, serial: String(index + 1) });
      return;
    }
    const number = (counted.get(record.group) ?? 0) + 1;
    counted.set(record.group, number);
    numbers.set(record.id, { number, serial: `${record.group}-${number}` });
  });
  return numbers;
}

/** A side in the given order, at positions 1…n: what is stored, so the stored order is always the reading order. */
export function arrange(ordered: readonly ExhibitRecord[]): ExhibitRecord[] {
  return ordered.map((exhibit, index) => ({ ...exhibit, position: index + 1 }));
}

/**
 * The side arranged with `placed` at `position` among its peers (the whole
 * side, or its own group): before the peer now at that position, or after the
 * last of them. `others` is the rest of the side in reading order.
 */
export function placeAt(others: readonly ExhibitRecord[], placed: ExhibitRecord, position: number, style: ExhibitNumbering): ExhibitRecord[] {
  const peers = style === 'grouped' ? others.filter((other) => other.group === placed.group) : others;
  const next = peers[position - 1];
  // Others are in reading order, so in grouped numbering the end of a group is just before the first exhibit of a higher one.
  const at = next ? others.indexOf(next) : style === 'grouped' ? others.filter((other) => other.group <= placed.group).length : others.length;
  return arrange([...others.slice(0, at), placed, ...others.slice(at)]);
}
