import type { Disaster, Program } from '@sbiz24/shared';
import { createRuleMatcher, matchPage } from './rules-evaluator';
import type { PageEvaluator } from './types';

/**
 * The production PageEvaluator.
 *
 * Interim until shared/src/columnar lands (built in parallel): matches come from the rules engine's own
 * condition code per business, and a page's snapshot part is the JSON of its profiles. Swapping in the
 * columnar snapshot part and the compiled vectorized rules changes only this file and the preview engine.
 */
export function createColumnarEvaluator(
  programs: readonly Program[],
  context: { asOf: string; disasters: readonly Disaster[] },
): PageEvaluator {
  const matcher = createRuleMatcher(programs, context);
  return {
    evaluate(businesses) {
      return {
        matches: matchPage(matcher, businesses),
        part: new TextEncoder().encode(JSON.stringify(businesses.map((b) => b.profile))),
      };
    },
    concat(parts) {
      const profiles = parts.flatMap((p) => JSON.parse(new TextDecoder().decode(p)) as unknown[]);
      return new TextEncoder().encode(JSON.stringify(profiles));
    },
  };
}
