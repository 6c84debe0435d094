import { describe, expect, it } from 'vitest';
import { reminderDue } from './deadline-reminders';

describe('reminderDue', () => {
  it.each([
    ['2025-03-20', undefined],
    ['2025-03-09', undefined],
    ['2025-03-08', 'deadline-7'],
    ['2025-03-03', 'deadline-7'],
    ['2025-03-02', 'deadline-1'],
    ['2025-03-01', 'deadline-1'],
    ['2025-02-28', undefined],
  ])('for a deadline of %s as of 2025-03-01 is %s', (applyEnd, expected) => {
    expect(reminderDue(applyEnd, '2025-03-01')).toBe(expected);
  });

  it('is none for a program without a deadline', () => {
    expect(reminderDue(undefined, '2025-03-01')).toBeUndefined();
  });
});
