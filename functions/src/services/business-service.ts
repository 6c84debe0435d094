import type { ApiRepositories } from '@sbiz24/shared';
import {
  BUSINESS_NUMBER_MESSAGES,
  BusinessProfileSchema,
  ConflictError,
  employeeConfirmationError,
  employeesNeedConfirmation,
  NotFoundError,
  parseBusinessNumber,
  profileDateErrors,
  type StoredBusiness,
  todayInKorea,
  toFieldErrors,
  UnprocessableError,
  ValidationError,
} from '@sbiz24/shared';
import type { ClaimRequest, PatchBusiness } from '@sbiz24/shared/contract/businesses';
import { type BusinessItem, toBusinessItem } from './business-view';
import { createFailureLimiter } from './rate-limiter';
import type { Caller } from './types';

const NOT_FOUND = '사업자를 찾을 수 없습니다. 사업자등록번호를 다시 확인해 주세요.';
const MISMATCH = '대표자명 또는 개업일이 사업자 등록 정보와 일치하지 않습니다';

const sameName = (a: string, b: string) =>
  a.normalize('NFC').replace(/\s+/g, '').toLowerCase() ===
  b.normalize('NFC').replace(/\s+/g, '').toLowerCase();

export interface BusinessServiceDeps {
  repos: ApiRepositories;
  clock: () => Date;
}

export function createBusinessService({ repos, clock }: BusinessServiceDeps) {
  const today = () => todayInKorea(clock);
  const claimLimiter = createFailureLimiter({
    limit: 5,
    windowMs: 10 * 60_000,
    clock,
    message: '사업자 확인에 여러 번 실패했습니다. 10분 뒤에 다시 시도해 주세요.',
  });

  /** The caller's business, or 404 — also for another owner's business, so that existence does not leak. */
  async function owned(caller: Caller, brnInput: string): Promise<StoredBusiness> {
    const parsed = parseBusinessNumber(brnInput);
    const business = parsed.ok ? await repos.businesses.get(parsed.value) : undefined;
    if (!business || business.ownerId !== caller.sub)
      throw new NotFoundError(NOT_FOUND, 'BUSINESS_NOT_FOUND');
    return business;
  }

  return {
    owned,

    async list(caller: Caller): Promise<BusinessItem[]> {
      const d = today();
      return (await repos.businesses.listByOwner(caller.sub)).map((b) => toBusinessItem(b, d));
    },

    async get(caller: Caller, brn: string): Promise<BusinessItem> {
      return toBusinessItem(await owned(caller, brn), today());
    },

    /**
     * Claims a registered business: the number must exist (404) and the representative's name and opening
     * date must match the registry record (422), as the tax office's status check asks. Failed attempts are
     * limited per user (429) so that the registry cannot be probed.
     */
    async claim(caller: Caller, input: ClaimRequest): Promise<BusinessItem> {
      const parsed = parseBusinessNumber(input.brn);
      if (!parsed.ok) {
        throw new ValidationError('입력값이 올바르지 않습니다.', [
          { path: 'brn', message: BUSINESS_NUMBER_MESSAGES[parsed.problem] },
        ]);
      }
      claimLimiter.check(caller.sub);
      const business = await repos.businesses.get(parsed.value);
      if (!business) {
        claimLimiter.recordFailure(caller.sub);
        throw new NotFoundError(NOT_FOUND, 'BUSINESS_NOT_FOUND');
      }
      const p = business.profile;
      if (!sameName(p.representativeName, input.representativeName) || p.openingDate !== input.openingDate) {
        claimLimiter.recordFailure(caller.sub);
        throw new UnprocessableError(MISMATCH, 'CLAIM_MISMATCH');
      }
      const alreadyClaimed = () =>
        new ConflictError('이미 다른 사용자가 등록한 사업자입니다.', 'ALREADY_CLAIMED');
      if (business.ownerId === caller.sub) return toBusinessItem(business, today());
      if (business.ownerId) throw alreadyClaimed();
      let claimed: StoredBusiness;
      try {
        claimed = await repos.businesses.claim(parsed.value, caller.sub);
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
        // Lost a race: to the same owner (two tabs, a double click) it is their business, as a repeated claim
        // is; the winner already wrote the audit entry.
        const winner = await repos.businesses.get(parsed.value);
        if (winner?.ownerId === caller.sub) return toBusinessItem(winner, today());
        throw alreadyClaimed();
      }
      await repos.audit.append({
        entityType: 'business',
        entityId: parsed.value,
        at: clock().toISOString(),
        actorId: caller.sub,
        action: 'claim',
        summary: '사업자 등록(소유 확인)',
        version: claimed.version,
      });
      return toBusinessItem(claimed, today());
    },

    /** Applies owner-editable changes if `version` is still current (409 VERSION_CONFLICT otherwise). */
    async update(caller: Caller, brn: string, { version, changes }: PatchBusiness): Promise<BusinessItem> {
      const business = await owned(caller, brn);
      const conflict = () =>
        new ConflictError(
          '다른 곳에서 먼저 수정되었습니다. 새로고침한 뒤 다시 시도해 주세요.',
          'VERSION_CONFLICT',
          { currentVersion: business.version },
        );
      if (business.version !== version) throw conflict();

      const next: Record<string, unknown> = { ...business.profile };
      const { flags, employeesConfirmed, ...fields } = changes;
      for (const [key, value] of Object.entries(fields)) {
        if (value === null) delete next[key];
        else if (value !== undefined) next[key] = value;
      }
      const nextFlags: Record<string, boolean> = { ...business.profile.flags };
      for (const [flag, value] of Object.entries(flags ?? {})) {
        if (value === null || value === undefined) delete nextFlags[flag];
        else nextFlags[flag] = value;
      }
      next.flags = nextFlags;
      const checked = BusinessProfileSchema.safeParse(next);
      if (!checked.success)
        throw new ValidationError(
          '입력값이 올바르지 않습니다.',
          toFieldErrors(checked.error.issues, 'changes'),
        );
      // Bounds that move with the date (how far ahead a date may lie), and a count above the 소상공인 limit
      // that the owner has not confirmed: the form checks the same (shared/src/profile/bounds.ts).
      const boundErrors = profileDateErrors(checked.data, today(), 'changes');
      if (
        typeof changes.employees === 'number' &&
        employeesConfirmed !== true &&
        employeesNeedConfirmation(checked.data.ksic, changes.employees)
      )
        boundErrors.push(
          employeeConfirmationError(checked.data.ksic, changes.employees, 'changes.employees'),
        );
      if (boundErrors.length > 0) throw new ValidationError('입력값이 올바르지 않습니다.', boundErrors);

      let updated: StoredBusiness;
      try {
        updated = await repos.businesses.updateProfile(
          business.profile.brn,
          { ...checked.data, brn: business.profile.brn },
          version,
        );
      } catch (err) {
        if (err instanceof ConflictError) throw conflict();
        throw err;
      }
      await repos.audit.append({
        entityType: 'business',
        entityId: business.profile.brn,
        at: clock().toISOString(),
        actorId: caller.sub,
        action: 'update-profile',
        summary: `변경 항목: ${Object.keys(changes).join(', ')}`,
        version: updated.version,
      });
      return toBusinessItem(updated, today());
    },
  };
}

export type BusinessService = ReturnType<typeof createBusinessService>;
