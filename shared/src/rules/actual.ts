/**
 * The business's actual value behind each condition, shown after the requirement:
 * "상시근로자 5명 미만이어야 합니다 (현재 6명)".
 */
import { STAGE_LABELS } from '../lifecycle/stage';
import { ksicName } from '../reference/ksic';
import { regionName } from '../reference/regions';
import { confirmedDamage, countedSupport, disastersAffecting } from './conditions';
import type { Facts } from './facts';
import { formatDate, formatDateEn, formatNumber, formatWon, formatWonEn } from './format';
import { RANGE_WORDS } from './phrases';
import type { Condition } from './types';

export interface Actual {
  ko: string;
  en: string;
}

const UNKNOWN: Actual = { ko: '정보 없음', en: 'not known' };
/** A founder who has not opened: declared pre-startup, or opening only after the evaluation date. */
function notOpened(f: Facts): Actual {
  const d = f.profile.openingDate;
  if (f.profile.preStartup === true || d === undefined)
    return { ko: '예비창업자: 아직 개업 전', en: 'pre-startup founder, not opened yet' };
  return { ko: `${formatDate(d)} 개업 예정`, en: `opening on ${formatDateEn(d)}` };
}
const OPENING_UNKNOWN: Actual = { ko: '개업일 정보 없음', en: 'opening date not known' };

/** "한식 일반 음식점업 56111"; an unnamed code shows its division's name. */
function industryNow(code: string): string {
  const own = ksicName(code);
  if (!own.startsWith('산업분류')) return `${own} ${code}`;
  const division = ksicName(code.slice(0, 2));
  return division.startsWith('산업분류') ? code : `${division} ${code}`;
}

function opening(f: Facts): Actual {
  const d = f.profile.openingDate!;
  return { ko: `개업일 ${formatDate(d)}`, en: `opened ${d}` };
}

/**
 * What the actual value of a condition depends on besides the business: conditions with the same key show
 * the same value, so a business's values are written once across all the programs evaluated for it.
 */
function actualKey(c: Condition): string {
  switch (c.type) {
    case 'range':
      return `range:${c.field}`;
    case 'flag':
      return `flag:${c.flag}`;
    case 'priorSupport':
      return `priorSupport:${c.programId}:${c.withinYears ?? ''}`;
    case 'disasterArea':
    case 'disasterDamage':
      return `${c.type}:${c.disasterId ?? ''}:${c.disasterKind ?? ''}`;
    case 'operating':
      return `operating:${c.date ?? ''}`;
    default:
      return c.type;
  }
}

/** `actualValue`, remembered in the facts of the business. */
export function memoActual(c: Condition, f: Facts): Actual {
  const key = actualKey(c);
  let a = f.memo.get(key);
  if (a === undefined) {
    a = actualValue(c, f);
    f.memo.set(key, a);
  }
  return a;
}

/** The actual value a condition looked at, or what was missing. */
export function actualValue(c: Condition, f: Facts): Actual {
  const p = f.profile;
  switch (c.type) {
    case 'region':
      return {
        ko: `현재 ${regionName(p.regionCode)}`,
        en: `now ${regionName(p.regionCode)} (${p.regionCode})`,
      };
    case 'industry':
      return { ko: `현재 ${industryNow(p.ksic)}`, en: `now KSIC ${p.ksic}` };
    case 'range': {
      const v = f.ranges[c.field];
      if (v === undefined) return UNKNOWN;
      if (v === 'none') return notOpened(f);
      const w = RANGE_WORDS[c.field];
      const untilClosure = f.closed && (c.field === 'businessAgeYears' || c.field === 'businessAgeDays');
      return untilClosure
        ? { ko: `폐업까지 ${w.value(v)}`, en: `${w.valueEn(v)} until closure` }
        : { ko: `현재 ${w.value(v)}`, en: `now ${w.valueEn(v)}` };
    }
    case 'smallBusiness': {
      const revenue = p.revenueAvg3y ?? p.revenue;
      const emp = p.employees === undefined ? '근로자 수 정보 없음' : `${formatNumber(p.employees)}명`;
      const rev = revenue === undefined ? '매출 정보 없음' : formatWon(revenue);
      return {
        ko: `업종 기준 상시근로자 ${f.employeeLimit}명 미만·매출 ${formatWon(f.revenueCap)} 이하, 현재 ${emp}·${rev}`,
        en: `industry limits: under ${f.employeeLimit} employees, revenue at most ${formatWonEn(f.revenueCap)}; now ${
          p.employees === undefined
            ? 'employees unknown'
            : p.employees === 1
              ? '1 employee'
              : `${p.employees} employees`
        }, ${revenue === undefined ? 'revenue unknown' : formatWonEn(revenue)}`,
      };
    }
    case 'flag': {
      const v = p.flags[c.flag];
      if (v === undefined) return UNKNOWN;
      return v ? { ko: '현재 해당', en: 'now yes' } : { ko: '현재 해당하지 않음', en: 'now no' };
    }
    case 'priorSupport': {
      const counted = countedSupport(c.programId, c.withinYears, f);
      const years = [...new Set(counted.map((s) => s.year))].sort();
      // An award made through the portal is a fact, not the owner's say-so: the reason tells which.
      const portal = counted.some((s) => s.source === 'portal');
      if (years.length > 0)
        return portal
          ? {
              ko: `${years.join('·')}년 지원받음(포털 선정)`,
              en: `supported in ${years.join(', ')} (awarded through the portal)`,
            }
          : { ko: `${years.join('·')}년 지원받음`, en: `supported in ${years.join(', ')}` };
      return c.withinYears === undefined
        ? { ko: '지원받은 기록 없음', en: 'no support on record' }
        : {
            ko: `${f.asOfYear - c.withinYears}년 이후 지원받은 기록 없음`,
            en: `no support on record since ${f.asOfYear - c.withinYears}`,
          };
    }
    case 'disasterArea': {
      const hits = disastersAffecting(c, f);
      if (hits.length === 0)
        return {
          ko: `현재 ${regionName(p.regionCode)}: 해당 재난 지역 아님`,
          en: `${regionName(p.regionCode)} is outside the disaster areas`,
        };
      const best =
        hits.find((h) => h.operating === true) ?? hits.find((h) => h.operating === null) ?? hits[0]!;
      const d = best.disaster;
      if (best.operating === null)
        return { ko: `「${d.name}」 지역, ${OPENING_UNKNOWN.ko}`, en: OPENING_UNKNOWN.en };
      return best.operating
        ? {
            ko: `「${d.name}」 지역, ${formatDate(d.startDate)}에 영업 중`,
            en: `in the area of "${d.nameEn ?? d.id}", operating on ${d.startDate}`,
          }
        : {
            ko: `「${d.name}」 지역이지만 ${formatDate(d.startDate)}에 영업하지 않음`,
            en: `in the area of "${d.nameEn ?? d.id}" but not operating on ${d.startDate}`,
          };
    }
    case 'disasterDamage': {
      const hits = confirmedDamage(c, f);
      if (hits.length === 0)
        return {
          ko: '이 지역의 해당 재난 피해 확인 기록 없음',
          en: 'no damage confirmation for a selected disaster in this area',
        };
      const h = hits.find((x) => x.operating === true) ?? hits.find((x) => x.operating === null) ?? hits[0]!;
      const confirmed = formatDate(h.confirmation.confirmedOn);
      const start = formatDate(h.disaster.startDate);
      if (h.operating === null)
        return {
          ko: `피해 확인 ${confirmed}, ${OPENING_UNKNOWN.ko}`,
          en: `damage confirmed on ${formatDateEn(h.confirmation.confirmedOn)}; ${OPENING_UNKNOWN.en}`,
        };
      return h.operating
        ? {
            ko: `피해 확인 ${confirmed}, 재난 시작일(${start})에 영업 중`,
            en: `damage confirmed on ${formatDateEn(h.confirmation.confirmedOn)}, operating when it began (${formatDateEn(h.disaster.startDate)})`,
          }
        : {
            ko: `피해 확인 ${confirmed}, 그러나 재난 시작일(${start})에 영업하지 않음`,
            en: `damage confirmed on ${formatDateEn(h.confirmation.confirmedOn)}, but not operating when it began (${formatDateEn(h.disaster.startDate)})`,
          };
    }
    case 'openedBefore':
      if (f.opened === 'no') return notOpened(f);
      return f.opened === 'unknown' ? OPENING_UNKNOWN : opening(f);
    case 'operating': {
      const date = c.date ?? f.asOf;
      if (f.opened === 'no') return notOpened(f);
      if (p.closureDate !== undefined && p.closureDate <= date)
        return { ko: `${formatDate(p.closureDate)} 폐업`, en: `closed on ${p.closureDate}` };
      if (f.opened === 'unknown') return OPENING_UNKNOWN;
      if (p.openingDate! > date) return opening(f);
      return { ko: `영업 중, ${opening(f).ko}`, en: `operating, ${opening(f).en}` };
    }
    case 'closure':
      if (f.closed)
        return {
          ko: `${formatDate(p.closureDate!)} 폐업 (${formatNumber(f.closedDaysAgo!)}일 전)`,
          en: `closed on ${p.closureDate} (${f.closedDaysAgo} days ago)`,
        };
      if (p.plannedClosureDate !== undefined)
        return {
          ko: `폐업 예정일 ${formatDate(p.plannedClosureDate)}`,
          en: `closure planned for ${p.plannedClosureDate}`,
        };
      if (f.opened === 'no') return notOpened(f);
      if (f.opened === 'unknown')
        return { ko: '폐업 기록과 폐업 예정일 없음', en: 'no closure on record or planned' };
      return { ko: `영업 중, 폐업 예정 없음`, en: 'operating, no closure planned' };
    case 'restart':
      if (p.previousClosureDate === undefined)
        return { ko: '이전 폐업 기록 없음', en: 'no previous closure' };
      if (f.opened === 'no') return notOpened(f);
      if (f.opened === 'unknown') return OPENING_UNKNOWN;
      return {
        ko: `이전 폐업 ${formatDate(p.previousClosureDate)}, ${opening(f).ko}`,
        en: `previous closure ${p.previousClosureDate}, ${opening(f).en}`,
      };
    case 'preStartup':
      return p.preStartup === true
        ? { ko: '현재 예비창업자', en: 'now a pre-startup founder' }
        : { ko: '현재 사업자', en: 'now a registered business' };
    case 'stage':
      return f.stage === undefined
        ? OPENING_UNKNOWN
        : {
            ko: `현재 ${STAGE_LABELS[f.stage.stage].ko}`,
            en: `now ${STAGE_LABELS[f.stage.stage].en.toLowerCase()}`,
          };
  }
}
