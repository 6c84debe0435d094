/**
 * A bounded least-recently-used cache of whole-snapshot condition results (true and unknown bit words),
 * for previews: staff drafting a rule change one condition at a time, so the other conditions of the next
 * preview are already computed. Keys include the evaluation date and the declared disasters.
 */
export interface CachedLeaf {
  t: Int32Array;
  u: Int32Array | null;
}

export class LeafCache {
  private readonly entries = new Map<string, CachedLeaf>();
  private used = 0;

  /** @param maxBytes Memory the cached bit words may take. @default 64 MiB */
  constructor(readonly maxBytes = 64 * 1024 * 1024) {}

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedLeaf | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: CachedLeaf): void {
    const size = value.t.byteLength + (value.u?.byteLength ?? 0);
    if (size > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.used -= old.t.byteLength + (old.u?.byteLength ?? 0);
    }
    for (const [k, v] of this.entries) {
      if (this.used + size <= this.maxBytes) break;
      this.entries.delete(k);
      this.used -= v.t.byteLength + (v.u?.byteLength ?? 0);
    }
    this.entries.set(key, value);
    this.used += size;
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }
}
