import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../../electron/core/contract/format.js';

describe('dates as officials write them', () => {
  it('writes Chinese dates with Arabic numerals and no leading zeros', () => {
    expect(formatDate('2026-03-07T09:05', 'zh-CN')).toBe('2026年3月7日');
    expect(formatDateTime('2026-03-07T09:05', 'zh-CN')).toBe('2026年3月7日 9:05');
    expect(formatDateTime('2026-12-18T14:30', 'zh-CN')).toBe('2026年12月18日 14:30');
  });

  it('writes English dates day-month-year', () => {
    expect(formatDateTime('2026-03-07T09:05', 'en')).toBe('7 March 2026, 09:05');
  });
});
