import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUSINESS_NUMBER_MESSAGES,
  businessNumberCheckDigit,
  formatBusinessNumber,
  isValidBusinessNumber,
  parseBusinessNumber,
  withCheckDigit,
} from './business-number';

describe('business registration number', () => {
  it('computes the check digit of the worked example 220-81-62517 as 7', () => {
    expect(businessNumberCheckDigit('220816251')).toBe(7);
  });

  it('accepts the worked example with hyphens, without them, and with spaces', () => {
    expect(parseBusinessNumber('220-81-62517')).toEqual({ ok: true, value: '2208162517' });
    expect(parseBusinessNumber('2208162517')).toEqual({ ok: true, value: '2208162517' });
    expect(parseBusinessNumber('  220 81 62517 ')).toEqual({ ok: true, value: '2208162517' });
    expect(isValidBusinessNumber('220-81-62517')).toBe(true);
  });

  it('rejects a number with a wrong check digit', () => {
    for (const wrong of ['220-81-62510', '220-81-62518', '2208162519']) {
      expect(parseBusinessNumber(wrong)).toEqual({ ok: false, problem: 'checkDigit' });
      expect(isValidBusinessNumber(wrong)).toBe(false);
    }
  });

  it('rejects input that is not ten digits', () => {
    for (const bad of ['', '220-81-6251', '220-81-625170', '22O-81-62517', 'abcdefghij', '220/81/62517']) {
      expect(parseBusinessNumber(bad)).toEqual({ ok: false, problem: 'format' });
    }
  });

  it('uses the nine-digit weight rule including floor(d9·5/10)', () => {
    // d9 = 9 adds floor(45/10) = 4 to the sum.
    expect(businessNumberCheckDigit('000000009')).toBe((10 - ((9 * 5 + 4) % 10)) % 10);
  });

  it('formats as XXX-XX-XXXXX', () => {
    expect(formatBusinessNumber('2208162517')).toBe('220-81-62517');
    expect(formatBusinessNumber(' 220 81 62517')).toBe('220-81-62517');
  });

  it('refuses to format an invalid number', () => {
    expect(() => formatBusinessNumber('220-81-62518')).toThrow(RangeError);
  });

  it('completes any nine digits to a valid number, and one changed last digit breaks it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        const nine = String(n).padStart(9, '0');
        const valid = withCheckDigit(nine);
        expect(isValidBusinessNumber(valid)).toBe(true);
        const other = nine + ((Number(valid[9]) + 1) % 10);
        expect(isValidBusinessNumber(other)).toBe(false);
      }),
    );
  });

  it('has a Korean message for each problem', () => {
    expect(BUSINESS_NUMBER_MESSAGES.format).toMatch(/10자리/);
    expect(BUSINESS_NUMBER_MESSAGES.checkDigit).toMatch(/올바르지 않습니다/);
  });
});
