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
