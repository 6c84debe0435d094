/**
 * The wording of every condition, defined once: the requirement sentence (as written, and negated for a
 * condition under an odd number of `not`s) and the "if …" clause that near misses use, in Korean and English.
 * Evaluation reasons, near misses and `describeRule` all read from here.
 */
import type { Disaster } from '../disaster/disaster';
import { DISASTER_KIND_LABELS } from '../disaster/disaster';
import { STAGE_LABELS } from '../lifecycle/stage';
import { FLAG_LABELS } from '../profile/profile';
import { KSIC_SECTIONS, ksicName, ksicSection } from '../reference/ksic';
import { regionName } from '../reference/regions';
import {
  formatDate,
  formatNumber,
  formatWon,
  formatWonEn,
  ifIs,
  ifIsNot,
  josa,
  listEn,
  listKo,
  mustBe,
  mustNotBe,
} from './format';
import type { Bounds, Condition, DisasterSelector, RangeField } from './types';

/** Names the texts may use for ids that a rule refers to; ids are shown when a name is unknown. */
export interface PhraseNames {
  /** Program titles by id, for prior-support conditions. */
  readonly programTitles?: Readonly<Record<string, string>> | undefined;
  /** English program titles by id, for the English texts. */
  readonly programTitlesEn?: Readonly<Record<string, string>> | undefined;
  /** Declared disasters, for disaster conditions that select one by id. */
  readonly disasters?: readonly Disaster[] | undefined;
}

/** A pair of texts: [as written, negated]. */
export type Polar = readonly [string, string];

export interface LeafWording {
  /** "상시근로자 5명 미만이어야 합니다" / "상시근로자 5명 미만이 아니어야 합니다". */
  readonly ko: Polar;
  readonly en: Polar;
  /** "상시근로자가 5명 미만이면" / "상시근로자가 5명 미만이 아니면". */
  readonly ifKo: Polar;
  /** "regular employees were under 5". */
  readonly ifEn: Polar;
}

/** How each numeric fact is named and its values written. */
export const RANGE_WORDS: Record<
  RangeField,
  { ko: string; en: string; value: (n: number) => string; valueEn: (n: number) => string }
> = {
  businessAgeYears: {
    ko: '업력',
    en: 'business age',
    value: (n) => `${n}년`,
    valueEn: (n) => (n === 1 ? '1 year' : `${n} years`),
  },
  businessAgeDays: {
    ko: '업력',
    en: 'business age',
    value: (n) => `${formatNumber(n)}일`,
    valueEn: (n) => `${formatNumber(n)} days`,
  },
  employees: {
    ko: '상시근로자',
    en: 'regular employees',
    value: (n) => `${formatNumber(n)}명`,
    valueEn: (n) => formatNumber(n),
  },
  revenue: { ko: '연매출', en: 'annual revenue', value: formatWon, valueEn: formatWonEn },
  revenueAvg3y: {
    ko: '최근 3년 평균 매출',
    en: '3-year average revenue',
    value: formatWon,
    valueEn: formatWonEn,
  },
  ownerAge: { ko: '대표자 나이', en: "owner's age", value: (n) => `${n}세`, valueEn: (n) => `${n}` },
  highestLoanRate: {
    ko: '보유 대출의 최고 금리',
    en: 'highest loan rate',
    value: (n) => `연 ${formatNumber(n)}%`,
    valueEn: (n) => `${formatNumber(n)}% a year`,
  },
};

function boundsKo(b: Bounds, value: (n: number) => string): string {
  const parts: string[] = [];
  if (b.gte !== undefined) parts.push(`${value(b.gte)} 이상`);
  if (b.gt !== undefined) parts.push(`${value(b.gt)} 초과`);
  if (b.lte !== undefined) parts.push(`${value(b.lte)} 이하`);
  if (b.lt !== undefined) parts.push(`${value(b.lt)} 미만`);
  return parts.join(' ');
}

function boundsEn(b: Bounds, value: (n: number) => string): string {
  const parts: string[] = [];
  if (b.gte !== undefined) parts.push(`at least ${value(b.gte)}`);
  if (b.gt !== undefined) parts.push(`more than ${value(b.gt)}`);
  if (b.lte !== undefined) parts.push(`at most ${value(b.lte)}`);
  if (b.lt !== undefined) parts.push(`under ${value(b.lt)}`);
  return parts.join(' and ');
}

/** "일반유흥 주점업(56211)", "도매 및 소매업(G)". */
export function industryLabel(code: string): string {
  return `${ksicName(code)}(${code})`;
}

/** "Manufacturing (C)", "KSIC 56211 (in Accommodation and food service activities)". */
export function industryLabelEn(code: string): string {
  const section = KSIC_SECTIONS.find((s) => s.code === code);
  if (section) return `${section.nameEn} (${code})`;
  const within = KSIC_SECTIONS.find((s) => s.code === ksicSection(code));
  return within ? `KSIC ${code} (in ${within.nameEn})` : `KSIC ${code}`;
}

/** "「신사업창업사관학교」" when the title is known, else the id. */
function programLabel(id: string, names: PhraseNames): string {
  return `「${names.programTitles?.[id] ?? id}」`;
}

/** The disasters a selector names: "「2025년 3월 산불」", "선포된 산불 재난", "선포된 재난". */
export function selectorLabel(s: DisasterSelector, names: PhraseNames): { ko: string; en: string } {
  if (s.disasterId !== undefined) {
    const d = names.disasters?.find((x) => x.id === s.disasterId);
    return { ko: `재난 「${d?.name ?? s.disasterId}」`, en: `the disaster "${d?.nameEn ?? s.disasterId}"` };
  }
  if (s.disasterKind !== undefined)
    return {
      ko: `선포된 ${DISASTER_KIND_LABELS[s.disasterKind]} 재난`,
      en: `a declared ${s.disasterKind} disaster`,
    };
  return { ko: '선포된 재난', en: 'a declared disaster' };
}

/** A condition phrased as "be <noun>": the copula and its negation attach to the noun. */
function copula(prefixKo: string, noun: string, ifPrefixKo: string, en: string, ifEn: string): LeafWording {
  return {
    ko: [`${prefixKo}${mustBe(noun)}`, `${prefixKo}${mustNotBe(noun)}`],
    en: [`Must be ${en}`, `Must not be ${en}`],
    ifKo: [`${ifPrefixKo}${ifIs(noun)}`, `${ifPrefixKo}${ifIsNot(noun)}`],
    ifEn: [`it were ${ifEn}`, `it were not ${ifEn}`],
  };
}

function polar(ko: Polar, en: Polar, ifKo: Polar, ifEn: Polar): LeafWording {
  return { ko, en, ifKo, ifEn };
}

/** The wording of one condition. */
export function leafWording(c: Condition, names: PhraseNames = {}): LeafWording {
  switch (c.type) {
    case 'range': {
      const w = RANGE_WORDS[c.field];
      const ko = boundsKo(c, w.value);
      const en = boundsEn(c, w.valueEn);
      return polar(
        [`${w.ko} ${mustBe(ko)}`, `${w.ko} ${mustNotBe(ko)}`],
        [`The ${w.en} must be ${en}`, `The ${w.en} must not be ${en}`],
        [`${josa(w.ko, '이/가')} ${ifIs(ko)}`, `${josa(w.ko, '이/가')} ${ifIsNot(ko)}`],
        [`the ${w.en} were ${en}`, `the ${w.en} were not ${en}`],
      );
    }
    case 'region': {
      const ko = listKo(c.codes.map(regionName), 8, '곳');
      const en = listEn(
        c.codes.map((x) => `${regionName(x)} (${x})`),
        8,
      );
      const inside = polar(
        [`사업장이 ${ko}에 있어야 합니다`, `사업장이 ${ko}에 있지 않아야 합니다`],
        [`The business must be located in ${en}`, `The business must not be located in ${en}`],
        [`사업장이 ${ko}에 있으면`, `사업장이 ${ko}에 있지 않으면`],
        [`the business were located in ${en}`, `the business were not located in ${en}`],
      );
      return c.op === 'in' ? inside : swap(inside);
    }
    case 'industry': {
      const labels = c.codes.map(industryLabel);
      const ko = listKo(labels, 8);
      const en = listEn(c.codes.map(industryLabelEn), 8);
      const noun = labels.length === 1 ? ko : `${ko} 중 하나`;
      const inside = polar(
        [`업종이 ${mustBe(noun)}`, `업종이 ${mustNotBe(ko)}`],
        [`The industry must be ${en}`, `The industry must not be ${en}`],
        [`업종이 ${ifIs(noun)}`, `업종이 ${ifIsNot(ko)}`],
        [`the industry were ${en}`, `the industry were not ${en}`],
      );
      return c.op === 'in' ? inside : swap(inside);
    }
    case 'smallBusiness':
      return copula('', '소상공인', '', 'a small business', 'a small business');
    case 'flag': {
      const { ko, en } = FLAG_LABELS[c.flag];
      const present = polar(
        [`${ko}에 해당해야 합니다`, `${ko}에 해당하지 않아야 합니다`],
        [`Required: ${en}`, `Excluded: ${en}`],
        [`${ko}에 해당하면`, `${ko}에 해당하지 않으면`],
        [`"${en}" applied`, `"${en}" did not apply`],
      );
      return c.present ? present : swap(present);
    }
    case 'priorSupport': {
      const when = c.withinYears === undefined ? '' : `최근 ${c.withinYears}년(연도 기준) 안에 `;
      const whenEn = c.withinYears === undefined ? '' : ` within the last ${c.withinYears} years`;
      const program = programLabel(c.programId, names);
      const programEn = names.programTitlesEn?.[c.programId] ?? c.programId;
      const present = polar(
        [
          `${when}${program} 지원을 받은 적이 있어야 합니다`,
          `${when}${program} 지원을 받은 적이 없어야 합니다`,
        ],
        [
          `Must have received support from "${programEn}"${whenEn}`,
          `Must not have received support from "${programEn}"${whenEn}`,
        ],
        [`${when}${program} 지원을 받은 적이 있으면`, `${when}${program} 지원을 받은 적이 없으면`],
        [
          `it had received support from "${programEn}"${whenEn}`,
          `it had not received support from "${programEn}"${whenEn}`,
        ],
      );
      return c.present ? present : swap(present);
    }
    case 'disasterArea': {
      const s = selectorLabel(c, names);
      return polar(
        [
          `${s.ko} 지역에 있고 재난 시작일에 영업 중이었어야 합니다`,
          `${s.ko} 지역에서 재난 시작일에 영업 중이던 사업장이 아니어야 합니다`,
        ],
        [
          `Must be in the area of ${s.en} and operating when it began`,
          `Must not be in the area of ${s.en} and operating when it began`,
        ],
        [
          `${s.ko} 지역에서 재난 시작일에 영업 중이었으면`,
          `${s.ko} 지역에서 재난 시작일에 영업 중이던 사업장이 아니면`,
        ],
        [
          `it were in the area of ${s.en} and operating when it began`,
          `it were not in the area of ${s.en} and operating when it began`,
        ],
      );
    }
    case 'disasterDamage': {
      const s = selectorLabel(c, names);
      return polar(
        [
          `${s.ko} 지역에서 재난 시작일에 영업 중이었고 지방자치단체의 피해 확인을 받아야 합니다`,
          `${s.ko} 피해를 확인받은 사업장이 아니어야 합니다`,
        ],
        [
          `Must have been operating in the area of ${s.en} when it began, with the damage confirmed by the local government`,
          `Must not have damage from ${s.en} confirmed`,
        ],
        [`지방자치단체에서 ${s.ko} 피해를 확인받으면`, `${s.ko} 피해를 확인받은 사업장이 아니면`],
        [`the local government confirmed its damage from ${s.en}`, `no damage from ${s.en} were confirmed`],
      );
    }
    case 'openedBefore': {
      const d = formatDate(c.date);
      return polar(
        [`${d} 전에 개업했어야 합니다`, `${d} 전에 개업한 사업장이 아니어야 합니다`],
        [`Must have opened before ${c.date}`, `Must not have opened before ${c.date}`],
        [`${d} 전에 개업했으면`, `${d} 전에 개업한 사업장이 아니면`],
        [`it had opened before ${c.date}`, `it had not opened before ${c.date}`],
      );
    }
    case 'operating': {
      if (c.date === undefined) {
        return polar(
          ['영업 중이어야 합니다', '영업 중이 아니어야 합니다'],
          ['Must be operating (opened, not closed)', 'Must not be operating'],
          ['영업 중이면', '영업 중이 아니면'],
          ['it were operating', 'it were not operating'],
        );
      }
      const d = formatDate(c.date);
      return polar(
        [`${d}에 영업 중이었어야 합니다`, `${d}에 영업 중이 아니었어야 합니다`],
        [`Must have been operating on ${c.date}`, `Must not have been operating on ${c.date}`],
        [`${d}에 영업 중이었으면`, `${d}에 영업 중이 아니었으면`],
        [`it had been operating on ${c.date}`, `it had not been operating on ${c.date}`],
      );
    }
    case 'closure': {
      const closedKo =
        c.withinDays === undefined
          ? '폐업한 사업장'
          : `최근 ${formatNumber(c.withinDays)}일 안에 폐업한 사업장`;
      const closedEn =
        c.withinDays === undefined
          ? 'a closed business'
          : `closed within the last ${formatNumber(c.withinDays)} days`;
      if (c.status === 'planned')
        return copula('', '폐업 예정인 사업장', '', 'planning to close', 'planning to close');
      if (c.status === 'closed') return copula('', closedKo, '', closedEn, closedEn);
      const ko = `폐업 예정이거나 ${closedKo}`;
      return copula('', ko, '', `planning to close or ${closedEn}`, `planning to close or ${closedEn}`);
    }
    case 'restart': {
      const noun = `이전 사업 폐업 후 ${c.withinYears}년 안에 다시 창업한 재창업 사업장`;
      const en = `a restart opened within ${c.withinYears} years of the owner's previous closure`;
      return copula('', noun, '', en, en);
    }
    case 'preStartup':
      return copula('', '예비창업자(사업자등록 전)', '', 'a pre-startup founder', 'a pre-startup founder');
    case 'stage': {
      const ko = c.stages.map((s) => STAGE_LABELS[s].ko).join(' 또는 ');
      const en = c.stages.map((s) => STAGE_LABELS[s].en.toLowerCase()).join(' or ');
      return polar(
        [`생애주기 단계가 ${mustBe(ko)}`, `생애주기 단계가 ${mustNotBe(ko)}`],
        [`The lifecycle stage must be ${en}`, `The lifecycle stage must not be ${en}`],
        [`생애주기 단계가 ${ifIs(ko)}`, `생애주기 단계가 ${ifIsNot(ko)}`],
        [`the lifecycle stage were ${en}`, `the lifecycle stage were not ${en}`],
      );
    }
  }
}

function swap(w: LeafWording): LeafWording {
  return {
    ko: [w.ko[1], w.ko[0]],
    en: [w.en[1], w.en[0]],
    ifKo: [w.ifKo[1], w.ifKo[0]],
    ifEn: [w.ifEn[1], w.ifEn[0]],
  };
}

/** What the 소상공인 condition means, for program pages (thresholds vary by industry). */
export const SMALL_BUSINESS_NOTE = {
  ko: '상시근로자 5명 미만(광업·제조업·건설업·운수업은 10명 미만)이고 최근 3년 평균 매출이 업종별 소기업 기준 이하',
  en: 'fewer than 5 regular employees (10 in mining, manufacturing, construction and transport) and 3-year average revenue within the industry cap',
};

/**
 * What would have to change for a blocking condition to hold, for near misses:
 * "상시근로자가 5명 미만이면 신청할 수 있습니다". `unknown` adds that the fact is not on record yet;
 * `smallBusiness` gives the industry's 소상공인 thresholds when the condition is the 소상공인 test.
 */
export function changeSentence(
  c: Condition,
  w: LeafWording,
  negated: boolean,
  unknown: boolean,
  smallBusiness?: { employeeLimit: number; revenueCap: number },
): { ko: string; en: string } {
  const k = negated ? 1 : 0;
  let ifKo = w.ifKo[k];
  let ifEn = w.ifEn[k];
  if (c.type === 'smallBusiness' && !negated && smallBusiness) {
    const cap = formatWon(smallBusiness.revenueCap);
    ifKo = `소상공인 기준(상시근로자 ${smallBusiness.employeeLimit}명 미만, 매출 ${cap} 이하)을 충족하면`;
    ifEn = `it met the small-business limits (under ${smallBusiness.employeeLimit} employees, revenue at most ${formatWonEn(smallBusiness.revenueCap)})`;
  }
  return unknown
    ? {
        ko: `${ifKo} 신청할 수 있습니다 (지금은 정보가 없어 확인할 수 없습니다)`,
        en: `Eligible if ${ifEn} (not on record yet)`,
      }
    : { ko: `${ifKo} 신청할 수 있습니다`, en: `Eligible if ${ifEn}` };
}
