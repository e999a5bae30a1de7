import { describe, expect, it } from 'vitest';
import {
  addDays,
  computeHearingDeadlines,
  isOverdue,
  isWorkingDay,
  localDateOf,
  subtractDays,
  weekendsOnly,
  type DeadlineRule,
  type OfficeCalendar,
} from '../../../electron/core/deadlines/index.js';

function range(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let time = Date.parse(first); time <= Date.parse(last); time += 86_400_000) dates.push(new Date(time).toISOString().slice(0, 10));
  return dates;
}

/** 2026 as the State Council announced it: each holiday as its announced range, and the weekend days worked instead. */
const office2026: OfficeCalendar = {
  holidays: new Set([
    ...range('2026-01-01', '2026-01-03'), // 元旦
    ...range('2026-02-15', '2026-02-23'), // 春节
    ...range('2026-04-04', '2026-04-06'), // 清明
    ...range('2026-05-01', '2026-05-05'), // 劳动节
    ...range('2026-06-19', '2026-06-21'), // 端午
    ...range('2026-09-25', '2026-09-27'), // 中秋
    ...range('2026-10-01', '2026-10-07'), // 国庆
  ]),
  workdays: new Set(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']),
};

/** The default 信访 template: notice 7 days ahead, decide within 5 working days, hold within 30 days. */
const petition = {
  noticeBeforeHearing: { days: 7, unit: 'calendar' },
  decideAfterApplication: { days: 5, unit: 'working' },
  holdAfterApplication: { days: 30, unit: 'calendar' },
} satisfies Record<string, DeadlineRule>;

describe('the office calendar', () => {
  it('works Monday to Friday unless a holiday is announced', () => {
    expect(isWorkingDay('2026-03-13', office2026)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-14', office2026)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-15', office2026)).toBe(false); // Sunday
    expect(isWorkingDay('2026-10-01', office2026)).toBe(false); // 国庆, a Thursday
    expect(isWorkingDay('2026-10-01', weekendsOnly)).toBe(true);
  });

  it('works the announced make-up days even on a Sunday', () => {
    expect(isWorkingDay('2026-09-20', office2026)).toBe(true);
    expect(isWorkingDay('2026-09-20', weekendsOnly)).toBe(false);
    expect(isWorkingDay('2026-10-10', office2026)).toBe(true); // Saturday
  });

  it('refuses what is not a date rather than guessing', () => {
    expect(() => isWorkingDay('2026-02-30', office2026)).toThrow(RangeError);
    expect(() => isWorkingDay('2026/03/13', office2026)).toThrow(RangeError);
    expect(() => addDays('2026-03-13', -1, 'calendar', office2026)).toThrow(RangeError);
    expect(() => addDays('2026-03-13', 1.5, 'working', office2026)).toThrow(RangeError);
  });
});

describe('periods counted forward', () => {
  it('counts 5 working days from a Thursday application across the weekend', () => {
    expect(addDays('2026-03-05', 5, 'working', office2026)).toBe('2026-03-12');
  });

  it('does not count the start day, even when it is a working day', () => {
    expect(addDays('2026-03-06', 1, 'working', office2026)).toBe('2026-03-09'); // Friday → Monday
    expect(addDays('2026-03-07', 1, 'working', office2026)).toBe('2026-03-09'); // Saturday → Monday
  });

  it('skips 中秋 and the 国庆 week when counting working days', () => {
    // 25 Sept is 中秋; 28, 29, 30 Sept; 1–7 Oct off; then 8 and 9 Oct.
    expect(addDays('2026-09-24', 5, 'working', office2026)).toBe('2026-10-09');
    expect(addDays('2026-09-24', 5, 'working', weekendsOnly)).toBe('2026-10-01');
  });

  it('counts a make-up Sunday as a working day', () => {
    expect(addDays('2026-09-18', 1, 'working', office2026)).toBe('2026-09-20');
    expect(addDays('2026-09-18', 1, 'working', weekendsOnly)).toBe('2026-09-21');
  });

  it('moves a calendar-day period that ends on a Saturday to the Monday', () => {
    expect(addDays('2026-06-04', 30, 'calendar', office2026)).toBe('2026-07-06');
    expect(addDays('2026-06-04', 30, 'calendar', office2026, { endingOnDayOff: 'keep' })).toBe('2026-07-04');
  });

  it('moves a period that ends inside a holiday past all of it', () => {
    expect(addDays('2026-09-24', 7, 'calendar', office2026)).toBe('2026-10-08');
    expect(addDays('2026-09-17', 3, 'calendar', office2026)).toBe('2026-09-20'); // ends on the make-up Sunday: stays
  });

  it('keeps a calendar-day period that ends on a working day as it is', () => {
    expect(addDays('2026-08-06', 15, 'calendar', office2026)).toBe('2026-08-21');
  });

  it('lands a zero-day period on the next working day', () => {
    expect(addDays('2026-10-03', 0, 'working', office2026)).toBe('2026-10-08');
    expect(addDays('2026-10-03', 0, 'calendar', office2026)).toBe('2026-10-08');
  });
});

describe('notice periods counted back from the sitting', () => {
  it('serves a 7-day notice on the same weekday a week ahead', () => {
    expect(subtractDays('2026-03-16', 7, 'calendar', office2026)).toBe('2026-03-09');
  });

  it('moves the notice-by date earlier when it falls in the 国庆 week, so the parties still get 7 days', () => {
    expect(subtractDays('2026-10-08', 7, 'calendar', office2026)).toBe('2026-09-30');
    expect(subtractDays('2026-10-08', 7, 'calendar', office2026, { endingOnDayOff: 'keep' })).toBe('2026-10-01');
  });

  it('moves a 3-day 检察 notice that lands on a Saturday back to the Friday', () => {
    expect(subtractDays('2026-03-17', 3, 'calendar', office2026)).toBe('2026-03-13');
  });

  it('counts 10 working days back over 国庆 and its make-up Saturday (山东)', () => {
    // 16, 15, 14, 13, 12 Oct; Saturday 10 Oct; 9, 8 Oct; 1–7 Oct off; 30, 29 Sept.
    expect(subtractDays('2026-10-19', 10, 'working', office2026)).toBe('2026-09-29');
  });
});

describe('overdue', () => {
  it('is late only from the day after the deadline', () => {
    expect(isOverdue('2026-03-12', '2026-03-11')).toBe(false);
    expect(isOverdue('2026-03-12', '2026-03-12')).toBe(false);
    expect(isOverdue('2026-03-12', '2026-03-13')).toBe(true);
    expect(isOverdue('2026-03-12', '2027-01-01')).toBe(true);
  });

  it('takes today as the local date of an instant', () => {
    expect(localDateOf(new Date(2026, 2, 12, 23, 59))).toBe('2026-03-12');
    expect(localDateOf(new Date(2026, 2, 13, 0, 1))).toBe('2026-03-13');
  });
});

describe('the deadlines of a 信访 hearing', () => {
  it('applies 5 working days to decide, 30 days to hold and 7 days of notice', () => {
    // Application on Thursday 5 March; sitting on Tuesday 31 March at 9:30.
    const deadlines = computeHearingDeadlines({
      applicationDate: '2026-03-05',
      plannedStart: '2026-03-31T09:30',
      rules: petition,
      calendar: office2026,
      today: '2026-03-10',
    });
    // 30 days end on Saturday 4 April, the first day of 清明 (4–6 April): the period runs to Tuesday 7 April.
    expect(deadlines).toEqual({ decideBy: '2026-03-12', holdBy: '2026-04-07', noticeBy: '2026-03-24', overdue: [] });
  });

  it('reports what has passed, in a fixed order', () => {
    const deadlines = computeHearingDeadlines({
      applicationDate: '2026-03-05',
      plannedStart: '2026-03-31T09:30',
      rules: petition,
      calendar: office2026,
      today: '2026-03-25',
    });
    expect(deadlines.overdue).toEqual(['decideBy', 'noticeBy']);
    expect(computeHearingDeadlines({ applicationDate: '2026-03-05', rules: petition, calendar: office2026, today: '2026-04-08' }).overdue).toEqual([
      'decideBy',
      'holdBy',
    ]);
  });

  it('gives only the deadlines that what was entered allows', () => {
    expect(computeHearingDeadlines({ rules: petition, calendar: office2026, today: '2026-03-25' })).toEqual({ overdue: [] });
    expect(computeHearingDeadlines({ plannedStart: '2026-10-08T14:00', rules: petition, calendar: office2026, today: '2026-09-28' })).toEqual({
      noticeBy: '2026-09-30',
      overdue: [],
    });
  });

  it('follows a template with other numbers (山东: notice 10 working days; decide within 15 days)', () => {
    const shandong = {
      ...petition,
      noticeBeforeHearing: { days: 10, unit: 'working' },
      decideAfterApplication: { days: 15, unit: 'calendar' },
    } satisfies Record<string, DeadlineRule>;
    const deadlines = computeHearingDeadlines({
      applicationDate: '2026-09-10',
      plannedStart: '2026-10-19T09:00',
      rules: shandong,
      calendar: office2026,
      today: '2026-09-30',
    });
    // 15 days end on Friday 25 September, which is 中秋: the decision is due on Monday 28 September.
    // 30 days end on Saturday 10 October, a make-up working day: the hearing is due that day.
    expect(deadlines).toEqual({ decideBy: '2026-09-28', holdBy: '2026-10-10', noticeBy: '2026-09-29', overdue: ['decideBy', 'noticeBy'] });
  });
});
