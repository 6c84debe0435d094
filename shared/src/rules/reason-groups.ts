/**
 * The reasons of one evaluation as owners read them: required conditions one by one, and each "다음 중 하나"
 * group (see `Reason.anyOf`) gathered with its alternatives and its own verdict. Pure; the matches page and
 * docs/owner-examples.md both use it.
 */
import type { Truth } from './facts';

/** The part of a reason the grouping reads (the API's reasons and the engine's both fit). */
export interface GroupableReason {
  path: string;
  met: Truth;
  anyOf?: string | undefined;
}

/** One alternative of a group: a single condition, or several that must all hold together ("모두"). */
export interface ReasonAlternative<R extends GroupableReason> {
  /** The path of the alternative in the rule ("rules.1.rules.0"). */
  path: string;
  /** Kleene AND of its conditions. */
  met: Truth;
  reasons: R[];
}

export interface ReasonGroup<R extends GroupableReason> {
  /** The path of the group (an `any`, or an `all` under a `not`); "" for the whole rule. */
  anyOf: string;
  /** Kleene OR of its alternatives: met when one alternative is met, unknown when none is but one may be. */
  met: Truth;
  alternatives: ReasonAlternative<R>[];
}

export type ReasonEntry<R extends GroupableReason> = R | ReasonGroup<R>;

export function isReasonGroup<R extends GroupableReason>(e: ReasonEntry<R>): e is ReasonGroup<R> {
  return 'alternatives' in e;
}

/** The alternative a condition belongs to: the group's direct child that holds it. */
function alternativePath(group: string, path: string): string {
  const prefix = group === '' ? 'rules.' : `${group}.rules.`;
  if (!path.startsWith(prefix)) return path;
  const index = path.slice(prefix.length).split('.')[0];
  return `${prefix}${index}`;
}

function and3(values: readonly Truth[]): Truth {
  if (values.includes(false)) return false;
  return values.includes(null) ? null : true;
}

function or3(values: readonly Truth[]): Truth {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

/**
 * The reasons in rule order, the consecutive members of one group gathered into it. Members are split into
 * the group's alternatives by path, so that `any[restart, all[stage, priorSupport]]` reads as two
 * alternatives, the second met only when both of its conditions are — not as three lines any one of which
 * would do.
 */
export function groupReasons<R extends GroupableReason>(reasons: readonly R[]): ReasonEntry<R>[] {
  const out: ReasonEntry<R>[] = [];
  for (const r of reasons) {
    if (r.anyOf === undefined) {
      out.push(r);
      continue;
    }
    const last = out[out.length - 1];
    let group: ReasonGroup<R>;
    if (last !== undefined && isReasonGroup(last) && last.anyOf === r.anyOf) group = last;
    else {
      group = { anyOf: r.anyOf, met: false, alternatives: [] };
      out.push(group);
    }
    const path = alternativePath(r.anyOf, r.path);
    const alt = group.alternatives.find((a) => a.path === path);
    if (alt) alt.reasons.push(r);
    else group.alternatives.push({ path, met: true, reasons: [r] });
  }
  for (const e of out) {
    if (!isReasonGroup(e)) continue;
    for (const a of e.alternatives) a.met = and3(a.reasons.map((r) => r.met));
    e.met = or3(e.alternatives.map((a) => a.met));
  }
  return out;
}
