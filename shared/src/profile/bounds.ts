/**
 * The bounds of a profile that depend on the date: how far ahead a date may lie, and the employee count an
 * owner must confirm. The static bounds (1950 onwards, closure not before opening, no emoji in a trade name)
 * are in the schema itself (profile.ts); these take "today" from the caller, who reads it from its clock
 * (`todayInKorea(clock)`), so that the server and the form agree and tests can fix the date. See
 * docs/profile-format.md ("Bounds").
 */
import { fromDayNumber, toDayNumber } from '../dates';
import { smallBusinessEmployeeLimit } from '../reference/small-business';
import { formatDate, josa } from '../rules/format';
import type { FieldError } from '../validation';
import type { BusinessProfile } from './profile';

/**
 * How many days after today a registered business's opening date may lie: a 사업자등록 may be issued before
 * the business opens (부가가치세법 제8조), so an opening a few weeks ahead is real; a later one is a plan, which
 * belongs to a pre-startup founder.
 */
export const OPENING_MARGIN_DAYS = 30;

/** How many days after today a recorded past event (closure, damage confirmation) may lie: clock differences only. */
export const RECORDED_MARGIN_DAYS = 1;

/** Planned dates (a planned closure, a pre-startup founder's opening) may lie up to the end of this many years ahead. */
export const PLANNED_YEARS_AHEAD = 5;

type DatedProfile = Pick<
  BusinessProfile,
  | 'preStartup'
  | 'openingDate'
  | 'closureDate'
  | 'plannedClosureDate'
  | 'previousClosureDate'
  | 'disasterDamage'
>;

/** The latest planned date on `today`: 31 December, `PLANNED_YEARS_AHEAD` years on. */
export function latestPlannedDate(today: string): string {
  return `${Number(today.slice(0, 4)) + PLANNED_YEARS_AHEAD}-12-31`;
}

const plusDays = (iso: string, days: number) => fromDayNumber(toDayNumber(iso) + days);

/** Dates of a valid profile that lie too far ahead of `today`; paths are prefixed with `prefix`. */
export function profileDateErrors(p: DatedProfile, today: string, prefix = ''): FieldError[] {
  const at = (path: string) => [prefix, path].filter(Boolean).join('.');
  const errors: FieldError[] = [];
  const check = (path: string, label: string, value: string | undefined, latest: string) => {
    if (value !== undefined && value > latest)
      errors.push({
        path: at(path),
        message: `${josa(label, '은/는')} ${formatDate(latest)}까지여야 합니다.`,
      });
  };
  const planned = latestPlannedDate(today);
  const recorded = plusDays(today, RECORDED_MARGIN_DAYS);
  // A pre-startup founder's opening date is a plan; a registered business's is a fact, weeks ahead at most.
  check(
    'openingDate',
    '개업일',
    p.openingDate,
    p.preStartup ? planned : plusDays(today, OPENING_MARGIN_DAYS),
  );
  check('closureDate', '폐업일', p.closureDate, recorded);
  check('previousClosureDate', '이전 사업 폐업일', p.previousClosureDate, recorded);
  check('plannedClosureDate', '폐업 예정일', p.plannedClosureDate, planned);
  p.disasterDamage.forEach((d, i) => {
    check(`disasterDamage.${i}.confirmedOn`, '피해 확인일', d.confirmedOn, recorded);
  });
  return errors;
}

/** True when an employee count is at or above the industry's 소상공인 limit, so the owner must confirm it. */
export function employeesNeedConfirmation(ksic: string, employees: number | undefined | null): boolean {
  return typeof employees === 'number' && employees >= smallBusinessEmployeeLimit(ksic);
}

/** The error for an unconfirmed count above the 소상공인 limit: "상시근로자 12명은 … 맞으면 …". */
export function employeeConfirmationError(ksic: string, employees: number, path: string): FieldError {
  const limit = smallBusinessEmployeeLimit(ksic);
  return {
    path,
    message: `상시근로자 ${employees.toLocaleString('en-US')}명은 이 업종의 소상공인 기준(${limit}명 미만)을 넘습니다. 인원이 맞으면 확인란에 표시해 주세요.`,
  };
}
