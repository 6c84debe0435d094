import { crc32 } from 'node:zlib';
import type { Disaster, Program } from '@sbiz24/shared';
import { decodeSnapshot, encodeSnapshot } from '@sbiz24/shared/columnar/format';
import { RulePlan, scanRules } from '@sbiz24/shared/columnar/plan';
import { concatSnapshots, SnapshotBuilder } from '@sbiz24/shared/columnar/snapshot';
import type { PageEvaluator } from './types';

const fastCrc = (bytes: Uint8Array): number => crc32(bytes) >>> 0;

/**
 * The production PageEvaluator: a page of businesses becomes a columnar snapshot part (shared/src/columnar),
 * and every program's rule runs over it vectorized, all rules at once (conditions shared between rules are
 * computed once per block). Same answers as the per-business engine (shared's agreement property test and
 * this evaluator's own test).
 */
export function createColumnarEvaluator(
  programs: readonly Program[],
  context: { asOf: string; disasters: readonly Disaster[] },
): PageEvaluator {
  const sorted = [...programs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = sorted.map((p) => p.id);
  const rules = sorted.map((p) => p.rule);
  // Compiled once against an empty snapshot: a rule the engine cannot compile fails here, at prepare time.
  new RulePlan(new SnapshotBuilder(1).build(), rules, context);
  return {
    evaluate(businesses) {
      const builder = new SnapshotBuilder(Math.max(1, businesses.length));
      for (const b of businesses) builder.append(b.profile);
      const snapshot = builder.build();
      const matches: string[][] = Array.from({ length: snapshot.rows }, () => []);
      if (rules.length > 0 && snapshot.rows > 0) {
        const plan = new RulePlan(snapshot, rules, context);
        scanRules(plan, (r0, rows, eligible) => {
          const words = (rows + 31) >>> 5;
          // Programs in id order, so that every business's list comes out sorted.
          for (let p = 0; p < eligible.length; p++) {
            const bits = eligible[p]!;
            for (let w = 0; w < words; w++) {
              let word = bits[w]!;
              while (word !== 0) {
                const low = word & -word;
                const row = r0 + (w << 5) + (31 - Math.clz32(low));
                if (row < r0 + rows) matches[row]!.push(ids[p]!);
                word ^= low;
              }
            }
          }
        });
      }
      return { matches, part: encodeSnapshot(snapshot) };
    },
    concat(parts) {
      return encodeSnapshot(concatSnapshots(parts.map((p) => decodeSnapshot(p, { crc32: fastCrc }))));
    },
  };
}
