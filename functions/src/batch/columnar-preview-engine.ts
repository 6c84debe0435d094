import { crc32 } from 'node:zlib';
import { LIFECYCLE_STAGES } from '@sbiz24/shared';
import { compileRule } from '@sbiz24/shared/columnar/compile';
import { asBusinessProfile, STAGE_UNKNOWN, stageColumn } from '@sbiz24/shared/columnar/derived';
import { decodeSnapshot } from '@sbiz24/shared/columnar/format';
import { decodeRow, regionCodeOf } from '@sbiz24/shared/columnar/rows';
import { concatSnapshots, type Snapshot } from '@sbiz24/shared/columnar/snapshot';
import type { PreviewEngine } from './preview';
import { anonymise, spreadIndexes } from './preview-sample';

const fastCrc = (bytes: Uint8Array): number => crc32(bytes) >>> 0;

/** Decodes the segment parts of a run (zero copy per part) and joins them into one snapshot. */
export function decodeSnapshotParts(parts: readonly Uint8Array[]): Snapshot {
  return concatSnapshots(parts.map((p) => decodeSnapshot(p, { crc32: fastCrc })));
}

const STAGE_NAMES = [...LIFECYCLE_STAGES, 'unknown'];

/**
 * The exact impact preview over a columnar snapshot: the rule compiled to a vectorized filter (the eligible
 * rows as a bitset), then counts by 시도 (through the region dictionary) and by stage (the stage column for the
 * date), and samples spread over the matches, decoded and anonymised.
 */
export const columnarPreviewEngine: PreviewEngine<Snapshot> = (snapshot, rule, context, options) => {
  const bits = compileRule(rule, context, snapshot).evaluate();
  const stages = stageColumn(snapshot, context.asOf);
  const region = snapshot.cols.region;
  // 시도 of each region dictionary entry; irregular rows (index out of the dictionary) are looked up per row.
  const sidoOfRegion = snapshot.regions.map((code) => code.slice(0, 2));
  const bySido: Record<string, number> = {};
  const stageCounts = new Array<number>(STAGE_NAMES.length).fill(0);
  const regionCounts = new Array<number>(snapshot.regions.length).fill(0);
  let total = 0;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    while (word !== 0) {
      const low = word & -word;
      const row = (w << 5) + (31 - Math.clz32(low));
      word ^= low;
      total++;
      stageCounts[stages[row]!]!++;
      const r = region[row]!;
      if (r < regionCounts.length) regionCounts[r]!++;
      else {
        const sido = regionCodeOf(snapshot, row).slice(0, 2);
        bySido[sido] = (bySido[sido] ?? 0) + 1;
      }
    }
  }
  regionCounts.forEach((n, r) => {
    if (n > 0) bySido[sidoOfRegion[r]!] = (bySido[sidoOfRegion[r]!] ?? 0) + n;
  });
  const byStage: Record<string, number> = {};
  stageCounts.forEach((n, s) => {
    if (n > 0) byStage[s === STAGE_UNKNOWN ? 'unknown' : STAGE_NAMES[s]!] = n;
  });

  const wanted = new Set(spreadIndexes(total, options.samples));
  const samples = [];
  let seen = 0;
  for (let w = 0; w < bits.length && samples.length < wanted.size; w++) {
    let word = bits[w]!;
    while (word !== 0) {
      const low = word & -word;
      const row = (w << 5) + (31 - Math.clz32(low));
      word ^= low;
      if (wanted.has(seen++)) {
        const facts = decodeRow(snapshot, row);
        samples.push(
          anonymise(
            asBusinessProfile({
              ...facts,
              disasterDamage: facts.disasterDamage.map((d) => ({ ...d, confirmedOn: context.asOf })),
            }),
            context.asOf,
          ),
        );
      }
    }
  }
  return { total, bySido, byStage, samples };
};
