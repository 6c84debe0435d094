import type { Disaster, Program } from '@sbiz24/shared';
import type { PageEvaluator } from './types';

/**
 * The production PageEvaluator: a columnar snapshot part per page and the compiled rules run over it.
 * Wired to shared/src/columnar as soon as that engine lands (in progress in parallel).
 */
export function createColumnarEvaluator(
  _programs: readonly Program[],
  _context: { asOf: string; disasters: readonly Disaster[] },
): PageEvaluator {
  throw new Error('columnar evaluator not wired yet');
}
