import {
  deriveStage,
  isOpenAsOf,
  type LifecycleStage,
  matchPrograms,
  PROGRAM_KINDS,
  type ProgramKind,
  type StoredBusiness,
  todayInKorea,
} from '@sbiz24/shared';

import { compareByDeadlineThenTitle, toSummary } from './program-view';
import type { CatalogCache } from './types';

type MatchResult = ReturnType<typeof matchPrograms>;
type Evaluation = MatchResult['evaluations'][number];
type NearMiss = MatchResult['nearMisses'][number];

/** One program a business qualifies for, with every condition's reason. */
export interface MatchItem {
  id: string;
  title: string;
  titleEn: string | null;
  kind: ProgramKind;
  eligible: true;
  reasons: Evaluation['reasons'];
  applyEnd: string | null;
  dDay: number | null;
}

export interface NearMissItem {
  id: string;
  title: string;
  titleEn: string | null;
  kind: ProgramKind;
  change: string;
  changeEn: string;
  blocking: NearMiss['blocking'];
}

export interface MatchesResponse {
  asOf: string;
  stage: LifecycleStage | null;
  groups: Record<ProgramKind, MatchItem[]>;
  nearMisses: NearMissItem[];
}

/**
 * Matching on read: every program open on the date, from the container's catalog cache, evaluated against
 * the business's current profile and the declared disasters. Thousands of programs × one business is
 * microseconds, so owners never wait for the batch.
 */
export function createMatchService({ catalog, clock }: { catalog: CatalogCache; clock: () => Date }) {
  return {
    async forBusiness(business: StoredBusiness, asOfInput?: string): Promise<MatchesResponse> {
      const today = todayInKorea(clock);
      const asOf = asOfInput ?? today;
      const snapshot = await catalog.get();
      const open = snapshot.programs.filter((p) => isOpenAsOf(p, asOf));
      const { evaluations, nearMisses } = matchPrograms(open, business.profile, {
        asOf,
        disasters: snapshot.disasters,
        // Every published title, so that a prior-support reason names a closed program too.
        programTitles: Object.fromEntries(snapshot.programs.map((p) => [p.id, p.title])),
        programTitlesEn: Object.fromEntries(
          snapshot.programs.flatMap((p) => (p.titleEn ? [[p.id, p.titleEn]] : [])),
        ),
      });
      const groups = Object.fromEntries(PROGRAM_KINDS.map((k) => [k, [] as MatchItem[]])) as Record<
        ProgramKind,
        MatchItem[]
      >;
      const byId = new Map(open.map((p) => [p.id, p]));
      for (const e of evaluations) {
        if (!e.eligible) continue;
        const summary = toSummary(byId.get(e.id)!, asOf);
        groups[e.kind].push({
          id: e.id,
          title: e.title,
          titleEn: e.titleEn ?? null,
          kind: e.kind,
          eligible: true,
          reasons: e.reasons,
          applyEnd: summary.applyEnd,
          dDay: summary.dDay,
        });
      }
      for (const list of Object.values(groups)) {
        list.sort(compareByDeadlineThenTitle);
      }
      return {
        asOf,
        stage: deriveStage(business.profile, asOf)?.stage ?? null,
        groups,
        nearMisses: nearMisses.map((n) => ({
          id: n.id,
          title: n.title,
          titleEn: n.titleEn ?? null,
          kind: n.kind,
          change: n.change,
          changeEn: n.changeEn,
          blocking: n.blocking,
        })),
      };
    },
  };
}

export type MatchService = ReturnType<typeof createMatchService>;
