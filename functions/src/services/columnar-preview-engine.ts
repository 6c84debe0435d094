import { crc32 } from 'node:zlib';
import { decodeSnapshot } from '@sbiz24/shared/columnar/format';
import { previewRule } from '@sbiz24/shared/columnar/preview';
import { concatSnapshots, type Snapshot } from '@sbiz24/shared/columnar/snapshot';
import type { PreviewEngine } from './preview';

const fastCrc = (bytes: Uint8Array): number => crc32(bytes) >>> 0;

/** Decodes the segment parts of a run (zero copy per part) and joins them into one snapshot. */
export function decodeSnapshotParts(parts: readonly Uint8Array[]): Snapshot {
  return concatSnapshots(parts.map((p) => decodeSnapshot(p, { crc32: fastCrc })));
}

/**
 * The exact impact preview over a columnar snapshot: shared's `previewRule` (the rule compiled to a
 * vectorized filter; counts by 시도 and stage; evenly spread anonymised samples; condition results cached per
 * snapshot so that successive drafts reuse what did not change).
 */
export const columnarPreviewEngine: PreviewEngine<Snapshot> = (snapshot, rule, context, options) =>
  previewRule(snapshot, rule, context, { samples: options.samples });
