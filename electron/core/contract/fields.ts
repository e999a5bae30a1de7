import { z } from 'zod';

/**
 * Field builders shared by every area. Messages are i18n keys (namespace
 * `validation`), resolved by whichever shell shows them.
 */
export const requiredText = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');

export const optionalText = (max: number) => z.string().trim().max(max, 'validation.tooLong');

export const id = z.string().uuid('validation.invalidId');

/** A calendar day in the office's own reckoning, e.g. 2026-10-08. */
export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date', abort: true })
  .refine((value) => isRealDateTime(`${value}T00:00`), 'validation.date');

/** A wall-clock time in the hearing room, e.g. 2026-03-07T09:30: no zone, as the notice states it. */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'validation.dateTime', abort: true })
  .refine((value) => isRealDateTime(value), 'validation.dateTime');

/**
 * Zod runs a refinement even after the format check failed unless that check
 * aborts, so this is only reached with a well-formed value; it still reads the
 * parts through the pattern, because a throw here would escape validation.
 */
function isRealDateTime(value: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!parts) return false;
  const [year, month, day, hour, minute] = parts.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && year >= 2000 && year <= 2100
  );
}
