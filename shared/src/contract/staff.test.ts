import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/index';
import { CreateProgramSchema, ProgramDraftBodySchema } from './staff';

function nestedNot(levels: number): unknown {
  let rule: unknown = { type: 'smallBusiness' };
  for (let i = 1; i < levels; i++) rule = { type: 'not', rule };
  return rule;
}

/** A real catalog program as a draft body (what the staff editor sends), with `rule` replaced. */
function draftWith(rule: unknown): Record<string, unknown> {
  const { id: _id, status: _s, version: _v, ...draft } = loadCatalog().programs[0]!;
  return { ...draft, rule };
}

describe('program drafts (create and update bodies)', () => {
  it('accepts a rule within the limits', () => {
    const parsed = ProgramDraftBodySchema.safeParse(draftWith(nestedNot(12)));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.rule).toEqual(nestedNot(12));
  });

  it.each([13, 1_000, 1_500, 100_000])(
    'refuses a rule nested %i deep with one error at the rule, before any recursive walk',
    (n) => {
      for (const schema of [ProgramDraftBodySchema, CreateProgramSchema]) {
        const parsed = schema.safeParse({ id: 'deep-rule', ...draftWith(nestedNot(n)) });
        expect(parsed.success).toBe(false);
        const issues = parsed.error!.issues.filter((i) => i.path[0] === 'rule');
        expect(issues.map((i) => i.message)).toEqual(['규칙은 12단계보다 깊게 중첩할 수 없습니다.']);
      }
    },
  );
});
