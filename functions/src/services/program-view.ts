import {
  AGENCIES,
  type Disaster,
  type DisasterSelector,
  dDay,
  effectiveStatus,
  isOpenAsOf,
  type LifecycleStage,
  type Program,
  type ProgramKind,
  type ProgramStatus,
  type Rule,
  selectDisasters,
} from '@sbiz24/shared';

/** A program as lists show it. */
export interface ProgramSummary {
  id: string;
  title: string;
  titleEn: string | null;
  kind: ProgramKind;
  agencyId: Program['agencyId'];
  agencyName: string;
  stages: LifecycleStage[];
  summary: string;
  summaryEn: string | null;
  benefit: Program['benefit'];
  applyStart: string | null;
  applyEnd: string | null;
  /** The status on `today`: a scheduled program whose window has begun shows as open, an open one past its end as closed. */
  status: ProgramStatus;
  /** Days from today to the last day to apply (0 on the day); null without an end date or once it has passed. */
  dDay: number | null;
}

export function toSummary(p: Program, today: string): ProgramSummary {
  const days = p.applyEnd ? dDay(p.applyEnd, today) : null;
  return {
    id: p.id,
    title: p.title,
    titleEn: p.titleEn ?? null,
    kind: p.kind,
    agencyId: p.agencyId,
    agencyName: AGENCIES[p.agencyId],
    stages: p.stages,
    summary: p.summary,
    summaryEn: p.summaryEn ?? null,
    benefit: p.benefit,
    applyStart: p.applyStart ?? null,
    applyEnd: p.applyEnd ?? null,
    status: effectiveStatus(p, today),
    dDay: days !== null && days >= 0 ? days : null,
  };
}

/** The region conditions at the top level of a rule (the rule itself, or direct children of an `all`). */
function topLevelRegionConditions(rule: Rule): { op: 'in' | 'notIn'; codes: string[] }[] {
  const nodes = rule.type === 'all' ? rule.rules : [rule];
  return nodes.flatMap((n) => (n.type === 'region' ? [{ op: n.op, codes: n.codes }] : []));
}

/** The disaster conditions at the top level of a rule: a program tied to a disaster is for its area. */
function topLevelDisasterConditions(rule: Rule): DisasterSelector[] {
  const nodes = rule.type === 'all' ? rule.rules : [rule];
  return nodes.flatMap((n) => (n.type === 'disasterArea' || n.type === 'disasterDamage' ? [n] : []));
}

/**
 * False when the rule's top-level conditions rule the region out: a region `in` list that neither covers
 * it nor lies inside it (asking for a 시도 keeps programs of any of its 시군구), a `notIn` list that covers
 * it, or a disaster condition none of whose declared disasters' areas lies in it (a program's regions are
 * the ones its rule or its disaster names). Deeper conditions (under `any`/`not`) are not interpreted:
 * those programs stay listed.
 */
export function ruleAdmitsRegion(rule: Rule, region: string, disasters: readonly Disaster[] = []): boolean {
  const byRegion = topLevelRegionConditions(rule).every(({ op, codes }) =>
    op === 'in'
      ? codes.some((c) => region.startsWith(c) || c.startsWith(region))
      : !codes.some((c) => region.startsWith(c)),
  );
  return (
    byRegion &&
    topLevelDisasterConditions(rule).every((s) =>
      selectDisasters(s, disasters).some((d) =>
        d.regionCodes.some((c) => c.startsWith(region) || region.startsWith(c)),
      ),
    )
  );
}

export interface ProgramQuery {
  kind?: ProgramKind;
  stage?: LifecycleStage;
  region?: string;
  openNow?: boolean;
  closingWithinDays?: number;
  q?: string;
}

/** Lower-case, no spaces: "청년 고용" finds "청년고용연계자금". */
export const normalizeText = (s: string) => s.toLocaleLowerCase('ko-KR').replace(/\s+/g, '');

/** Whether a program passes the list filters; `disasters` (the declared ones) place disaster programs. */
export function matchesQuery(
  p: Program,
  query: ProgramQuery,
  today: string,
  disasters: readonly Disaster[] = [],
): boolean {
  if (query.kind && p.kind !== query.kind) return false;
  if (query.stage && !p.stages.includes(query.stage)) return false;
  if (query.region && !ruleAdmitsRegion(p.rule, query.region, disasters)) return false;
  if (query.openNow && !isOpenAsOf(p, today)) return false;
  if (query.closingWithinDays !== undefined) {
    if (!p.applyEnd || !isOpenAsOf(p, today)) return false;
    const days = dDay(p.applyEnd, today);
    if (days < 0 || days > query.closingWithinDays) return false;
  }
  if (query.q) {
    const needle = normalizeText(query.q);
    const hay = [p.title, p.titleEn ?? '', p.summary, AGENCIES[p.agencyId]].map(normalizeText);
    if (!hay.some((h) => h.includes(needle))) return false;
  }
  return true;
}

const STATUS_ORDER: Record<ProgramStatus, number> = { open: 0, scheduled: 1, draft: 2, closed: 3 };

let koreanCollator: Intl.Collator | undefined;

/**
 * The nearest deadline first (none last), then by title in Korean dictionary order. Dates are ISO strings, so
 * they compare by code unit; the titles share one collator: `localeCompare(…, 'ko')` sets up ICU's Korean
 * collation on every call, which made sorting the catalog the largest part of a cold `GET /api/programs`
 * after the table read itself.
 */
export function compareByDeadlineThenTitle(
  a: { applyEnd?: string | null | undefined; title: string },
  b: { applyEnd?: string | null | undefined; title: string },
): number {
  const endA = a.applyEnd ?? '9999-12-31';
  const endB = b.applyEnd ?? '9999-12-31';
  if (endA !== endB) return endA < endB ? -1 : 1;
  koreanCollator ??= new Intl.Collator('ko');
  return koreanCollator.compare(a.title, b.title);
}

/** Open first, then scheduled, then closed; within each, the nearest deadline first, then by title. */
export function compareForListing(a: ProgramSummary, b: ProgramSummary): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || compareByDeadlineThenTitle(a, b);
}
