/** The columnar engine: snapshot, file format, vectorized rules, full match and preview. */
export { type CompiledRule, compileRule, countBits, hasRow, popcount } from './compile';
export { asBusinessProfile, STAGE_UNKNOWN, stageColumn } from './derived';
export {
  type DecodedSnapshot,
  type DecodeOptions,
  decodeSnapshot,
  encodeSnapshot,
  encodeSnapshotChunks,
  readSnapshotHeader,
  SNAPSHOT_FORMAT_VERSION,
  SnapshotFormatError,
  type SnapshotMeta,
} from './format';
export { type FullMatchResult, fullMatch, type MatchProgram, matchesOf } from './full-match';
export { FIXED_BYTES_PER_ROW } from './layout';
export { LeafCache } from './leaf-cache';
export { BLOCK_ROWS, type PlanOptions, type RuleContext, RulePlan, scanRules } from './plan';
export {
  type PreviewCounts,
  type PreviewOptions,
  type PreviewSample,
  previewCache,
  previewRule,
  revenueBand,
  warmPreviewCache,
} from './preview';
export { decodeRow, ksicOf, type RowFacts, regionCodeOf } from './rows';
export { snapshotBytes } from './size';
export {
  buildSnapshot,
  concatSnapshots,
  type RuleProfile,
  type Snapshot,
  SnapshotBuilder,
} from './snapshot';
