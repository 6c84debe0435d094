/**
 * Programs for the benchmark: the real catalog plus generated ones with the shapes real rules have (local
 * programs limited to a 시도 or a few 시군구, industry lists in and out, age and size windows with the round
 * thresholds ministries use, owner and flag criteria, nested any/not, closure and disaster programs).
 * Deterministic for a seed.
 */
import { type Disaster, loadCatalog, type Rule, RuleSchema, SIDOS, SIGUNGUS } from '@sbiz24/shared';
import { Rng } from '@sbiz24/shared/synthetic/prng';

export interface BenchProgram {
  id: string;
  rule: Rule;
}

const EXCLUDED = ['56211', '56212', '9124', '681', 'K'];
const INDUSTRY_GROUPS: readonly string[][] = [
  ['I'],
  ['G'],
  ['C'],
  ['S'],
  ['56'],
  ['47'],
  ['G', 'I'],
  ['G', 'I', 'S'],
  ['C', 'G', '56'],
  ['10', '11'],
  ['56221', '56191'],
  ['96112', '96113'],
  ['47912'],
  ['85'],
  ['49'],
  ['J', 'M'],
  ['R'],
  ['F'],
];
const AGE_YEARS = [1, 2, 3, 5, 7, 10, 20, 30];
const REVENUES = [30_000_000, 50_000_000, 100_000_000, 300_000_000, 500_000_000, 1_000_000_000];
const EMPLOYEES = [1, 3, 5, 10];
const SIGUNGU = SIGUNGUS.map((s) => s.code);
const SIDO = SIDOS.map((s) => s.code);

const operating: Rule = { type: 'operating' };
const noArrears: Rule = { type: 'flag', flag: 'taxArrears', present: false };
const notSuspended: Rule = { type: 'flag', flag: 'suspended', present: false };
const notExcluded: Rule = { type: 'industry', op: 'notIn', codes: EXCLUDED };

function region(rng: Rng): Rule {
  if (rng.chance(0.45)) return { type: 'region', op: 'in', codes: [rng.pick(SIDO)] };
  const n = rng.int(1, 3);
  const codes = new Set<string>();
  while (codes.size < n) codes.add(rng.pick(SIGUNGU));
  return { type: 'region', op: 'in', codes: [...codes] };
}

function generatedRule(rng: Rng, disasters: readonly Disaster[]): Rule {
  const local = rng.chance(0.75) ? [region(rng)] : [];
  const shape = rng.int(0, 9);
  switch (shape) {
    case 0: // local policy fund
      return {
        type: 'all',
        rules: [...local, { type: 'smallBusiness' }, operating, notExcluded, noArrears, notSuspended],
      };
    case 1: // startup support
      return {
        type: 'all',
        rules: [
          ...local,
          { type: 'range', field: 'businessAgeYears', lt: rng.pick(AGE_YEARS.slice(0, 5)) },
          operating,
          {
            type: 'any',
            rules: [
              { type: 'flag', flag: 'womanOwned', present: true },
              { type: 'range', field: 'ownerAge', lte: 39 },
            ],
          },
          notExcluded,
        ],
      };
    case 2: // sector programme
      return {
        type: 'all',
        rules: [
          ...local,
          { type: 'industry', op: 'in', codes: rng.pick(INDUSTRY_GROUPS) },
          { type: 'smallBusiness' },
          operating,
          { type: 'range', field: 'revenue', lte: rng.pick(REVENUES) },
        ],
      };
    case 3: // growth and innovation
      return {
        type: 'all',
        rules: [
          ...local,
          { type: 'range', field: 'businessAgeYears', gte: rng.pick(AGE_YEARS.slice(2, 6)) },
          { type: 'range', field: 'employees', lt: rng.pick(EMPLOYEES) },
          operating,
          {
            type: 'any',
            rules: [
              { type: 'flag', flag: 'exporter', present: true },
              { type: 'flag', flag: 'revenueGrowth', present: true },
              { type: 'flag', flag: 'smartTech', present: true },
            ],
          },
          noArrears,
        ],
      };
    case 4: // closure and restart
      return {
        type: 'all',
        rules: [
          ...local,
          { type: 'closure', status: 'plannedOrClosed', withinDays: rng.pick([180, 365, 730]) },
          {
            type: 'not',
            rule: {
              type: 'priorSupport',
              programId: 'hope-return-closure',
              withinYears: rng.int(1, 3),
              present: true,
            },
          },
        ],
      };
    case 5: // vulnerable owners
      return {
        type: 'all',
        rules: [
          ...local,
          {
            type: 'any',
            rules: [
              { type: 'flag', flag: 'disabledOwned', present: true },
              { type: 'range', field: 'ownerAge', gte: rng.pick([60, 65]) },
            ],
          },
          operating,
          { type: 'range', field: 'revenue', lte: rng.pick(REVENUES.slice(0, 4)) },
        ],
      };
    case 6: // refinancing and running costs
      return {
        type: 'all',
        rules: [
          ...local,
          { type: 'range', field: 'highestLoanRate', gte: rng.pick([5, 6, 7]) },
          { type: 'smallBusiness' },
          operating,
          noArrears,
        ],
      };
    case 7: // disaster relief
      return {
        type: 'all',
        rules: [
          rng.chance(0.5)
            ? { type: 'disasterArea', disasterId: rng.pick(disasters).id }
            : { type: 'disasterDamage', disasterKind: rng.pick(disasters).kind },
          { type: 'not', rule: { type: 'closure', status: 'closed' } },
        ],
      };
    case 8: // long-standing businesses outside some industries
      return {
        type: 'all',
        rules: [
          ...local,
          { type: 'range', field: 'businessAgeYears', gte: rng.pick(AGE_YEARS.slice(4)) },
          { type: 'industry', op: 'notIn', codes: rng.pick(INDUSTRY_GROUPS) },
          operating,
          { type: 'stage', stages: ['growth'] },
        ],
      };
    default: // employment
      return {
        type: 'all',
        rules: [
          ...local,
          { type: 'range', field: 'employees', gte: 1, lt: rng.pick([5, 10]) },
          { type: 'flag', flag: 'employmentInsurance', present: true },
          operating,
          {
            type: 'not',
            rule: { type: 'priorSupport', programId: 'employment-insurance-support', present: true },
          },
        ],
      };
  }
}

/** The catalog's programs and `total - 20` generated ones (validated like a staff draft). */
export function benchPrograms(total: number, seed = 1): { programs: BenchProgram[]; disasters: Disaster[] } {
  const { programs, disasters } = loadCatalog();
  const out: BenchProgram[] = programs.slice(0, total).map((p) => ({ id: p.id, rule: p.rule }));
  const rng = new Rng(seed);
  for (let i = out.length; i < total; i++) {
    const rule = RuleSchema.parse(generatedRule(rng, disasters)) as Rule;
    out.push({ id: `bench-${String(i).padStart(4, '0')}`, rule });
  }
  return { programs: out, disasters };
}
