import type { AuditEntry, IdempotencyRecord } from '@sbiz24/shared';
import type { Application } from '@sbiz24/shared/application/index';
import { brnOf } from './fixtures';

/** A submitted application as the service would create it, for store tests. */
export function application(id: string, overrides: Partial<Application> = {}): Application {
  const brn = overrides.brn ?? brnOf(1);
  const submittedAt = overrides.submittedAt ?? '2026-12-03T01:00:00.000Z';
  return {
    id,
    brn,
    ownerId: 'owner-1',
    programId: 'p1',
    agencyId: 'semas',
    sido: '11',
    stage: 'growth',
    status: 'submitted',
    version: 1,
    submittedAt,
    updatedAt: submittedAt,
    answers: {},
    documents: [],
    snapshot: {
      profile: {
        brn,
        tradeName: '가게',
        representativeName: '홍길동',
        regionCode: '11110',
        ksic: '56111',
        flags: {},
        priorSupport: [],
        disasterDamage: [],
      },
      programVersion: 1,
      programTitle: 'p1 지원사업',
      reasons: [],
      asOf: submittedAt.slice(0, 10),
    },
    supplementRounds: 0,
    timeline: [{ at: submittedAt, action: 'submit', to: 'submitted', actor: 'owner', actorId: 'owner-1' }],
    ...overrides,
  };
}

export function idempotency(key: string, applicationIds: string[], ownerId = 'owner-1'): IdempotencyRecord {
  return { ownerId, key, requestHash: 'h'.repeat(64), applicationIds, createdAt: '2026-12-03T01:00:00.000Z' };
}

export function submitAudit(app: Application): AuditEntry {
  return {
    entityType: 'application',
    entityId: app.id,
    at: app.submittedAt,
    actorId: app.ownerId,
    action: 'application.submit',
    summary: 'submitted',
    version: 1,
  };
}

/** The same application one step on: status `to`, version + 1. */
export function stepped(
  app: Application,
  to: Application['status'],
  extra: Partial<Application> = {},
): Application {
  return { ...app, status: to, version: app.version + 1, ...extra };
}
