import { type BusinessProfile, type Program, type StoredBusiness, withCheckDigit } from '@sbiz24/shared';
import type { PageEvaluator } from './types';

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
 * A plain evaluator for the worker's mechanics tests: region rules only, and a JSON "snapshot part" of brns.
 * The real evaluator (columnar) has its own agreement tests.
 */
export function regionEvaluator(programs: readonly Program[]): PageEvaluator {
  return {
    evaluate(businesses) {
      const matches = businesses.map((b) =>
        programs
          .filter(
            (p) => p.rule.type === 'region' && p.rule.codes.some((c) => b.profile.regionCode.startsWith(c)),
          )
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
