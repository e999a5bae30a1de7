import { z } from 'zod';
import { officeMutation, query, returns } from './define.js';
import { localDate, optionalText } from './fields.js';

/** A day the office's calendar treats differently from the weekday rule: a holiday, or a make-up working day (调休). */
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export const calendarMethods = {
  'calendar.list': query(z.object({}).strict(), returns<CalendarDay[]>(), 'The office’s holidays and make-up working days, by date.'),
  'calendar.set': officeMutation(
    z.object({ date: localDate, kind: z.enum(['holiday', 'workday']), name: optionalText(50).default('') }).strict(),
    returns<CalendarDay[]>(),
    'Marks a day as a holiday or a make-up working day.',
  ),
  'calendar.remove': officeMutation(z.object({ date: localDate }).strict(), returns<CalendarDay[]>(), 'Returns a day to the weekday rule.'),
} as const;

export const calendarEvents = {
  'calendar.changed': z.object({}),
} as const;
