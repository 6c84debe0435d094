import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../profile/profile';
import { generateBusinesses } from '../synthetic/generate';
import { arbProfile } from '../testing/arbitraries';
import { FIXED_BYTES_PER_ROW } from './layout';
import { decodeRow } from './rows';
import { snapshotBytes } from './size';
import { buildSnapshot, concatSnapshots, type RuleProfile, SnapshotBuilder } from './snapshot';

/** A profile's facts as a snapshot row keeps them. */
function facts(p: BusinessProfile) {
  const { brn: _b, tradeName: _t, representativeName: _r, ...rest } = p;
  const out: Record<string, unknown> = { ...rest };
  if (p.preStartup !== true) delete out.preStartup;
  out.disasterDamage = [...new Set(p.disasterDamage.map((d) => d.disasterId))].map((disasterId) => ({
    disasterId,
  }));
  out.priorSupport = [...new Map(p.priorSupport.map((s) => [`${s.programId}|${s.year}`, s])).values()];
  return out;
}
const sortEntries = (x: Record<string, unknown>) => ({
  ...x,
  priorSupport: [...(x.priorSupport as { programId: string; year: number }[])].sort((a, b) =>
    `${a.programId}${a.year}`.localeCompare(`${b.programId}${b.year}`),
  ),
  disasterDamage: [...(x.disasterDamage as { disasterId: string }[])].sort((a, b) =>
    a.disasterId.localeCompare(b.disasterId),
  ),
});

const synthetic = [...generateBusinesses(20_000, { seed: 21, asOf: '2025-06-01' })];

describe('SnapshotBuilder', () => {
  it('keeps every fact of a row exactly (compact or irregular)', () => {
    const profiles = [...fc.sample(arbProfile(), { numRuns: 300, seed: 8 }), ...synthetic.slice(0, 2_000)];
    const snapshot = buildSnapshot(profiles);
    profiles.forEach((p, i) => {
      const decoded = decodeRow(snapshot, i);
      const row = { ...decoded, preStartup: decoded.preStartup === true ? true : undefined };
      if (row.preStartup === undefined) delete row.preStartup;
      expect(sortEntries(row as Record<string, unknown>)).toEqual(sortEntries(facts(p)));
    });
  });

  it('keeps synthetic businesses in the compact columns, within 40 bytes a business', () => {
    const snapshot = buildSnapshot(synthetic);
    expect(snapshot.irregular.rows.length).toBe(0);
    expect(FIXED_BYTES_PER_ROW).toBeLessThanOrEqual(32);
    expect(snapshotBytes(snapshot) / snapshot.rows).toBeLessThan(40);
  });

  it('keeps exact revenue beside the column, and sets aside a row whose other facts it cannot hold', () => {
    const base: RuleProfile = {
      regionCode: '11110',
      ksic: '56111',
      flags: {},
      priorSupport: [],
      disasterDamage: [],
    };
    const b = new SnapshotBuilder(1);
    b.append({ ...base, revenue: 123_456_789 });
    b.append({ ...base, revenue: 123_456_000 });
    b.append({ ...base, openingDate: '2085-01-01' });
    b.append({ ...base, highestLoanRate: 4.125 });
    b.append({ ...base, highestLoanRate: 4.12, openingDate: '1900-01-01', revenueAvg3y: 0.5 });
    const s = b.build();
    expect([...s.irregular.rows]).toEqual([2, 3]);
    expect([...s.exact.revenue.rows]).toEqual([0]);
    expect([...s.exact.revenueAvg3y.values]).toEqual([0.5]);
    expect(decodeRow(s, 0).revenue).toBe(123_456_789);
    expect(decodeRow(s, 1).revenue).toBe(123_456_000);
    expect(decodeRow(s, 2).openingDate).toBe('2085-01-01');
    expect(decodeRow(s, 4)).toMatchObject({
      highestLoanRate: 4.12,
      openingDate: '1900-01-01',
      revenueAvg3y: 0.5,
    });
  });
});

describe('concatSnapshots', () => {
  it('joins parts built separately into the snapshot built in one go', () => {
    const profiles = [...fc.sample(arbProfile(), { numRuns: 200, seed: 5 }), ...synthetic.slice(0, 3_000)];
    const cuts = [0, 77, 1_000, 1_001, 2_500, profiles.length];
    const parts = cuts.slice(1).map((end, i) => buildSnapshot(profiles.slice(cuts[i], end)));
    const joined = concatSnapshots(parts);
    const whole = buildSnapshot(profiles);
    expect(joined.rows).toBe(whole.rows);
    for (let i = 0; i < whole.rows; i++) expect(decodeRow(joined, i)).toEqual(decodeRow(whole, i));
    expect([...joined.irregular.rows]).toEqual([...whole.irregular.rows]);
  });
});
