import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/index';
import { SIDOS, SIGUNGUS } from '../reference/regions';
import { evaluateRule } from '../rules/evaluate';
import type { Rule } from '../rules/types';
import { generateBusinesses } from '../synthetic/generate';
import { arbProfile, arbRule } from '../testing/arbitraries';
import { fullMatch, matchesOf } from './full-match';
import { buildSnapshot } from './snapshot';

const { programs: catalog, disasters } = loadCatalog();
const ctx = { asOf: '2025-06-01', disasters };
const profiles = [
  ...generateBusinesses(9_000, { seed: 13, asOf: ctx.asOf }),
  ...fc.sample(arbProfile(), { numRuns: 300, seed: 13 }),
];
const snapshot = buildSnapshot(profiles);
const programs = [
  ...catalog.map((p) => ({ id: p.id, rule: p.rule })),
  ...fc.sample(arbRule(), { numRuns: 30, seed: 2 }).map((rule, i) => ({ id: `generated-${i}`, rule })),
];

describe('fullMatch', () => {
  const result = fullMatch(snapshot, programs, ctx);
  const expected = profiles.map((p) =>
    programs
      .filter((prog) => evaluateRule(prog.rule, p, ctx).eligible)
      .map((prog) => prog.id)
      .sort(),
  );

  it('gives every business the sorted ids of the programs the per-business engine finds it eligible for', () => {
    profiles.forEach((_, row) => {
      expect(matchesOf(result, row)).toEqual(expected[row]);
    });
  });

  it('counts each program and the pairs in all', () => {
    const byId = new Map(result.programIds.map((id, i) => [id, result.counts[i]!]));
    for (const prog of programs) {
      expect(byId.get(prog.id)).toBe(expected.filter((ids) => ids.includes(prog.id)).length);
    }
    expect(result.pairs).toBe(result.counts.reduce((a, b) => a + b, 0));
    expect(result.pairs).toBeGreaterThan(profiles.length);
    expect(result.distinctConditions).toBeLessThan(programs.length * 8);
  });

  it('gives the same sets for a row range as for the whole snapshot, and counts alone when asked', () => {
    const range = fullMatch(snapshot, programs, ctx, { rowStart: 8_192, rowEnd: 9_000 });
    for (let row = 8_192; row < 9_000; row += 7)
      expect(matchesOf(range, row)).toEqual(matchesOf(result, row));
    const countsOnly = fullMatch(snapshot, programs, ctx, { output: 'counts' });
    expect([...countsOnly.counts]).toEqual([...result.counts]);
    expect(countsOnly.offsets).toBeUndefined();
    expect(() => matchesOf(countsOnly, 0)).toThrow();
  });

  it('keeps per-program bitsets instead of per-business sets when asked, with the same answers', () => {
    const bitsets = fullMatch(snapshot, programs, ctx, { output: 'bitsets', rowStart: 4_096 });
    expect([...bitsets.counts]).toEqual([
      ...fullMatch(snapshot, programs, ctx, { output: 'counts', rowStart: 4_096 }).counts,
    ]);
    for (let row = 4_096; row < profiles.length; row += 3)
      expect(matchesOf(bitsets, row)).toEqual(expected[row]);
  });

  it('lists every program of a business that matches more programs than a row has scratch slots', () => {
    // 160 programs, most of which a business matches: stage by block, shared conjunctions, region indexes.
    const many = Array.from({ length: 160 }, (_, i) => {
      const rule: Rule =
        i % 3 === 0
          ? {
              type: 'all',
              rules: [
                { type: 'region', op: 'notIn', codes: [SIGUNGUS[i % SIGUNGUS.length]!.code] },
                { type: 'stage', stages: ['startup', 'growth'] },
              ],
            }
          : i % 3 === 1
            ? {
                type: 'any',
                rules: [
                  { type: 'operating' },
                  { type: 'region', op: 'in', codes: [SIDOS[i % SIDOS.length]!.code] },
                ],
              }
            : {
                type: 'not',
                rule: { type: 'region', op: 'in', codes: [SIGUNGUS[(i * 7) % SIGUNGUS.length]!.code] },
              };
      return { id: `many-${String(i).padStart(3, '0')}`, rule };
    });
    const result = fullMatch(snapshot, many, ctx);
    let longest = 0;
    for (let row = 0; row < profiles.length; row += 61) {
      const ids = matchesOf(result, row);
      longest = Math.max(longest, ids.length);
      expect(ids).toEqual(
        many.filter((p) => evaluateRule(p.rule, profiles[row]!, ctx).eligible).map((p) => p.id),
      );
    }
    expect(longest).toBeGreaterThan(128);
  });
});
