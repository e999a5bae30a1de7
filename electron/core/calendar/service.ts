import { recordAudit } from '../audit/log.js';
import { deleteCalendarDay, listCalendarDays, upsertCalendarDay } from '../db/calendar.js';
import type { Handlers } from '../router.js';
import type { ServiceDeps } from '../services.js';

/** The office's own calendar: holidays and 调休 make-up days, which working-day deadlines count by. */
export function calendarHandlers({ db, clock, bus }: ServiceDeps): Pick<Handlers, 'calendar.list' | 'calendar.set' | 'calendar.remove'> {
  return {
    'calendar.list': () => listCalendarDays(db),
    'calendar.set': (day, ctx) => {
      db.transaction(() => {
        upsertCalendarDay(db, day);
        recordAudit(db, clock, ctx, { action: 'calendar.set', hearingId: null, after: day });
      })();
      bus.emit('calendar.changed', {});
      return listCalendarDays(db);
    },
    'calendar.remove': ({ date }, ctx) => {
      db.transaction(() => {
        deleteCalendarDay(db, date);
        recordAudit(db, clock, ctx, { action: 'calendar.remove', hearingId: null, before: { date } });
      })();
      bus.emit('calendar.changed', {});
      return listCalendarDays(db);
    },
  };
}
