import { deriveStage, evaluateRule, loadCatalog, type Rule } from '@sbiz24/shared';
import { encodeSnapshot } from '@sbiz24/shared/columnar/format';
import { buildSnapshot } from '@sbiz24/shared/columnar/snapshot';
import { createGenerator } from '@sbiz24/shared/synthetic/generate';
import { describe, expect, it } from 'vitest';
import { columnarPreviewEngine, decodeSnapshotParts } from './columnar-preview-engine';

describe('the preview over snapshot parts', () => {
  const catalog = loadCatalog();
  const ctx = { asOf: '2026-06-01', disasters: catalog.disasters };
  const make = createGenerator({ seed: 11, asOf: ctx.asOf });
  const profiles = Array.from({ length: 3000 }, (_, i) => make(i));
  // Three parts, as three segments would write them.
  const snapshot = decodeSnapshotParts(
    [profiles.slice(0, 1000), profiles.slice(1000, 2200), profiles.slice(2200)].map((part) =>
      encodeSnapshot(buildSnapshot(part)),
    ),
  );

  it.each(catalog.programs.map((p) => [p.id, p.rule] as const))(
    'counts exactly the businesses the rules engine finds eligible for %s, by 시도 and stage',
    (_id, rule: Rule) => {
      const eligible = profiles.filter((p) => evaluateRule(rule, p, ctx).eligible);
      const bySido: Record<string, number> = {};
      const byStage: Record<string, number> = {};
      for (const p of eligible) {
        bySido[p.regionCode.slice(0, 2)] = (bySido[p.regionCode.slice(0, 2)] ?? 0) + 1;
        const stage = deriveStage(p, ctx.asOf)?.stage ?? 'unknown';
        byStage[stage] = (byStage[stage] ?? 0) + 1;
      }
      const nonZero = (r: Record<string, number>) =>
        Object.fromEntries(Object.entries(r).filter(([, n]) => n > 0));

      const got = columnarPreviewEngine(snapshot, rule, ctx, { samples: 20 });

      expect(got.total).toBe(eligible.length);
      expect(nonZero(got.bySido)).toEqual(bySido);
      expect(nonZero(got.byStage)).toEqual(byStage);
      expect(got.samples.length).toBe(Math.min(20, eligible.length));
    },
  );
});
