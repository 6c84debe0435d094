/**
 * Bank accounts for relief payments (신속지급): the three-digit bank codes of Korean interbank transfers
 * (금융기관 코드, reference data bank-codes.md), account numbers checked the way the data allows — digits only
 * once hyphens and spaces are removed, 10 to 14 of them (the length varies by bank, so no per-bank format) —
 * and the masked form the portal shows back (`110-***-***456`). The clear number is never shown after entry.
 */

/** The receiving institutions a payment file may name, by code, with their Korean and English names. */
export const BANKS = [
  { code: '002', ko: 'KDB산업은행', en: 'KDB Korea Development Bank' },
  { code: '003', ko: 'IBK기업은행', en: 'IBK Industrial Bank of Korea' },
  { code: '004', ko: 'KB국민은행', en: 'KB Kookmin Bank' },
  { code: '007', ko: 'Sh수협은행', en: 'Sh Suhyup Bank' },
  { code: '011', ko: 'NH농협은행', en: 'NH NongHyup Bank' },
  { code: '012', ko: '지역농·축협', en: 'Local NongHyup (agricultural and livestock cooperatives)' },
  { code: '020', ko: '우리은행', en: 'Woori Bank' },
  { code: '023', ko: 'SC제일은행', en: 'SC First Bank' },
  { code: '027', ko: '한국씨티은행', en: 'Citibank Korea' },
  { code: '031', ko: 'iM뱅크 (옛 대구은행)', en: 'iM Bank (formerly Daegu Bank)' },
  { code: '032', ko: '부산은행', en: 'Busan Bank' },
  { code: '034', ko: '광주은행', en: 'Gwangju Bank' },
  { code: '035', ko: '제주은행', en: 'Jeju Bank' },
  { code: '037', ko: '전북은행', en: 'Jeonbuk Bank' },
  { code: '039', ko: '경남은행', en: 'Kyongnam Bank' },
  { code: '045', ko: '새마을금고', en: 'MG Community Credit Cooperatives' },
  { code: '048', ko: '신협', en: 'Credit Union (Shinhyup)' },
  { code: '050', ko: '저축은행', en: 'Savings banks' },
  { code: '064', ko: '산림조합', en: 'National Forestry Cooperatives' },
  { code: '071', ko: '우체국', en: 'Korea Post' },
  { code: '081', ko: '하나은행', en: 'Hana Bank' },
  { code: '088', ko: '신한은행', en: 'Shinhan Bank' },
  { code: '089', ko: '케이뱅크', en: 'K Bank' },
  { code: '090', ko: '카카오뱅크', en: 'KakaoBank' },
  { code: '092', ko: '토스뱅크', en: 'Toss Bank' },
] as const;

export type BankCode = (typeof BANKS)[number]['code'];

export const BANK_CODES = BANKS.map((b) => b.code) as unknown as readonly [BankCode, ...BankCode[]];

const BANK_BY_CODE = new Map<string, (typeof BANKS)[number]>(BANKS.map((b) => [b.code, b]));

export function isBankCode(code: string): code is BankCode {
  return BANK_BY_CODE.has(code);
}

/** The bank's name in the given language, or undefined for an unknown code. */
export function bankName(code: string, lang: 'ko' | 'en' = 'ko'): string | undefined {
  return BANK_BY_CODE.get(code)?.[lang];
}

export const ACCOUNT_NUMBER_MIN_DIGITS = 10;
export const ACCOUNT_NUMBER_MAX_DIGITS = 14;
/** Longest input accepted before normalising (digits plus hyphens and spaces as people type them). */
export const ACCOUNT_NUMBER_MAX_INPUT = 24;
export const ACCOUNT_HOLDER_MAX_LENGTH = 50;

export type AccountNumberProblem = 'format' | 'length';

/** Digits only, from input with hyphens or spaces; or what is wrong with it. */
export function parseAccountNumber(
  input: string,
): { ok: true; value: string } | { ok: false; problem: AccountNumberProblem } {
  if (input.length > ACCOUNT_NUMBER_MAX_INPUT) return { ok: false, problem: 'length' };
  const compact = input.trim().replace(/[-\s]/g, '');
  if (!/^\d+$/.test(compact)) return { ok: false, problem: 'format' };
  if (compact.length < ACCOUNT_NUMBER_MIN_DIGITS || compact.length > ACCOUNT_NUMBER_MAX_DIGITS)
    return { ok: false, problem: 'length' };
  return { ok: true, value: compact };
}

export const ACCOUNT_NUMBER_MESSAGES: Record<AccountNumberProblem, string> = {
  format: '계좌번호는 숫자로 입력해 주세요. 하이픈(-)은 넣어도 되고 빼도 됩니다.',
  length: `계좌번호는 숫자 ${ACCOUNT_NUMBER_MIN_DIGITS}~${ACCOUNT_NUMBER_MAX_DIGITS}자리여야 합니다. 통장에 적힌 번호를 확인해 주세요.`,
};

/**
 * The masked form shown back to the owner and to staff: the first three and the last three digits, the rest
 * as `*` in groups — `110123456456` → `110-***-***456`. Nothing else of the number is ever displayed.
 */
export function maskAccountNumber(digits: string): string {
  const d = digits.replace(/\D/g, '');
  if (d.length < 7) return '*'.repeat(d.length);
  const middle = d.length - 6;
  const first = Math.min(3, middle);
  return `${d.slice(0, 3)}-${'*'.repeat(first)}-${'*'.repeat(middle - first)}${d.slice(-3)}`;
}
