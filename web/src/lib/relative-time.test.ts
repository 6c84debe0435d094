import { describe, expect, it } from 'vitest';
import { ago, formatDateTimeWithWeekday } from './relative-time';

describe('inbox dates', () => {
  const now = new Date('2026-12-03T05:00:00Z');
  it('says how long ago in minutes, hours and days, and nothing past a month', () => {
    expect(ago('2026-12-03T04:59:40Z', now)).toEqual({ key: 'justNow', count: 0 });
    expect(ago('2026-12-03T04:35:00Z', now)).toEqual({ key: 'minutesAgo', count: 25 });
    expect(ago('2026-12-03T00:00:00Z', now)).toEqual({ key: 'hoursAgo', count: 5 });
    expect(ago('2026-11-30T05:00:00Z', now)).toEqual({ key: 'daysAgo', count: 3 });
    expect(ago('2026-10-01T05:00:00Z', now)).toBeNull();
  });
  it('writes the date as Koreans do, with the weekday, in Korea time', () => {
    expect(formatDateTimeWithWeekday('2026-12-03T05:05:00Z', 'ko')).toBe('2026년 12월 3일(목) 14:05');
    // 23:30 UTC is the next day in Korea.
    expect(formatDateTimeWithWeekday('2026-12-02T23:30:00Z', 'ko')).toBe('2026년 12월 3일(목) 08:30');
    expect(formatDateTimeWithWeekday('2026-12-03T05:05:00Z', 'en')).toBe('Thu 3 Dec 2026 14:05');
  });
});
