import type { CalendarDay, DeadlineCheck, EffectiveRules, HearingDeadlines } from '../contract/index.js';
import type { HearingRecord } from '../db/hearings.js';
import { computeHearingDeadlines, type OfficeCalendar } from '../deadlines/calendar.js';

export function officeCalendar(days: readonly CalendarDay[]): OfficeCalendar {
  return {
    holidays: new Set(days.filter((day) => day.kind === 'holiday').map((day) => day.date)),
    workdays: new Set(days.filter((day) => day.kind === 'workday').map((day) => day.date)),
  };
}

/**
 * The dates a hearing must keep, and which of them it is missing. Only a
 * hearing still in preparation can miss them: once it has sat, notice and
 * holding are history.
 */
export function hearingDeadlines(hearing: HearingRecord, rules: EffectiveRules, calendar: OfficeCalendar, today: string): HearingDeadlines {
  const computed = computeHearingDeadlines({
    applicationDate: hearing.applicationDate ?? undefined,
    plannedStart: hearing.plannedStart,
    rules: {
      noticeBeforeHearing: rules.deadlines.noticeBeforeHearing,
      decideAfterApplication: rules.deadlines.decideAfterApplication,
      holdAfterApplication: rules.deadlines.holdAfterApplication,
    },
    calendar,
    today,
  });
  const overdue: DeadlineCheck[] = [];
  if (hearing.status === 'preparing') {
    const plannedDate = hearing.plannedStart.slice(0, 10);
    if (computed.holdBy && (today > computed.holdBy || plannedDate > computed.holdBy)) overdue.push('holdBy');
    if (computed.noticeBy && today > computed.noticeBy) overdue.push('noticeBy');
  }
  return { decideBy: computed.decideBy ?? null, holdBy: computed.holdBy ?? null, noticeBy: computed.noticeBy ?? null, overdue };
}
