import type { Snapshot } from '@sbiz24/shared/columnar/snapshot';

/** The buffers of a snapshot's arrays, to transfer (not copy) between threads; shared buffers excluded. */
export function transferablesOf(s: Snapshot): ArrayBuffer[] {
  const arrays = [...Object.values(s.cols), s.extras.rows, s.extras.start, s.extras.items, s.irregular.rows];
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays)
    if (a.buffer instanceof ArrayBuffer && a.buffer.byteLength > 0) buffers.add(a.buffer);
  return [...buffers];
}
