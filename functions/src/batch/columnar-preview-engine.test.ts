import { loadCatalog } from '@sbiz24/shared';
import { buildSnapshot } from '@sbiz24/shared/columnar/snapshot';
import { createGenerator } from '@sbiz24/shared/synthetic/generate';
import { arbContext, arbProfile, arbRule } from '@sbiz24/shared/testing/arbitraries';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnarPreviewEngine } from './columnar-preview-engine';
import { profilePreviewEngine } from './profile-preview-engine';

describe('columnarPreviewEngine', () => {
  it('gives the same counts and samples as the per-business preview (random rules and profiles)', () => {
    fc.assert(
      fc.property(
        arbRule(),
        fc.array(arbProfile(), { minLength: 1, maxLength: 60 }),
        arbContext(),
        (rule, profiles, ctx) => {
          const snapshot = buildSnapshot(profiles);

          const got = columnarPreviewEngine(snapshot, rule, ctx, { samples: 5 });

          expect(got).toEqual(profilePreviewEngine(profiles, rule, ctx, { samples: 5 }));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees on every catalog rule over a synthetic population', () => {
    const catalog = loadCatalog();
    const ctx = { asOf: '2026-06-01', disasters: catalog.disasters };
    const make = createGenerator({ seed: 11, asOf: ctx.asOf });
    const profiles = Array.from({ length: 4000 }, (_, i) => make(i));
    const snapshot = buildSnapshot(profiles);

    for (const program of catalog.programs) {
      const got = columnarPreviewEngine(snapshot, program.rule, ctx, { samples: 20 });
      expect(got, program.id).toEqual(profilePreviewEngine(profiles, program.rule, ctx, { samples: 20 }));
    }
  });
});
