import * as z from 'zod/mini';
import { IsoDateSchema, KsicPrefixSchema, regionCodeSchema } from '../formats';
import { LIFECYCLE_STAGES } from '../lifecycle/stage';
import { FLAGS } from '../profile/profile';
import { type FieldError, toFieldErrors, type Validated } from '../validation';
import { checkRuleLimits } from './limits';
import { type Bounds, DISASTER_KINDS, RANGE_FIELDS, type Rule } from './types';

export { checkRuleLimits, MAX_RULE_DEPTH, RULE_LIMITS } from './limits';

const isoDate = IsoDateSchema;
const finite = z.number().check(z.refine(Number.isFinite, { message: '유한한 숫자여야 합니다.' }));

const boundsShape = {
  gte: z.optional(finite),
  gt: z.optional(finite),
  lte: z.optional(finite),
  lt: z.optional(finite),
};

function checkBounds(b: Bounds, ctx: z.core.$RefinementCtx): void {
  const keys = (['gte', 'gt', 'lte', 'lt'] as const).filter((k) => b[k] !== undefined);
  if (keys.length === 0)
    ctx.addIssue({ code: 'custom', message: '범위의 하한 또는 상한을 하나 이상 입력해야 합니다.' });
  if (b.gte !== undefined && b.gt !== undefined)
    ctx.addIssue({ code: 'custom', path: ['gt'], message: '이상(gte)과 초과(gt)는 함께 쓸 수 없습니다.' });
  if (b.lte !== undefined && b.lt !== undefined)
    ctx.addIssue({ code: 'custom', path: ['lt'], message: '이하(lte)와 미만(lt)은 함께 쓸 수 없습니다.' });
  const low = b.gte ?? b.gt;
  const high = b.lte ?? b.lt;
  if (low !== undefined && high !== undefined && low > high) {
    ctx.addIssue({ code: 'custom', message: `하한(${low})이 상한(${high})보다 클 수 없습니다.` });
  }
}

const regionCodes = z
  .array(regionCodeSchema('알 수 없는 지역 코드입니다 (시도 2자리 또는 시군구 5자리).'))
  .check(z.minLength(1, { message: '지역을 하나 이상 선택해야 합니다.' }), z.maxLength(300));
const ksicCodes = z
  .array(KsicPrefixSchema)
  .check(z.minLength(1, { message: '업종을 하나 이상 선택해야 합니다.' }), z.maxLength(200));
const disasterSelector = {
  disasterId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  disasterKind: z.optional(z.enum(DISASTER_KINDS)),
};

export const ConditionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('region'), op: z.enum(['in', 'notIn']), codes: regionCodes }),
  z.strictObject({ type: z.literal('industry'), op: z.enum(['in', 'notIn']), codes: ksicCodes }),
  z
    .strictObject({ type: z.literal('range'), field: z.enum(RANGE_FIELDS), ...boundsShape })
    .check(z.superRefine(checkBounds)),
  z.strictObject({ type: z.literal('smallBusiness') }),
  z.strictObject({ type: z.literal('flag'), flag: z.enum(FLAGS), present: z.boolean() }),
  z.strictObject({
    type: z.literal('priorSupport'),
    programId: z.string().check(z.minLength(1), z.maxLength(100)),
    withinYears: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(50))),
    present: z.boolean(),
  }),
  z.strictObject({ type: z.literal('disasterArea'), ...disasterSelector }),
  z.strictObject({ type: z.literal('disasterDamage'), ...disasterSelector }),
  z.strictObject({ type: z.literal('openedBefore'), date: isoDate }),
  z.strictObject({ type: z.literal('operating'), date: z.optional(isoDate) }),
  z.strictObject({
    type: z.literal('closure'),
    status: z.enum(['planned', 'closed', 'plannedOrClosed']),
    withinDays: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(36_500))),
  }),
  z.strictObject({
    type: z.literal('restart'),
    withinYears: z.number().check(z.int(), z.minimum(1), z.maximum(50)),
  }),
  z.strictObject({ type: z.literal('preStartup') }),
  z.strictObject({
    type: z.literal('stage'),
    stages: z
      .array(z.enum(LIFECYCLE_STAGES))
      .check(z.minLength(1, { message: '단계를 하나 이상 선택해야 합니다.' })),
  }),
]);

/**
 * The rule tree's shape. Its children are {@link RuleSchema} again (so that the OpenAPI document keeps one
 * recursive `Rule`); each level re-checks the limits of its subtree, at most depth × nodes steps in all, since
 * the root's check already bounded both.
 */
const RuleTreeSchema: z.ZodMiniType<Rule> = z.lazy(() =>
  z.union([
    z.strictObject({
      type: z.literal('all'),
      rules: z
        .array(RuleSchema)
        .check(z.minLength(1, { message: '조건을 하나 이상 넣어야 합니다.' }), z.maxLength(100)),
    }),
    z.strictObject({
      type: z.literal('any'),
      rules: z
        .array(RuleSchema)
        .check(z.minLength(1, { message: '조건을 하나 이상 넣어야 합니다.' }), z.maxLength(100)),
    }),
    z.strictObject({ type: z.literal('not'), rule: RuleSchema }),
    ConditionSchema,
  ]),
) as z.ZodMiniType<Rule>;

/**
 * An eligibility rule. The size limits ({@link RULE_LIMITS}: depth, nodes, list and string lengths) are checked
 * first by an iterative walk, so that every schema containing a rule (a program, a draft, a preview request)
 * refuses a hostile rule with its path before zod's recursive parse could overflow the stack.
 */
export const RuleSchema: z.ZodMiniType<Rule> = z.pipe(
  z.transform((input, ctx) => {
    const problem = checkRuleLimits(input);
    if (!problem) return input;
    ctx.issues.push({
      code: 'custom',
      message: problem.message,
      path: problem.path === '' ? [] : problem.path.split('.'),
      input,
    });
    return z.NEVER;
  }),
  RuleTreeSchema,
) as unknown as z.ZodMiniType<Rule>;

const KNOWN_TYPES = new Set([
  'all',
  'any',
  'not',
  'region',
  'industry',
  'range',
  'smallBusiness',
  'flag',
  'priorSupport',
  'disasterArea',
  'disasterDamage',
  'openedBefore',
  'operating',
  'closure',
  'restart',
  'preStartup',
  'stage',
]);

/**
 * Finds the first structural problem zod's union reporting would blur: an unknown node type deep in the
 * tree. Reported with its exact path so that an editor can point at it.
 */
function unknownTypes(rule: unknown, path: string[], out: FieldError[]): void {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
    out.push({ path: path.join('.'), message: '규칙은 객체여야 합니다.' });
    return;
  }
  const r = rule as { type?: unknown; rules?: unknown; rule?: unknown };
  if (typeof r.type !== 'string' || !KNOWN_TYPES.has(r.type)) {
    out.push({ path: [...path, 'type'].join('.'), message: `알 수 없는 조건 종류입니다: ${String(r.type)}` });
    return;
  }
  if ((r.type === 'all' || r.type === 'any') && Array.isArray(r.rules)) {
    for (const [i, x] of r.rules.entries()) unknownTypes(x, [...path, 'rules', String(i)], out);
  }
  if (r.type === 'not' && r.rule !== undefined) unknownTypes(r.rule, [...path, 'rule'], out);
}

/** Validates an eligibility rule; every problem comes back with its path and a Korean message. */
export function validateRule(input: unknown, prefix = ''): Validated<Rule> {
  const base = prefix ? [prefix] : [];
  // Before any recursive walk (the type check below, zod): a hostile rule stops here with its path.
  const tooLarge = checkRuleLimits(input, prefix);
  if (tooLarge) return { ok: false, errors: [tooLarge] };
  const structural: FieldError[] = [];
  unknownTypes(input, base, structural);
  if (structural.length > 0) return { ok: false, errors: structural };
  const result = RuleSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: dedupe(toFieldErrors(flattenUnionIssues(result.error.issues), prefix)) };
}

/** zod reports a failed union as one issue holding each branch's issues; keep the branch that matched the type. */
function flattenUnionIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const out: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branches = issue.errors.map((errs) =>
        errs.filter((e) => !(e.code === 'invalid_value' && e.path.at(-1) === 'type')),
      );
      const best = branches.reduce(
        (a, b) => (b.length > 0 && (a.length === 0 || b.length < a.length) ? b : a),
        [] as z.core.$ZodIssue[],
      );
      out.push(...flattenUnionIssues(best.map((e) => ({ ...e, path: [...issue.path, ...e.path] }))));
    } else {
      out.push(issue);
    }
  }
  return out;
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
