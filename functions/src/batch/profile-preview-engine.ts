import { type BusinessProfile, deriveStage } from '@sbiz24/shared';
import { factsFor } from '@sbiz24/shared/rules/evaluate';
import type { PreviewCounts, PreviewEngine } from './preview';
import { anonymise, spreadIndexes } from './preview-sample';
import { ruleTruth } from './rules-evaluator';

/** Decodes the interim snapshot parts (JSON arrays of profiles) into one list. */
export function decodeProfileParts(parts: readonly Uint8Array[]): BusinessProfile[] {
  return parts.flatMap((p) => JSON.parse(new TextDecoder().decode(p)) as BusinessProfile[]);
}

/**
 * The preview over the interim snapshot: each profile through the rules engine's condition code. Exact, and
 * fast enough for the local portal's tens of thousands of businesses; the columnar engine replaces it.
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
