/**
 * 사업자등록번호 (business registration number): ten digits, written XXX-XX-XXXXX, with a check digit.
 * See the reference data business-number.md for the rule.
 */

const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

/** The check digit for the first nine digits. */
export function businessNumberCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * WEIGHTS[i]!;
  sum += Math.floor((Number(nineDigits[8]) * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

export type BusinessNumberProblem = 'format' | 'checkDigit';

/** Parses input with or without hyphens and surrounding spaces into ten digits, or says what is wrong. */
export function parseBusinessNumber(
  input: string,
): { ok: true; value: string } | { ok: false; problem: BusinessNumberProblem } {
  const compact = input.trim().replace(/[-\s]/g, '');
  if (!/^\d{10}$/.test(compact)) return { ok: false, problem: 'format' };
  if (businessNumberCheckDigit(compact) !== Number(compact[9])) return { ok: false, problem: 'checkDigit' };
  return { ok: true, value: compact };
}

/** True when the input is a well-formed number with a correct check digit. */
export function isValidBusinessNumber(input: string): boolean {
  return parseBusinessNumber(input).ok;
}

/** `XXX-XX-XXXXX` for a valid number (hyphens, spaces accepted on input). */
export function formatBusinessNumber(input: string): string {
  const parsed = parseBusinessNumber(input);
  if (!parsed.ok) throw new RangeError('invalid business registration number');
  const v = parsed.value;
  return `${v.slice(0, 3)}-${v.slice(3, 5)}-${v.slice(5)}`;
}

/** Completes nine digits with their check digit (for synthetic data and tests). */
export function withCheckDigit(nineDigits: string): string {
  return nineDigits + businessNumberCheckDigit(nineDigits);
}

/** Korean message for a parse problem. */
export const BUSINESS_NUMBER_MESSAGES: Record<BusinessNumberProblem, string> = {
  format: '사업자등록번호는 숫자 10자리여야 합니다 (예: 220-81-62517).',
  checkDigit: '사업자등록번호가 올바르지 않습니다. 번호를 다시 확인해 주세요 (검증번호 불일치).',
};
