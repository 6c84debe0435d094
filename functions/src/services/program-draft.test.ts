import { ValidationError } from '@sbiz24/shared';
import { describe, expect, it } from 'vitest';
import { program } from '../testing/store-data';
import { parseDraft } from './program-draft';

function nestedNot(levels: number): unknown {
  let rule: unknown = { type: 'smallBusiness' };
  for (let i = 1; i < levels; i++) rule = { type: 'not', rule };
  return rule;
}

function draftWith(rule: unknown): Record<string, unknown> {
  const { id: _id, status: _s, version: _v, ...draft } = program('deep');
  return { ...draft, rule };
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('program drafts (create and update)', () => {
  it('accepts a rule within the limits', () => {
    expect(parseDraft(draftWith(nestedNot(12))).rule).toEqual(nestedNot(12));
  });

  it.each([13, 1_000, 1_500, 100_000])(
    'refuses a rule nested %i deep with a validation error at the rule',
    (n) => {
      const error = caught(() => parseDraft(draftWith(nestedNot(n)), 'draft'));

      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors).toEqual([
        {
          path: expect.stringMatching(/^draft\.rule(\.rule)+$/),
          message: '규칙은 12단계보다 깊게 중첩할 수 없습니다.',
        },
      ]);
    },
  );
});
