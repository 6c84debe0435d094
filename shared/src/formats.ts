import * as z from 'zod/mini';
import { parseBusinessNumber } from './business-number/business-number';
import { isIsoDate } from './dates';
import { isKsicCode, isKsicPrefix } from './reference/ksic';
import { findSigungu, isRegionCode } from './reference/regions';

/**
 * The string formats the API enforces, each as one zod schema: the check the server runs (`refine`) plus
 * the `format`/`pattern` an outside tool can check without our reference tables. The domain schemas and the
 * API contract (`contract/`) both use these, so the OpenAPI document says what the server accepts.
 */

/** A calendar date, `YYYY-MM-DD` (2026-02-30 is refused). */
export const IsoDateSchema = z
  .string()
  .check(
    z.refine(isIsoDate, { message: '날짜는 YYYY-MM-DD 형식이어야 합니다.' }),
    z.meta({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  );

/** A known 5-digit 시군구 code (행정표준코드). */
export const SigunguCodeSchema = z.string().check(
  z.refine((c) => findSigungu(c) !== undefined, { message: '알 수 없는 시군구 코드입니다.' }),
  z.meta({ pattern: '^\\d{5}$' }),
);

/** A known 2-digit 시도 or 5-digit 시군구 code. */
export const REGION_CODE_PATTERN = '^(\\d{2}|\\d{5})$';

/** A known KSIC code, 2–5 digits in a known division. */
export const KsicCodeSchema = z
  .string()
  .check(
    z.refine(isKsicCode, { message: '알 수 없는 산업분류(KSIC) 코드입니다.' }),
    z.meta({ pattern: '^\\d{2,5}$' }),
  );

/** A KSIC prefix a rule may use: a section letter (A–U) or a 2–5 digit code. */
export const KsicPrefixSchema = z
  .string()
  .check(
    z.refine(isKsicPrefix, { message: '알 수 없는 산업분류 코드입니다 (대분류 문자 또는 숫자 코드).' }),
    z.meta({ pattern: '^([A-U]|\\d{2,5})$' }),
  );

/** A region code with the given message (rules and the catalog filter word it differently). */
export const regionCodeSchema = (message: string) =>
  z.string().check(z.refine(isRegionCode, { message }), z.meta({ pattern: REGION_CODE_PATTERN }));

/** 사업자등록번호 as typed: ten digits, hyphens and spaces allowed, correct check digit. */
export const BUSINESS_NUMBER_INPUT_PATTERN = '^[-\\s]*(\\d[-\\s]*){10}$';
/** 사업자등록번호 as stored and returned: ten digits. */
export const BUSINESS_NUMBER_PATTERN = '^\\d{10}$';

/** Program and disaster ids: lowercase letters, digits and hyphens, 2–64 characters. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;

/** Checks a business number and gives the ten digits; the message names what is wrong. */
export const BusinessNumberSchema = z
  .pipe(
    z.string(),
    z.transform((value, ctx) => {
      const parsed = parseBusinessNumber(value);
      if (!parsed.ok) {
        // zod/mini's transform has no `addIssue`: the issue goes on the payload, as classic zod's helper did.
        ctx.issues.push({
          code: 'custom',
          input: value,
          message:
            parsed.problem === 'format'
              ? '사업자등록번호는 숫자 10자리여야 합니다.'
              : '사업자등록번호의 검증번호가 맞지 않습니다.',
        });
        return z.NEVER;
      }
      return parsed.value;
    }),
  )
  .check(z.meta({ pattern: BUSINESS_NUMBER_INPUT_PATTERN }));
