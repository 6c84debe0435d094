import { SUPPORT_SOURCE_LABELS, type SupportHistoryEntry } from '@sbiz24/shared/application/application';
import type { AddSupportRequest, SupportHistoryEntryBody } from '@sbiz24/shared/contract/applications';
import { ConflictError } from '@sbiz24/shared/errors';
import type { AuditRepository, Repositories } from '@sbiz24/shared/repositories';
import { ownedBusiness } from './application-access';
import type { Caller, CatalogCache } from './types';

/** The most entries a profile's support history holds (BusinessProfileSchema's bound). */
const MAX_HISTORY = 200;

/**
 * 지원이력: the portal's own awards (포털 선정, written by the approving transaction) and support the owner
 * entered (자가 입력). The rules engine reads both from the profile's `priorSupport`.
 */
export function createSupportHistory({
  repos,
  catalog,
  clock,
}: {
  repos: Pick<Repositories, 'businesses'> & { audit: AuditRepository };
  catalog: CatalogCache;
  clock: () => Date;
}) {
  async function entries(
    priorSupport: readonly SupportHistoryEntry[] | undefined,
  ): Promise<SupportHistoryEntryBody[]> {
    const titles = new Map((await catalog.get()).programs.map((p) => [p.id, p.title]));
    return (priorSupport ?? [])
      .map((s): SupportHistoryEntryBody => {
        const title = titles.get(s.programId);
        return {
          programId: s.programId,
          ...(title ? { programTitle: title } : {}),
          year: s.year,
          ...(s.amount !== undefined ? { amount: s.amount } : {}),
          source: s.source,
          sourceLabel: SUPPORT_SOURCE_LABELS[s.source].ko,
          ...(s.applicationId ? { applicationId: s.applicationId } : {}),
        };
      })
      .sort((a, b) => b.year - a.year || a.programId.localeCompare(b.programId));
  }

  const fromProfile = (
    prior: { programId: string; year: number; amount?: number; source?: 'portal'; applicationId?: string }[],
  ) =>
    prior.map(
      (s): SupportHistoryEntry => ({
        programId: s.programId,
        year: s.year,
        ...(s.amount !== undefined ? { amount: s.amount } : {}),
        source: s.source === 'portal' ? 'portal' : 'self',
        ...(s.applicationId ? { applicationId: s.applicationId } : {}),
      }),
    );

  return {
    /** Both kinds, newest first. */
    async list(caller: Caller, brn: string): Promise<SupportHistoryEntryBody[]> {
      const business = await ownedBusiness(repos, caller, brn);
      return entries(fromProfile(business.profile.priorSupport));
    },

    /**
     * Adds support the owner received elsewhere, marked self-reported (no `source`), on condition of the
     * business's version; the same program and year twice is refused.
     */
    async addSelfReported(
      caller: Caller,
      brn: string,
      input: AddSupportRequest,
    ): Promise<SupportHistoryEntryBody[]> {
      const business = await ownedBusiness(repos, caller, brn);
      if (business.version !== input.version)
        throw new ConflictError(
          '다른 곳에서 먼저 수정했습니다. 최신 내용을 다시 불러온 뒤 입력해 주세요.',
          'VERSION_CONFLICT',
          { currentVersion: business.version },
        );
      const prior = business.profile.priorSupport;
      if (prior.some((s) => s.programId === input.programId && s.year === input.year))
        throw new ConflictError('같은 사업·연도의 지원 이력이 이미 있습니다.', 'SUPPORT_EXISTS');
      if (prior.length >= MAX_HISTORY)
        throw new ConflictError(`지원 이력은 ${MAX_HISTORY}건까지 기록할 수 있습니다.`, 'SUPPORT_LIMIT');
      const profile = {
        ...business.profile,
        priorSupport: [...prior, { programId: input.programId, year: input.year }],
      };
      const saved = await repos.businesses.updateProfile(business.profile.brn, profile, input.version);
      await repos.audit.append({
        entityType: 'business',
        entityId: business.profile.brn,
        at: clock().toISOString(),
        actorId: caller.sub,
        action: 'support.self-reported',
        summary: `priorSupport + ${input.programId} (${input.year})`,
        version: saved.version,
      });
      return entries(fromProfile(saved.profile.priorSupport));
    },
  };
}

export type SupportHistory = ReturnType<typeof createSupportHistory>;
