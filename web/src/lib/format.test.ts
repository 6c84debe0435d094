import { describe, expect, it } from 'vitest';
import { describeDDay, formatDate, formatDDay, formatWindow, formatWon } from './format';

describe('formatWon', () => {
  it('writes amounts in 억 and 만 units', () => {
    expect(formatWon(150_000_000)).toBe('1억 5,000만원');
    expect(formatWon(100_000_000)).toBe('1억원');
    expect(formatWon(30_000_000)).toBe('3,000만원');
    expect(formatWon(3_000_000)).toBe('300만원');
    expect(formatWon(1_200_000_000_000)).toBe('1조 2,000억원');
    expect(formatWon(1_000_000_000_000_000)).toBe('1,000조원');
  });

  it('keeps a remainder below 만원 and writes small amounts in 원', () => {
    expect(formatWon(5_000)).toBe('5,000원');
    expect(formatWon(12_345)).toBe('1만 2,345원');
    expect(formatWon(0)).toBe('0원');
  });

  it('writes millions in English', () => {
    expect(formatWon(150_000_000, 'en')).toBe('KRW 150 million');
    expect(formatWon(2_500_000, 'en')).toBe('KRW 2.5 million');
    expect(formatWon(5_000, 'en')).toBe('KRW 5,000');
    expect(formatWon(1_200_000_000_000, 'en')).toBe('KRW 1.2 trillion');
  });
});

describe('dates and D-day', () => {
  it('formats dates the Korean way', () => {
    expect(formatDate('2026-01-02')).toBe('2026년 1월 2일');
    expect(formatDate('2026-01-02', 'en')).toBe('2 Jan 2026');
    expect(formatDate(undefined)).toBe('');
  });

  it('formats a window and an open-ended one', () => {
    expect(formatWindow('2026-01-02', '2026-12-31')).toBe('2026년 1월 2일 ~ 2026년 12월 31일');
    expect(formatWindow(undefined, undefined)).toBe('상시 접수');
  });

  it('counts down to the deadline', () => {
    expect(formatDDay(12)).toBe('D-12');
    expect(formatDDay(0)).toBe('D-Day');
    expect(formatDDay(-1)).toBe('마감');
    expect(formatDDay(null)).toBe('');
    expect(describeDDay(12)).toBe('마감까지 12일 남음');
  });
});
