import {
  type BusinessProfile,
  type Disaster,
  evaluateRule,
  type Program,
  type StoredBusiness,
  withCheckDigit,
} from '@sbiz24/shared';
import type { PageEvaluator } from '@sbiz24/shared/recompute/types';

/** A valid business number from a small integer. */
export function brnOf(i: number): string {
  return withCheckDigit(
    String(100_000_000 + i)
      .slice(0, 9)
      .padStart(9, '1'),
  );
}

/** A stored business in `regionCode`, claimed by `ownerId` when given. */
export function business(
  i: number,
  regionCode: string,
  ownerId?: string,
): Omit<StoredBusiness, 'version' | 'updatedAt'> {
  const profile: BusinessProfile & { brn: string } = {
    brn: brnOf(i),
    tradeName: `가게${i}`,
    representativeName: '홍길동',
    openingDate: '2020-03-01',
    regionCode,
    ksic: '56111',
    employees: 1,
    flags: {},
    priorSupport: [],
    disasterDamage: [],
  };
  return { profile, registryStatus: 'trading', ...(ownerId ? { ownerId } : {}) };
}

/** An open program whose rule is "located in these regions". */
export function regionProgram(id: string, codes: string[], extra: Partial<Program> = {}): Program {
  return {
    id,
    title: `${id} 지원사업`,
    kind: 'support',
    agencyId: 'semas',
    stages: ['startup', 'growth'],
    summary: '요약',
    benefit: { description: '지원' },
    howToApply: '',
    rule: { type: 'region', op: 'in', codes },
    examples: { mustMatch: [], mustNotMatch: [] },
    status: 'open',
    version: 1,
    ...extra,
  };
}

/**
 * A per-business evaluator (the rules engine, one business and program at a time) with a JSON "snapshot part"
 * of business numbers: for the worker's mechanics tests. The columnar evaluator is tested against it.
 */
export function ruleEvaluator(
  programs: readonly Program[],
  context: { asOf: string; disasters: readonly Disaster[] } = { asOf: '2025-03-01', disasters: [] },
): PageEvaluator {
  return {
    evaluate(businesses) {
      const matches = businesses.map((b) =>
        programs
          .filter((p) => evaluateRule(p.rule, b.profile, context).eligible)
          .map((p) => p.id)
          .sort(),
      );
      return {
        matches,
        part: new TextEncoder().encode(JSON.stringify(businesses.map((b) => b.profile.brn))),
      };
    },
    concat(parts) {
      const all = parts.flatMap((p) => JSON.parse(new TextDecoder().decode(p)) as string[]);
      return new TextEncoder().encode(JSON.stringify(all));
    },
  };
}
