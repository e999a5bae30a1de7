import type { CalendarDay } from '../contract/index.js';
import { prepared, type Db } from './connection.js';

export function listCalendarDays(db: Db): CalendarDay[] {
  return prepared(db, 'SELECT date, kind, name FROM office_calendar ORDER BY date').all() as CalendarDay[];
}

export function upsertCalendarDay(db: Db, day: CalendarDay): void {
  prepared(
    db,
    'INSERT INTO office_calendar (date, kind, name) VALUES (@date, @kind, @name) ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name',
  ).run(day);
}

export function deleteCalendarDay(db: Db, date: string): void {
  prepared(db, 'DELETE FROM office_calendar WHERE date = ?').run(date);
}
