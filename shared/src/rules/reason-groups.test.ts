import { describe, expect, it } from 'vitest';
import { TEST_DISASTERS } from '../testing/arbitraries';
import { makeProfile } from '../testing/fixtures';
import { evaluateRule } from './evaluate';
import { groupReasons, isReasonGroup } from './reason-groups';
import type { Rule } from './types';

const ctx = { asOf: '2026-11-26', disasters: TEST_DISASTERS };

/** Like 재도전특별자금: a restart, or (closure stage and Hope Return support) together. */
const RULE: Rule = {
  type: 'all',
  rules: [
    {
      type: 'any',
      rules: [
        { type: 'range', field: 'employees', lt: 2 },
        {
          type: 'all',
          rules: [
            { type: 'range', field: 'revenue', lte: 300_000_000 },
            { type: 'flag', flag: 'exporter', present: true },
          ],
        },
      ],
    },
    { type: 'flag', flag: 'taxArrears', present: false },
  ],
};

function groupsFor(rule: Rule, overrides: Parameters<typeof makeProfile>[0]) {
  const evaluation = evaluateRule(rule, makeProfile(overrides), ctx);
  return { evaluation, entries: groupReasons(evaluation.reasons) };
}

describe('groupReasons', () => {
  it('gathers a group, its alternatives by path, and leaves the required conditions outside', () => {
    const { entries } = groupsFor(RULE, { employees: 3, flags: { exporter: true, taxArrears: false } });
    expect(entries).toHaveLength(2);
    const [group, required] = entries;
    expect(isReasonGroup(group!)).toBe(true);
    expect(isReasonGroup(required!)).toBe(false);
    if (!isReasonGroup(group!)) return;
    expect(group.anyOf).toBe('rules.0');
    expect(group.alternatives.map((a) => [a.path, a.reasons.length, a.met])).toEqual([
      ['rules.0.rules.0', 1, false],
      ['rules.0.rules.1', 2, true],
    ]);
    expect(group.met).toBe(true);
  });

  it('does not count a group as met when one condition of a two-condition alternative holds', () => {
    // Revenue is within the bound (✓) but the business does not export (✕): that alternative fails.
    const { evaluation, entries } = groupsFor(RULE, {
      employees: 3,
      flags: { exporter: false, taxArrears: false },
    });
    const group = entries[0]!;
    if (!isReasonGroup(group)) throw new Error('expected a group');
    expect(group.alternatives[1]!.reasons.map((r) => r.met)).toEqual([true, false]);
    expect(group.met).toBe(false);
    expect(evaluation.result).toBe(false);
  });

  it('says unknown when no alternative holds and one depends on a fact not on record', () => {
    const { entries } = groupsFor(RULE, { employees: 3, flags: { taxArrears: false } });
    const group = entries[0]!;
    if (!isReasonGroup(group)) throw new Error('expected a group');
    expect(group.met).toBeNull();
  });

  it('agrees with the evaluation for a rule that is one group, under a not too', () => {
    const rules: Rule[] = [
      RULE.type === 'all' ? RULE.rules[0]! : RULE,
      {
        type: 'not',
        rule: {
          type: 'all',
          rules: [
            { type: 'range', field: 'employees', gte: 5 },
            { type: 'flag', flag: 'exporter', present: true },
          ],
        },
      },
    ];
    for (const rule of rules)
      for (const employees of [0, 3, 6, undefined])
        for (const exporter of [true, false, undefined]) {
          const flags = exporter === undefined ? {} : { exporter };
          const { evaluation, entries } = groupsFor(rule, { employees, flags });
          expect(entries).toHaveLength(1);
          const group = entries[0]!;
          if (!isReasonGroup(group)) throw new Error('expected a group');
          expect(group.met, JSON.stringify({ rule, employees, exporter })).toBe(evaluation.result);
        }
  });
});
