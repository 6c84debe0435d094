import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_NUMBER_MESSAGES,
  BANK_CODES,
  BANKS,
  bankName,
  isBankCode,
  maskAccountNumber,
  parseAccountNumber,
} from './bank-account';

describe('bank codes', () => {
  it('lists each code once, three digits, with Korean and English names', () => {
    expect(new Set(BANK_CODES).size).toBe(BANKS.length);
    for (const b of BANKS) {
      expect(b.code).toMatch(/^\d{3}$/);
      expect(b.ko).toMatch(/[가-힣]/);
      expect(b.en).not.toMatch(/[가-힣]/);
    }
  });

  it('names a known bank and nothing for an unknown code', () => {
    expect(bankName('088')).toBe('신한은행');
    expect(bankName('088', 'en')).toBe('Shinhan Bank');
    expect(isBankCode('090')).toBe(true);
    expect(isBankCode('999')).toBe(false);
    expect(bankName('999')).toBeUndefined();
  });
});

describe('account numbers', () => {
  it('accepts 10 to 14 digits with hyphens or spaces and keeps the digits', () => {
    expect(parseAccountNumber('110-123-456456')).toEqual({ ok: true, value: '110123456456' });
    expect(parseAccountNumber(' 3333 01 2345678 ')).toEqual({ ok: true, value: '3333012345678' });
    expect(parseAccountNumber('1234567890')).toEqual({ ok: true, value: '1234567890' });
    expect(parseAccountNumber('12345678901234')).toEqual({ ok: true, value: '12345678901234' });
  });

  it('refuses letters, too few or too many digits, and over-long input', () => {
    expect(parseAccountNumber('110-12a-456456')).toEqual({ ok: false, problem: 'format' });
    expect(parseAccountNumber('')).toEqual({ ok: false, problem: 'format' });
    expect(parseAccountNumber('123456789')).toEqual({ ok: false, problem: 'length' });
    expect(parseAccountNumber('123456789012345')).toEqual({ ok: false, problem: 'length' });
    expect(parseAccountNumber(`1${'-'.repeat(40)}234567890`)).toEqual({ ok: false, problem: 'length' });
    expect(ACCOUNT_NUMBER_MESSAGES.length).toContain('10~14자리');
  });

  it('masks all but the first and last three digits', () => {
    expect(maskAccountNumber('110123456456')).toBe('110-***-***456');
    expect(maskAccountNumber('1234567890')).toBe('123-***-*890');
    expect(maskAccountNumber('12345678901234')).toBe('123-***-*****234');
    for (const n of ['1234567890', '110123456456', '12345678901234']) {
      const masked = maskAccountNumber(n);
      expect(masked.replace(/[^0-9]/g, '')).toBe(n.slice(0, 3) + n.slice(-3));
      expect(masked.replace(/-/g, '')).toHaveLength(n.length);
    }
    expect(maskAccountNumber('123')).toBe('***');
  });
});
