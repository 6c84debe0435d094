import { describe, expect, it } from 'vitest';
import { brnFeedback } from './ClaimBusiness';

describe('brnFeedback', () => {
  it('stays quiet while fewer than ten digits are typed', () => {
    expect(brnFeedback('220-81', false)).toEqual({});
  });

  it('accepts a number with a correct check digit, with or without hyphens', () => {
    expect(brnFeedback('220-81-62517', false)).toEqual({ ok: true });
    expect(brnFeedback('2208162517', false)).toEqual({ ok: true });
  });

  it('names a wrong check digit as soon as ten digits are in', () => {
    expect(brnFeedback('220-81-62518', false).error).toContain('검증번호 불일치');
  });

  it('names a short number once the field is left, and letters at once', () => {
    expect(brnFeedback('220-81', true).error).toContain('숫자 10자리');
    expect(brnFeedback('22O', false).error).toContain('숫자 10자리');
  });
});
