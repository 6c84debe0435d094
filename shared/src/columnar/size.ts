import type { Snapshot } from './snapshot';

/** Bytes a snapshot holds in memory: its columns, side tables and (estimated) irregular profiles. */
export function snapshotBytes(s: Snapshot): number {
  let n = 0;
  for (const col of Object.values(s.cols)) n += col.byteLength;
  n += s.extras.rows.byteLength + s.extras.start.byteLength + s.extras.items.byteLength;
  n += s.irregular.rows.byteLength + JSON.stringify(s.irregular.profiles).length;
  for (const list of [s.exact.revenue, s.exact.revenueAvg3y])
    n += list.rows.byteLength + list.values.byteLength;
  return n;
}
