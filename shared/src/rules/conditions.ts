import { addYears } from '../dates';
import type { Disaster } from '../disaster/disaster';
import type { DamageConfirmation } from '../profile/profile';
import { ksicMatches } from '../reference/ksic';
import { type Facts, operatingAtDisaster, operatingOn, or3, type Truth } from './facts';
import type { Bounds, Condition, DisasterSelector } from './types';

/** True when `value` lies within the bounds. */
export function withinBounds(value: number, b: Bounds): boolean {
  if (b.gte !== undefined && !(value >= b.gte)) return false;
  if (b.gt !== undefined && !(value > b.gt)) return false;
  if (b.lte !== undefined && !(value <= b.lte)) return false;
  if (b.lt !== undefined && !(value < b.lt)) return false;
  return true;
}

/** The declared disasters a selector picks: by id, by kind, both, or (neither) all of them. */
export function selectDisasters(s: DisasterSelector, disasters: readonly Disaster[]): Disaster[] {
  return disasters.filter(
    (d) =>
      (s.disasterId === undefined || d.id === s.disasterId) &&
      (s.disasterKind === undefined || d.kind === s.disasterKind),
  );
}

/** A region code of a rule covers a 시군구: the same code, or its 시도 (first two digits). */
export function regionCovers(ruleCode: string, sigungu: string): boolean {
  return ruleCode.length === 2 ? sigungu.startsWith(ruleCode) : sigungu === ruleCode;
}

/** The selected disasters whose area holds the business and at whose start it was (or may have been) operating. */
export function disastersAffecting(
  s: DisasterSelector,
  f: Facts,
): { disaster: Disaster; operating: Truth }[] {
  const region = f.profile.regionCode;
  return selectDisasters(s, f.disasters)
    .filter((d) => d.regionCodes.includes(region))
    .map((disaster) => ({ disaster, operating: operatingAtDisaster(f, disaster.startDate) }));
}

/**
 * The damage confirmations that count: for a selected disaster whose area holds the business and at whose
 * start it was (or, with the opening date unknown, may have been) operating. A business that opened after
 * the disaster began, or closed before it, suffered no damage as a business, whatever its papers say.
 */
export function confirmedDamage(s: DisasterSelector, f: Facts) {
  const hits = disastersAffecting(s, f);
  const out: { confirmation: DamageConfirmation; disaster: Disaster; operating: Truth }[] = [];
  for (const c of f.profile.disasterDamage) {
    const hit = hits.find((h) => h.disaster.id === c.disasterId);
    if (hit) out.push({ confirmation: c, disaster: hit.disaster, operating: hit.operating });
  }
  return out;
}

/** The prior support entries a condition counts: that program, in a year no older than `withinYears` ago. */
export function countedSupport(programId: string, withinYears: number | undefined, f: Facts) {
  const since = withinYears === undefined ? Number.NEGATIVE_INFINITY : f.asOfYear - withinYears;
  return f.profile.priorSupport.filter((s) => s.programId === programId && s.year >= since);
}

/**
 * The truth of one condition for a business (before any `not` above it). null means unknown: a fact the
 * condition needs is absent from the profile.
 */
export function evaluateCondition(c: Condition, f: Facts): Truth {
  const p = f.profile;
  switch (c.type) {
    case 'region': {
      const inside = c.codes.some((code) => regionCovers(code, p.regionCode));
      return c.op === 'in' ? inside : !inside;
    }
    case 'industry': {
      const inside = c.codes.some((code) => ksicMatches(p.ksic, code));
      return c.op === 'in' ? inside : !inside;
    }
    case 'range': {
      const v = f.ranges[c.field];
      if (v === undefined) return null;
      if (v === 'none') return false;
      return withinBounds(v, c);
    }
    case 'smallBusiness':
      return f.smallBusiness;
    case 'flag': {
      const v = p.flags[c.flag];
      if (v === undefined) return null;
      return v === c.present;
    }
    case 'priorSupport':
      return countedSupport(c.programId, c.withinYears, f).length > 0 === c.present;
    case 'disasterArea':
      return disastersAffecting(c, f).reduce<Truth>((acc, x) => or3(acc, x.operating), false);
    case 'disasterDamage':
      return confirmedDamage(c, f).reduce<Truth>((acc, x) => or3(acc, x.operating), false);
    case 'openedBefore':
      if (f.opened === 'no') return false;
      if (f.opened === 'unknown') return null;
      return p.openingDate! < c.date;
    case 'operating':
      return operatingOn(f, c.date ?? f.asOf);
    case 'closure': {
      const planned = p.plannedClosureDate !== undefined && !f.closed;
      const closed = f.closed && (c.withinDays === undefined || f.closedDaysAgo! <= c.withinDays);
      if (c.status === 'planned') return planned;
      if (c.status === 'closed') return closed;
      return planned || closed;
    }
    case 'restart': {
      if (p.previousClosureDate === undefined || f.opened === 'no') return false;
      if (f.opened === 'unknown') return null;
      const opening = p.openingDate!;
      return p.previousClosureDate <= opening && opening <= addYears(p.previousClosureDate, c.withinYears);
    }
    case 'preStartup':
      return p.preStartup === true;
    case 'stage':
      return f.stage === undefined ? null : c.stages.includes(f.stage.stage);
  }
}
