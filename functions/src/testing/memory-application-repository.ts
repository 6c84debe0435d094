import {
  type ApplicationRepository,
  type AuditRepository,
  type BusinessRepository,
  ConflictError,
  type IdempotencyRecord,
  NotFoundError,
  type Page,
  ValidationError,
} from '@sbiz24/shared';
import {
  APPLICATION_STATUSES,
  type Application,
  type ApplicationStatus,
} from '@sbiz24/shared/application/index';
import { alreadyApplied, idempotencyKeyUsed, quotaExceeded } from '../store/application-repository';

const copy = <T>(value: T): T => structuredClone(value);

/**
 * In memory, the same contract as the DynamoDB adapter: all-or-nothing creates with per-program guards and
 * an idempotency record, transitions conditional on version and status, a quota counter that never
 * over-awards, the award appended to the business's prior support, audit entries with every write. Writes
 * run one at a time, like the transactions they stand for.
 */
export function createMemoryApplicationRepository(deps: {
  businesses: BusinessRepository;
  audit: AuditRepository;
}): ApplicationRepository {
  const apps = new Map<string, Application>();
  const guards = new Map<string, string>();
  const idempotency = new Map<string, IdempotencyRecord>();
  const quotas = new Map<string, { awards: number; budgetUsed: number }>();
  const guardKey = (brn: string, programId: string) => `${brn}#${programId}`;

  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  function page(list: Application[], options: { limit?: number; cursor?: string }): Page<Application> {
    const limit = options.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      throw new ValidationError('한 페이지는 1~100건이어야 합니다.', [{ path: 'limit', message: '1~100' }]);
    const sorted = list
      .map((a) => ({ a, key: `${a.submittedAt}#${a.id}` }))
      .sort((x, y) => (x.key < y.key ? 1 : x.key > y.key ? -1 : 0));
    const start = options.cursor === undefined ? 0 : sorted.findIndex((x) => x.key < options.cursor!);
    const slice = start < 0 ? [] : sorted.slice(start, start + limit);
    const more = start >= 0 && start + limit < sorted.length;
    const items = slice.map((x) => copy(x.a));
    return more ? { items, cursor: slice[slice.length - 1]!.key } : { items };
  }

  return {
    async get(id) {
      const app = apps.get(id);
      return app && copy(app);
    },

    async activeId(brn, programId) {
      return guards.get(guardKey(brn, programId));
    },

    async getIdempotency(ownerId, key) {
      const record = idempotency.get(`${ownerId}#${key}`);
      return record && copy(record);
    },

    create({ applications, idempotency: record, audit }) {
      return serial(async () => {
        if (idempotency.has(`${record.ownerId}#${record.key}`)) throw idempotencyKeyUsed();
        const taken = applications
          .filter((a) => guards.has(guardKey(a.brn, a.programId)))
          .map((a) => a.programId);
        if (taken.length > 0) throw alreadyApplied(taken);
        if (applications.some((a) => apps.has(a.id)))
          throw new ConflictError('신청 ID가 겹쳤습니다. 다시 시도해 주세요.', 'ALREADY_EXISTS');
        idempotency.set(`${record.ownerId}#${record.key}`, copy(record));
        for (const app of applications) {
          apps.set(app.id, copy(app));
          guards.set(guardKey(app.brn, app.programId), app.id);
        }
        for (const entry of audit) await deps.audit.append(entry);
        return copy(applications);
      });
    },

    transition({ next, expectedVersion, from, releaseGuard, quota, award, audit }) {
      return serial(async () => {
        const current = apps.get(next.id);
        if (!current) throw new NotFoundError('신청을 찾을 수 없습니다.', 'APPLICATION_NOT_FOUND');
        if (current.version !== expectedVersion || current.status !== from)
          throw new ConflictError(
            '다른 사용자가 먼저 수정했습니다. 최신 내용을 다시 불러온 뒤 수정해 주세요.',
            'VERSION_CONFLICT',
            { expectedVersion, currentVersion: current.version },
          );
        const used = quotas.get(next.programId) ?? { awards: 0, budgetUsed: 0 };
        if (quota) {
          const { budget, maxAwards } = quota.limits;
          if (maxAwards !== undefined && used.awards + 1 > maxAwards) throw quotaExceeded();
          if (budget !== undefined && used.budgetUsed + quota.amount > budget) throw quotaExceeded();
        }
        if (award) {
          // Like the transaction's list_append: retried until it lands on the business's current version.
          for (;;) {
            const business = await deps.businesses.get(award.brn);
            if (!business)
              throw new ConflictError(
                '신청과 함께 바뀌어야 할 정보가 바뀌지 않아 처리하지 않았습니다.',
                'CONFLICT',
              );
            const profile = {
              ...business.profile,
              priorSupport: [...business.profile.priorSupport, award.support],
            };
            try {
              await deps.businesses.updateProfile(award.brn, profile, business.version);
              break;
            } catch (err) {
              if (!(err instanceof ConflictError)) throw err;
            }
          }
        }
        apps.set(next.id, copy(next));
        if (releaseGuard && guards.get(guardKey(next.brn, next.programId)) === next.id)
          guards.delete(guardKey(next.brn, next.programId));
        if (quota)
          quotas.set(next.programId, { awards: used.awards + 1, budgetUsed: used.budgetUsed + quota.amount });
        await deps.audit.append(audit);
        return copy(next);
      });
    },

    async listByBusiness(brn, options = {}) {
      return page(
        [...apps.values()].filter((a) => a.brn === brn),
        options,
      );
    },

    async listByProgram(programId, options = {}) {
      return page(
        [...apps.values()].filter(
          (a) =>
            a.programId === programId &&
            (options.status === undefined || a.status === options.status) &&
            (options.sido === undefined || a.sido === options.sido) &&
            (options.stage === undefined || a.stage === options.stage),
        ),
        options,
      );
    },

    async countByStatus(programId) {
      const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<
        ApplicationStatus,
        number
      >;
      for (const a of apps.values()) if (a.programId === programId) counts[a.status]++;
      return counts;
    },

    async quotaUsage(programId) {
      return { ...(quotas.get(programId) ?? { awards: 0, budgetUsed: 0 }) };
    },
  };
}
