import type { Language } from './languages.js';

const englishMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(localDateTime: string): { year: number; month: number; day: number; time: string } {
  const [date = '', time = ''] = localDateTime.split('T');
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  return { year, month, day, time: time.slice(0, 5) };
}

/** A date as Chinese official documents write it: 2026年3月7日, Arabic numerals, no leading zeros. */
export function formatDate(localDateTime: string, language: Language): string {
  const { year, month, day } = parts(localDateTime);
  return language === 'zh-CN' ? `${year}年${month}月${day}日` : `${day} ${englishMonths[month - 1]} ${year}`;
}

/** Date and wall-clock time of a sitting: 2026年3月7日 9:30 / 7 March 2026, 09:30. */
export function formatDateTime(localDateTime: string, language: Language): string {
  const { time } = parts(localDateTime);
  const [hour = '0', minute = '00'] = time.split(':');
  return language === 'zh-CN' ? `${formatDate(localDateTime, language)} ${Number(hour)}:${minute}` : `${formatDate(localDateTime, language)}, ${time}`;
}

/** An instant (ISO-8601 UTC) as the laptop's own wall-clock time, e.g. 2026-12-08T09:20. */
export function localDateTime(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An instant (ISO-8601 UTC) shown in the laptop's own time zone, e.g. when a record was created. */
export function formatInstant(iso: string, language: Language): string {
  return formatDateTime(localDateTime(iso), language);
}

/** The wall-clock time of a local date-time: 9:30 / 09:30. */
export function formatClock(localDateTime: string, language: Language): string {
  const { time } = parts(localDateTime);
  const [hour = '0', minute = '00'] = time.split(':');
  return language === 'zh-CN' ? `${Number(hour)}:${minute}` : time;
}

/**
 * A sitting's span as a document's header writes it: 2026年12月8日9时30分至11时25分
 * (the second date only when it is another day) / 8 December 2026, 09:30 to 11:25.
 */
export function formatTimeRange(from: string, to: string, language: Language): string {
  const sameDay = from.slice(0, 10) === to.slice(0, 10);
  if (language === 'en') {
    return `${formatDate(from, 'en')}, ${formatClock(from, 'en')} to ${sameDay ? '' : `${formatDate(to, 'en')}, `}${formatClock(to, 'en')}`;
  }
  const clock = (local: string) => {
    const [hour = '0', minute = '0'] = parts(local).time.split(':');
    return `${Number(hour)}时${Number(minute)}分`;
  };
  return `${formatDate(from, 'zh-CN')}${clock(from)}至${sameDay ? '' : formatDate(to, 'zh-CN')}${clock(to)}`;
}

/** The parts of the day officials name before the hour, and the hour each begins. */
const partsOfDay = [
  { from: 18, name: '晚上' },
  { from: 13, name: '下午' },
  { from: 12, name: '中午' },
  { from: 6, name: '上午' },
  { from: 0, name: '凌晨' },
] as const;

/**
 * A sitting as a notice announces it: 2026年12月8日上午9时30分, 下午2时,
 * twelve-hour with the part of the day, no minutes on the hour / 8 December
 * 2026, 9:30 a.m.
 */
export function formatAppointment(localDateTime: string, language: Language): string {
  const [hour = 0, minute = 0] = parts(localDateTime).time.split(':').map(Number);
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  if (language === 'en') return `${formatDate(localDateTime, 'en')}, ${twelve}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'a.m.' : 'p.m.'}`;
  const part = partsOfDay.find((candidate) => hour >= candidate.from)!;
  // 中午12时 and 凌晨0时 keep the clock's own hour; the rest count from noon.
  const shown = hour === 0 || hour === 12 ? hour : twelve;
  return `${formatDate(localDateTime, 'zh-CN')}${part.name}${shown}时${minute ? `${minute}分` : ''}`;
}
