/**
 * The common ground for the json-logic-js and json-rules-engine baselines: each business as a plain object
 * of facts (the derived ones — ages, stage, closure — precomputed once per business, as an application
 * using those libraries would), and each rule as a boolean expression over those facts. Kleene logic is
 * kept exactly by translating every node into two expressions, "is true" and "is false" (unknown is
 * neither): all/any combine them, `not` swaps them, and a business is eligible when the root is true.
 */
import {
  addYears,
  type Condition,
  type Disaster,
  daysBetween,
  deriveStage,
  fullYearsBetween,
  KSIC_SECTIONS,
  type Rule,
  smallBusinessEmployeeLimit,
  smallBusinessRevenueCap,
  toDayNumber,
} from '@sbiz24/shared';
import type { RowFacts } from '@sbiz24/shared/columnar/rows';

export type Op = '===' | '!==' | '<' | '<=' | '>' | '>=' | 'in' | 'notIn' | 'contains' | 'notContains';

/** A value compared against: a constant, or another fact. */
export type Operand = string | number | boolean | null | readonly string[] | { fact: string };

/**
 * A boolean expression over facts. Numeric comparisons are false when the fact is null; `in` tests the fact
 * against a list, `contains` tests a list fact for a value.
 */
export type Expr =
  | { and: Expr[] }
  | { or: Expr[] }
  | { fact: string; op: Op; value: Operand }
  | { const: boolean };

export interface BaselineContext {
  asOf: string;
  disasters: readonly Disaster[];
}

export type Facts = Record<string, string | number | boolean | string[] | null>;

const SECTION_OF = new Map<number, string>();
for (const s of KSIC_SECTIONS)
  for (let d = s.divisions[0]; d <= s.divisions[1]; d++) SECTION_OF.set(d, s.code);

/** The facts of one business on the context's date. */
export function factsOf(p: RowFacts, ctx: BaselineContext): Facts {
  const { asOf } = ctx;
  const notOpened = p.preStartup === true || (p.openingDate !== undefined && p.openingDate > asOf);
  const closed = p.closureDate !== undefined && p.closureDate <= asOf;
  const opened = !notOpened && p.openingDate !== undefined;
  const end = closed ? p.closureDate! : asOf;
  const asOfYear = Number(asOf.slice(0, 4));
  const revenueForCap = p.revenueAvg3y ?? p.revenue;
  let restartMinYears: number | null = null;
  if (opened && p.previousClosureDate !== undefined && p.previousClosureDate <= p.openingDate!) {
    let n = 0;
    while (addYears(p.previousClosureDate, n) < p.openingDate!) n++;
    restartMinYears = n;
  }
  const facts: Facts = {
    regionCode: p.regionCode,
    sido: p.regionCode.slice(0, 2),
    section: SECTION_OF.get(Number(p.ksic.slice(0, 2))) ?? null,
    ksic2: p.ksic.slice(0, 2),
    ksic3: p.ksic.length >= 3 ? p.ksic.slice(0, 3) : null,
    ksic4: p.ksic.length >= 4 ? p.ksic.slice(0, 4) : null,
    ksic5: p.ksic.length >= 5 ? p.ksic : null,
    employees: p.employees ?? null,
    revenue: p.revenue ?? null,
    revenueAvg3y: p.revenueAvg3y ?? null,
    ownerAge: p.ownerBirthYear === undefined ? null : asOfYear - p.ownerBirthYear,
    highestLoanRate: p.highestLoanRate ?? null,
    notOpened,
    openingDay: notOpened || p.openingDate === undefined ? null : toDayNumber(p.openingDate),
    closureDay: p.closureDate === undefined ? null : toDayNumber(p.closureDate),
    businessAgeYears: opened ? fullYearsBetween(p.openingDate!, end) : null,
    businessAgeDays: opened ? daysBetween(p.openingDate!, end) : null,
    closed,
    closedDaysAgo: closed ? daysBetween(p.closureDate!, asOf) : null,
    plannedClosure: p.plannedClosureDate !== undefined,
    hasPreviousClosure: p.previousClosureDate !== undefined,
    restartMinYears,
    preStartup: p.preStartup === true,
    stage: deriveStage(p, asOf)?.stage ?? null,
    employeeLimit: smallBusinessEmployeeLimit(p.ksic),
    revenueForCap: revenueForCap ?? null,
    revenueCap: smallBusinessRevenueCap(p.ksic),
    damage: p.disasterDamage.map((d) => d.disasterId),
  };
  for (const [flag, value] of Object.entries(p.flags)) facts[`flag_${flag}`] = value ?? null;
  for (const s of p.priorSupport) {
    const key = `support_${s.programId}`;
    facts[key] = Math.max((facts[key] as number | undefined) ?? Number.NEGATIVE_INFINITY, s.year);
  }
  return facts;
}

const TRUE: Expr = { const: true };
const FALSE: Expr = { const: false };
const and = (...xs: Expr[]): Expr => (xs.length === 1 ? xs[0]! : { and: xs });
const or = (...xs: Expr[]): Expr => (xs.length === 0 ? FALSE : xs.length === 1 ? xs[0]! : { or: xs });
const is = (fact: string, op: Op, value: Operand): Expr => ({ fact, op, value });
const known = (fact: string) => is(fact, '!==', null);

/** A fact within bounds, and a known fact outside them. */
function bounds(fact: string, c: { gte?: number; gt?: number; lte?: number; lt?: number }) {
  const tests: Expr[] = [];
  const misses: Expr[] = [];
  const add = (op: Op, miss: Op, v: number | undefined) => {
    if (v === undefined) return;
    tests.push(is(fact, op, v));
    misses.push(is(fact, miss, v));
  };
  add('>=', '<', c.gte);
  add('>', '<=', c.gt);
  add('<=', '>', c.lte);
  add('<', '>=', c.lt);
  return { inside: and(known(fact), ...tests), outside: and(known(fact), or(...misses)) };
}

/** "Is true" and "is false" of a condition. */
function leaf(c: Condition, ctx: BaselineContext): { t: Expr; f: Expr } {
  switch (c.type) {
    case 'region': {
      const inside = or(
        ...c.codes.map((code) =>
          code.length === 2 ? is('sido', '===', code) : is('regionCode', '===', code),
        ),
      );
      return c.op === 'in' ? { t: inside, f: not(inside) } : { t: not(inside), f: inside };
    }
    case 'industry': {
      const inside = or(
        ...c.codes.map((code) =>
          /^[A-U]$/.test(code) ? is('section', '===', code) : is(`ksic${code.length}`, '===', code),
        ),
      );
      return c.op === 'in' ? { t: inside, f: not(inside) } : { t: not(inside), f: inside };
    }
    case 'range': {
      const { inside, outside } = bounds(c.field, c);
      const none =
        c.field === 'businessAgeYears' || c.field === 'businessAgeDays' ? [is('notOpened', '===', true)] : [];
      return { t: inside, f: or(...none, outside) };
    }
    case 'smallBusiness': {
      const eOk = and(known('employees'), { fact: 'employees', op: '<', value: { fact: 'employeeLimit' } });
      const eNo = and(known('employees'), { fact: 'employees', op: '>=', value: { fact: 'employeeLimit' } });
      const rOk = and(known('revenueForCap'), {
        fact: 'revenueForCap',
        op: '<=',
        value: { fact: 'revenueCap' },
      });
      const rNo = and(known('revenueForCap'), {
        fact: 'revenueForCap',
        op: '>',
        value: { fact: 'revenueCap' },
      });
      return { t: and(eOk, rOk), f: or(eNo, rNo) };
    }
    case 'flag':
      return { t: is(`flag_${c.flag}`, '===', c.present), f: is(`flag_${c.flag}`, '===', !c.present) };
    case 'priorSupport': {
      const since =
        c.withinYears === undefined ? Number.NEGATIVE_INFINITY : Number(ctx.asOf.slice(0, 4)) - c.withinYears;
      const fact = `support_${c.programId}`;
      const counted = and(known(fact), is(fact, '>=', since));
      return c.present ? { t: counted, f: not(counted) } : { t: not(counted), f: counted };
    }
    case 'disasterArea': {
      const selected = selectedDisasters(c, ctx);
      const parts = selected.map((d) => {
        const inArea = is('regionCode', 'in', d.regionCodes);
        const start = toDayNumber(d.startDate);
        const t = and(
          inArea,
          is('notOpened', '===', false),
          or(is('closureDay', '===', null), is('closureDay', '>=', start)),
          known('openingDay'),
          is('openingDay', '<=', start),
        );
        const f = or(
          not(inArea),
          is('notOpened', '===', true),
          and(known('closureDay'), is('closureDay', '<', start)),
          and(known('openingDay'), is('openingDay', '>', start)),
        );
        return { t, f };
      });
      return {
        t: or(...parts.map((p) => p.t)),
        f: parts.length === 0 ? TRUE : and(...parts.map((p) => p.f)),
      };
    }
    case 'disasterDamage': {
      // A confirmation counts in the disaster's area for a business operating at its start (as disasterArea).
      const parts = selectedDisasters(c, ctx).map((d) => {
        const confirmed = and(is('regionCode', 'in', d.regionCodes), is('damage', 'contains', d.id));
        const start = toDayNumber(d.startDate);
        const t = and(
          confirmed,
          is('notOpened', '===', false),
          or(is('closureDay', '===', null), is('closureDay', '>=', start)),
          known('openingDay'),
          is('openingDay', '<=', start),
        );
        const f = or(
          not(confirmed),
          is('notOpened', '===', true),
          and(known('closureDay'), is('closureDay', '<', start)),
          and(known('openingDay'), is('openingDay', '>', start)),
        );
        return { t, f };
      });
      return {
        t: or(...parts.map((p) => p.t)),
        f: parts.length === 0 ? TRUE : and(...parts.map((p) => p.f)),
      };
    }
    case 'openedBefore': {
      const day = toDayNumber(c.date);
      return {
        t: and(is('notOpened', '===', false), known('openingDay'), is('openingDay', '<', day)),
        f: or(is('notOpened', '===', true), and(known('openingDay'), is('openingDay', '>=', day))),
      };
    }
    case 'operating': {
      const day = toDayNumber(c.date ?? ctx.asOf);
      return {
        t: and(
          is('notOpened', '===', false),
          or(is('closureDay', '===', null), is('closureDay', '>', day)),
          known('openingDay'),
          is('openingDay', '<=', day),
        ),
        f: or(
          is('notOpened', '===', true),
          and(known('closureDay'), is('closureDay', '<=', day)),
          and(known('openingDay'), is('openingDay', '>', day)),
        ),
      };
    }
    case 'closure': {
      const closed = and(
        is('closed', '===', true),
        ...(c.withinDays === undefined ? [] : [is('closedDaysAgo', '<=', c.withinDays)]),
      );
      const planned = and(is('plannedClosure', '===', true), is('closed', '===', false));
      const t = c.status === 'closed' ? closed : c.status === 'planned' ? planned : or(closed, planned);
      return { t, f: not(t) };
    }
    case 'restart':
      return {
        t: and(known('restartMinYears'), is('restartMinYears', '<=', c.withinYears)),
        f: or(
          is('hasPreviousClosure', '===', false),
          is('notOpened', '===', true),
          and(
            known('openingDay'),
            or(is('restartMinYears', '===', null), is('restartMinYears', '>', c.withinYears)),
          ),
        ),
      };
    case 'preStartup': {
      const t = is('preStartup', '===', true);
      return { t, f: not(t) };
    }
    case 'stage':
      return { t: is('stage', 'in', c.stages), f: and(known('stage'), not(is('stage', 'in', c.stages))) };
  }
}

/** The negation of a two-valued expression (De Morgan down to negated comparisons). */
export function not(e: Expr): Expr {
  if ('const' in e) return { const: !e.const };
  if ('and' in e) return or(...e.and.map(not));
  if ('or' in e) return and(...e.or.map(not));
  const flip: Partial<Record<Op, Op>> = {
    '===': '!==',
    '!==': '===',
    in: 'notIn',
    notIn: 'in',
    contains: 'notContains',
    notContains: 'contains',
  };
  const opposite = flip[e.op];
  if (opposite) return { fact: e.fact, op: opposite, value: e.value };
  // Comparisons are false on null, so their negation is "null, or the opposite holds".
  const other: Partial<Record<Op, Op>> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<' };
  return or(is(e.fact, '===', null), { fact: e.fact, op: other[e.op]!, value: e.value });
}

function selectedDisasters(
  c: { disasterId?: string; disasterKind?: string },
  ctx: BaselineContext,
): Disaster[] {
  return ctx.disasters.filter(
    (d) =>
      (c.disasterId === undefined || d.id === c.disasterId) &&
      (c.disasterKind === undefined || d.kind === c.disasterKind),
  );
}

/** "Is true" and "is false" of a rule in Kleene logic. */
export function truthOf(rule: Rule, ctx: BaselineContext): { t: Expr; f: Expr } {
  if (rule.type === 'all' || rule.type === 'any') {
    const kids = rule.rules.map((r) => truthOf(r, ctx));
    return rule.type === 'all'
      ? { t: and(...kids.map((k) => k.t)), f: or(...kids.map((k) => k.f)) }
      : { t: or(...kids.map((k) => k.t)), f: and(...kids.map((k) => k.f)) };
  }
  if (rule.type === 'not') {
    const k = truthOf(rule.rule, ctx);
    return { t: k.f, f: k.t };
  }
  return leaf(rule, ctx);
}
