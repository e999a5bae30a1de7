/**
 * Working-day arithmetic for hearing deadlines. Dates are local calendar dates
 * ('YYYY-MM-DD') as the notice and the office diary write them; they are
 * computed as UTC day numbers so that no time zone or daylight-saving shift
 * can move a deadline by a day.
 */

export type DayUnit = 'calendar' | 'working';

/** A period as a template states it: "7日", "5个工作日". */
export interface DeadlineRule {
  days: number;
  unit: DayUnit;
}

/**
 * The office's year as the State Council announces it each winter: weekdays
 * off (国庆 10月1日–7日) and weekend days worked instead (调休上班, e.g.
 * Sunday 2026-09-20). Weekend dates in `holidays` are harmless, so a holiday
 * can be entered as the announced range.
 */
export interface OfficeCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

/** Saturdays and Sundays off and nothing else: for an office that has not entered its year yet. */
export const weekendsOnly: OfficeCalendar = { holidays: new Set(), workdays: new Set() };

const msPerDay = 86_400_000;
/** Longer than any announced run of days off; a calendar without a working day in it is a mistake. */
const longestRunOfDaysOff = 366;

function toDayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const time = Date.UTC(year, month - 1, day);
    if (new Date(time).getUTCMonth() === month - 1 && new Date(time).getUTCDate() === day) return time / msPerDay;
  }
  throw new RangeError(`Not a date (YYYY-MM-DD): "${date}"`);
}

function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * msPerDay).toISOString().slice(0, 10);
}

function checkDays(days: number): void {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`A period is a whole number of days, not ${days}`);
}

/** The laptop's local date of an instant, e.g. of the core clock's now(), as 'YYYY-MM-DD'. */
export function localDateOf(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

export function isWorkingDay(date: string, calendar: OfficeCalendar): boolean {
  const dayNumber = toDayNumber(date);
  // A make-up working day is announced for a weekend date, so it must win over the weekend rule.
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(dayNumber * msPerDay).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The date itself when it is a working day, otherwise the first working day after it. */
export function workingDayOnOrAfter(date: string, calendar: OfficeCalendar): string {
  return stepToWorkingDay(toDayNumber(date), 1, calendar);
}

/** The date itself when it is a working day, otherwise the last working day before it. */
export function workingDayOnOrBefore(date: string, calendar: OfficeCalendar): string {
  return stepToWorkingDay(toDayNumber(date), -1, calendar);
}

function stepToWorkingDay(dayNumber: number, step: 1 | -1, calendar: OfficeCalendar): string {
  for (let i = 0; i <= longestRunOfDaysOff; i++) {
    const date = fromDayNumber(dayNumber + i * step);
    if (isWorkingDay(date, calendar)) return date;
  }
  throw new RangeError(`No working day within ${longestRunOfDaysOff} days of ${fromDayNumber(dayNumber)}: check the office calendar`);
}

/** Counts `days` working days away from the date, which itself does not count. */
function countWorkingDays(date: string, days: number, step: 1 | -1, calendar: OfficeCalendar): string {
  let dayNumber = toDayNumber(date);
  if (days === 0) return stepToWorkingDay(dayNumber, step, calendar);
  for (let counted = 0; counted < days; counted++) {
    dayNumber = toDayNumber(stepToWorkingDay(dayNumber + step, step, calendar));
  }
  return fromDayNumber(dayNumber);
}

export interface AddDaysOptions {
  /**
   * What happens when a period in calendar days ends on a day off. The default
   * follows the rule Chinese procedure law states for 期间 and administrative
   * practice applies to every period: "期间届满的最后一日是法定休假日的，以法定
   * 休假日后的第一日为期间届满的日期", because nobody can act on a day the office
   * is closed. 'keep' gives the bare date, e.g. to show how a deadline was found.
   */
  endingOnDayOff?: 'nextWorkingDay' | 'keep';
}

/**
 * The last day of a period that starts the day after `date` (期间开始的日不计算在期间内).
 * In working days, the result is the Nth working day after the date. In
 * calendar days, it is the date N days later, moved on to the next working
 * day when that falls on a weekend or holiday (see `endingOnDayOff`).
 */
export function addDays(date: string, days: number, unit: DayUnit, calendar: OfficeCalendar, options: AddDaysOptions = {}): string {
  checkDays(days);
  if (unit === 'working') return countWorkingDays(date, days, 1, calendar);
  const end = fromDayNumber(toDayNumber(date) + days);
  return (options.endingOnDayOff ?? 'nextWorkingDay') === 'nextWorkingDay' ? workingDayOnOrAfter(end, calendar) : end;
}

export interface SubtractDaysOptions {
  /**
   * What happens when "N days before" lands on a day off. By default the date
   * moves EARLIER, to the previous working day: a notice that must be out at
   * least N days before the sitting cannot wait for the office to reopen, and
   * moving later would leave the parties less than N days.
   */
  endingOnDayOff?: 'previousWorkingDay' | 'keep';
}

/** The last date by which something must be done to happen at least `days` days before `date`. */
export function subtractDays(date: string, days: number, unit: DayUnit, calendar: OfficeCalendar, options: SubtractDaysOptions = {}): string {
  checkDays(days);
  if (unit === 'working') return countWorkingDays(date, days, -1, calendar);
  const start = fromDayNumber(toDayNumber(date) - days);
  return (options.endingOnDayOff ?? 'previousWorkingDay') === 'previousWorkingDay' ? workingDayOnOrBefore(start, calendar) : start;
}

/** A deadline is met by acting on its last day; only the day after is late. */
export function isOverdue(deadline: string, today: string): boolean {
  return toDayNumber(today) > toDayNumber(deadline);
}

export type HearingDeadlineName = 'decideBy' | 'holdBy' | 'noticeBy';

export interface HearingDeadlineInput {
  /** The day the application for a hearing was received. */
  applicationDate?: string;
  /** The planned sitting as the notice states it, 'YYYY-MM-DDTHH:mm'. */
  plannedStart?: string;
  rules: {
    /** Notice served at least this long before the sitting (信访: 7日; 山东: 10个工作日; 检察: 3日). */
    noticeBeforeHearing: DeadlineRule;
    /** Decide whether to hold a hearing (5个工作日 – 15日). */
    decideAfterApplication: DeadlineRule;
    /** Hold the hearing (30日). */
    holdAfterApplication: DeadlineRule;
  };
  calendar: OfficeCalendar;
  /** The office's local date, see `localDateOf`. */
  today: string;
}

export interface HearingDeadlines {
  decideBy?: string;
  holdBy?: string;
  noticeBy?: string;
  /**
   * The deadlines already past, in the order above. Whether the thing was
   * done in time is not known here; the caller drops what the hearing's
   * status shows as done.
   */
  overdue: HearingDeadlineName[];
}

/** The hearing's deadlines that can be known from what has been entered so far. */
export function computeHearingDeadlines(input: HearingDeadlineInput): HearingDeadlines {
  const { applicationDate, plannedStart, rules, calendar, today } = input;
  const deadlines: HearingDeadlines = { overdue: [] };
  if (applicationDate) {
    deadlines.decideBy = addDays(applicationDate, rules.decideAfterApplication.days, rules.decideAfterApplication.unit, calendar);
    deadlines.holdBy = addDays(applicationDate, rules.holdAfterApplication.days, rules.holdAfterApplication.unit, calendar);
  }
  if (plannedStart) {
    deadlines.noticeBy = subtractDays(plannedStart.slice(0, 10), rules.noticeBeforeHearing.days, rules.noticeBeforeHearing.unit, calendar);
  }
  for (const name of ['decideBy', 'holdBy', 'noticeBy'] as const) {
    const deadline = deadlines[name];
    if (deadline !== undefined && isOverdue(deadline, today)) deadlines.overdue.push(name);
  }
  return deadlines;
}
