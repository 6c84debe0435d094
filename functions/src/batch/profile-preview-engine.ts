import { type BusinessProfile, deriveStage } from '@sbiz24/shared';
import { factsFor } from '@sbiz24/shared/rules/evaluate';
import type { PreviewCounts, PreviewEngine } from './preview';
import { anonymise, spreadIndexes } from './preview-sample';
import { ruleTruth } from './rules-evaluator';

/**
 * The preview computed business by business with the rules engine's condition code: the reference the
 * columnar preview (columnar-preview-engine.ts) is tested against.
 */
export const profilePreviewEngine: PreviewEngine<BusinessProfile[]> = (profiles, rule, context, options) => {
  const bySido: Record<string, number> = {};
  const byStage: Record<string, number> = {};
  const hits: number[] = [];
  for (let i = 0; i < profiles.length; i++) {
    const profile = profiles[i]!;
    if (ruleTruth(rule, factsFor(profile, context)) !== true) continue;
    hits.push(i);
    const sido = profile.regionCode.slice(0, 2);
    bySido[sido] = (bySido[sido] ?? 0) + 1;
    const stage = deriveStage(profile, context.asOf)?.stage ?? 'unknown';
    byStage[stage] = (byStage[stage] ?? 0) + 1;
  }
  const counts: PreviewCounts = {
    total: hits.length,
    bySido,
    byStage,
    samples: spreadIndexes(hits.length, options.samples).map((j) =>
      anonymise(profiles[hits[j]!]!, context.asOf),
    ),
  };
  return counts;
};
