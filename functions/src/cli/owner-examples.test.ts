import { readFileSync, writeFileSync } from 'node:fs';
import { BusinessProfileSchema, isOpenAsOf, loadCatalog, matchPrograms, regionName } from '@sbiz24/shared';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_AS_OF, OWNER_EXAMPLES, ownerExamplesMarkdown } from './owner-examples';

const PAGE = new URL('../../../docs/owner-examples.md', import.meta.url);

describe('docs/owner-examples.md', () => {
  it('shows what the engine says today for the five businesses', () => {
    const page = ownerExamplesMarkdown();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(PAGE, page);
    expect(readFileSync(PAGE, 'utf8')).toBe(page);
  });

  it('has no 이(가)-style particles in Korean and no Korean in English outside names and glosses', () => {
    const { programs, disasters } = loadCatalog();
    const open = programs.filter((p) => isOpenAsOf(p, EXAMPLES_AS_OF));
    for (const ex of OWNER_EXAMPLES) {
      const profile = BusinessProfileSchema.parse(ex.profile);
      const { evaluations, nearMisses } = matchPrograms(open, profile, { asOf: EXAMPLES_AS_OF, disasters });
      const ko = [
        ...evaluations.flatMap((e) => e.reasons.map((r) => r.text)),
        ...nearMisses.map((n) => n.change),
      ];
      for (const text of ko) expect(text).not.toMatch(/이\(가\)|을\(를\)|은\(는\)|\(으\)로/);
      const en = [
        ...evaluations.flatMap((e) => [e.titleEn ?? '', ...e.reasons.map((r) => r.textEn)]),
        ...nearMisses.flatMap((n) => [n.titleEn ?? '', n.changeEn, n.blocking.textEn]),
      ];
      // Only the region's name may stay Korean (the reference data has no romanized names; the code is
      // shown beside it): programs and disasters are named by their English names.
      const names = [regionName(profile.regionCode)];
      for (const text of en) {
        let rest = text;
        for (const n of names) rest = rest.split(n).join('');
        expect(rest, text).not.toMatch(/[가-힣]/);
      }
    }
  });
});
