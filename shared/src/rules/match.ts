/**
 * Matching: every program evaluated for one business on one date, with reasons, and the near misses —
 * programs that one condition alone keeps the business from.
 */
import type { BusinessProfile } from '../profile/profile';
import type { Program, ProgramKind } from '../program/program';
import { isActionable } from './actionable';
import {
  cachedWording,
  type EvalContext,
  evaluateWithFacts,
  factsFor,
  foldRule,
  type LeafOutcome,
  type Reason,
} from './evaluate';
import { type Facts, not3, type Truth } from './facts';
import { changeSentence } from './phrases';
import type { Rule } from './types';

export interface ProgramEvaluation {
  id: string;
  title: string;
  /** The English title, when the program has one. */
  titleEn?: string | undefined;
  kind: ProgramKind;
  eligible: boolean;
  reasons: Reason[];
}

export interface NearMiss {
  id: string;
  title: string;
  titleEn?: string | undefined;
  kind: ProgramKind;
  /** The one condition that keeps the business from the program. */
  blocking: Reason;
  /** "상시근로자가 5명 미만이면 신청할 수 있습니다". */
  change: string;
  changeEn: string;
}

/** Evaluates one program's rule for a business on `ctx.asOf`. */
export function evaluateProgram(
  program: Program,
  profile: BusinessProfile,
  ctx: EvalContext,
): ProgramEvaluation {
  return evaluateWithin(program, factsFor(profile, ctx)).evaluation;
}

function evaluateWithin(program: Program, facts: Facts) {
  const { eligible, reasons, leaves } = evaluateWithFacts(program.rule, facts);
  const evaluation: ProgramEvaluation = {
    id: program.id,
    title: program.title,
    titleEn: program.titleEn,
    kind: program.kind,
    eligible,
    reasons,
  };
  return { evaluation, leaves };
}

/**
 * The condition whose change alone would make the rule true: a condition not met (known failures first,
 * then unknown facts, each in tree order) such that, with it met and every other outcome kept, the whole
 * rule holds, and (given `canChange`) one the owner can act on. Undefined when no single condition suffices.
 */
export function blockingLeaf(
  rule: Rule,
  leaves: readonly LeafOutcome[],
  canChange: (leaf: LeafOutcome) => boolean = () => true,
): number | undefined {
  const raw: Truth[] = [];
  for (const l of leaves) raw.push(l.negated ? not3(l.met) : l.met);
  const readRaw = (j: number): Truth => raw[j]!;
  for (const wanted of [false, null]) {
    for (let i = 0; i < leaves.length; i++) {
      if (leaves[i]!.met !== wanted || !canChange(leaves[i]!)) continue;
      const before = raw[i]!;
      raw[i] = !leaves[i]!.negated;
      const result = foldRule(rule, readRaw);
      raw[i] = before;
      if (result === true) return i;
    }
  }
  return undefined;
}

/**
 * Evaluates every program for one business (facts derived once), and lists the near misses: programs not
 * eligible that exactly one condition blocks, and one the owner can do something about (see actionable.ts). Programs are taken as given; filter by status or window first.
 */
export function matchPrograms(
  programs: readonly Program[],
  profile: BusinessProfile,
  ctx: EvalContext,
): { evaluations: ProgramEvaluation[]; nearMisses: NearMiss[] } {
  const programTitles = ctx.programTitles ?? Object.fromEntries(programs.map((p) => [p.id, p.title]));
  const programTitlesEn =
    ctx.programTitlesEn ??
    Object.fromEntries(programs.flatMap((p) => (p.titleEn ? [[p.id, p.titleEn]] : [])));
  const facts = factsFor(profile, { ...ctx, programTitles, programTitlesEn });
  const evaluations: ProgramEvaluation[] = [];
  const nearMisses: NearMiss[] = [];
  for (const program of programs) {
    const { evaluation, leaves } = evaluateWithin(program, facts);
    evaluations.push(evaluation);
    if (evaluation.eligible) continue;
    const i = blockingLeaf(program.rule, leaves, (leaf) => isActionable(leaf, facts));
    if (i === undefined) continue;
    const leaf = leaves[i]!;
    const wording = cachedWording(leaf.condition, facts);
    const change = changeSentence(leaf.condition, wording, leaf.negated, leaf.met === null, facts);
    nearMisses.push({
      id: program.id,
      title: program.title,
      titleEn: program.titleEn,
      kind: program.kind,
      blocking: evaluation.reasons[i]!,
      change: change.ko,
      changeEn: change.en,
    });
  }
  return { evaluations, nearMisses };
}
