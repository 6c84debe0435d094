import { crc32 } from 'node:zlib';
import type { Disaster, Program } from '@sbiz24/shared';
import { decodeSnapshot, encodeSnapshot } from '@sbiz24/shared/columnar/format';
import { fullMatch, matchesOf } from '@sbiz24/shared/columnar/full-match';
import { RulePlan } from '@sbiz24/shared/columnar/plan';
import { concatSnapshots, SnapshotBuilder } from '@sbiz24/shared/columnar/snapshot';
import type { PageEvaluator } from '@sbiz24/shared/recompute/types';

const fastCrc = (bytes: Uint8Array): number => crc32(bytes) >>> 0;

/**
 * The production PageEvaluator: a page of businesses becomes a columnar snapshot part (shared/src/columnar),
 * and every program's rule runs over it vectorized, all rules at once (`fullMatch`: conditions shared between
 * rules are computed once per block). Same answers as the per-business engine (shared's agreement property test and
 * this evaluator's own test).
 */
export function createColumnarEvaluator(
  programs: readonly Program[],
  context: { asOf: string; disasters: readonly Disaster[] },
): PageEvaluator {
  const matchPrograms = programs.map((p) => ({ id: p.id, rule: p.rule }));
  // Compiled once against an empty snapshot: a rule the engine cannot compile fails here, at prepare time.
  new RulePlan(
    new SnapshotBuilder(1).build(),
    matchPrograms.map((p) => p.rule),
    context,
  );
  return {
    evaluate(businesses) {
      const builder = new SnapshotBuilder(Math.max(1, businesses.length));
      for (const b of businesses) builder.append(b.profile);
      const snapshot = builder.build();
      let matches: string[][] = Array.from({ length: snapshot.rows }, () => []);
      if (matchPrograms.length > 0 && snapshot.rows > 0) {
        const result = fullMatch(snapshot, matchPrograms, context);
        matches = matches.map((_, row) => matchesOf(result, row));
      }
      return { matches, part: encodeSnapshot(snapshot) };
    },
    concat(parts) {
      return encodeSnapshot(concatSnapshots(parts.map((p) => decodeSnapshot(p, { crc32: fastCrc }))));
    },
  };
}
