import {
  type AuditEntry,
  BusinessProfileSchema,
  type Disaster,
  DisasterSchema,
  type Notification,
  type OutboxMessage,
  type Program,
  ProgramSchema,
  type StoredBusiness,
  withCheckDigit,
} from '@sbiz24/shared';
import type { ProgramCount, RunManifest, SegmentCheckpoint } from '@sbiz24/shared/recompute/types';

/** Test data for the store's tests: valid domain objects, so round trips prove real shapes survive. */

export function brnOf(i: number): string {
  return withCheckDigit(String(100_000_000 + i));
}

export function newBusiness(
  i: number,
  overrides: Partial<Omit<StoredBusiness, 'version' | 'updatedAt'>> = {},
): Omit<StoredBusiness, 'version' | 'updatedAt'> {
  const brn = brnOf(i);
  const profile = BusinessProfileSchema.parse({
    brn,
    tradeName: `행복분식 ${i}호점`,
    representativeName: '김소상',
    openingDate: '2021-03-15',
    regionCode: '11110',
    ksic: '56111',
    employees: i % 7,
    revenue: 150_000_000 + i,
    ownerBirthYear: 1985,
    flags: { womanOwned: i % 2 === 0, taxArrears: false },
    priorSupport: [{ programId: 'smart-store', year: 2023 }],
    disasterDamage: [],
  });
  return { profile: { ...profile, brn }, registryStatus: 'trading', ...overrides };
}

export function program(id: string, overrides: Partial<Program> = {}): Program {
  return ProgramSchema.parse({
    id,
    title: `테스트 지원사업 ${id}`,
    kind: 'support',
    agencyId: 'semas',
    stages: ['startup', 'growth'],
    summary: '소상공인의 경영 개선을 지원합니다.',
    benefit: { description: '최대 500만 원', maxAmount: 5_000_000 },
    applyStart: '2025-01-01',
    applyEnd: '2025-12-31',
    howToApply: '',
    rule: { type: 'region', op: 'in', codes: ['11'] },
    status: 'draft',
    version: 1,
    ...overrides,
  });
}

export function disaster(id: string, overrides: Partial<Disaster> = {}): Disaster {
  return DisasterSchema.parse({
    id,
    name: '2025년 7월 집중호우',
    kind: 'heavy-rain',
    regionCodes: ['11110'],
    startDate: '2025-07-10',
    endDate: '2025-07-20',
    ...overrides,
  });
}

export function notification(userId: string, n: number, overrides: Partial<Notification> = {}): Notification {
  return {
    id: `note-${n}`,
    userId,
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
    kind: 'new-match',
    title: '새로 신청할 수 있는 지원사업이 있습니다',
    body: '행복분식 1호점이 테스트 지원사업의 대상이 되었습니다.',
    brn: brnOf(1),
    programId: `prog-${n}`,
    read: false,
    dedupeKey: `${brnOf(1)}#prog-${n}#new-match`,
    ...overrides,
  };
}

export function auditEntry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    entityType: 'program',
    entityId: 'p1',
    at: new Date(Date.UTC(2025, 4, 1, 9, 0, n)).toISOString(),
    actorId: 'staff-1',
    action: 'program.publish',
    summary: '공고 게시',
    version: n,
    ...overrides,
  };
}

export function outboxMessage(
  userId: string,
  n: number,
  overrides: Partial<OutboxMessage> = {},
): OutboxMessage {
  return {
    id: `note-${n}`,
    userId,
    channel: 'email',
    notificationId: `note-${n}`,
    title: '새로 신청할 수 있는 지원사업이 있습니다',
    body: '행복분식 1호점이 테스트 지원사업의 대상이 되었습니다.',
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
    status: 'pending',
    ...overrides,
  };
}

export function runManifest(runId: string, overrides: Partial<RunManifest> = {}): RunManifest {
  return {
    runId,
    asOf: '2025-06-01',
    totalSegments: 4,
    programs: [
      { id: 'p1', version: 3 },
      { id: 'p2', version: 1 },
    ],
    disasterIds: ['rain-1'],
    startedAt: '2025-06-01T01:00:00.000Z',
    ...overrides,
  };
}

export function checkpoint(
  runId: string,
  segment: number,
  overrides: Partial<SegmentCheckpoint> = {},
): SegmentCheckpoint {
  return {
    runId,
    segment,
    totalSegments: 4,
    pages: 2,
    cursor: 'opaque-cursor',
    done: false,
    counts: { scanned: 2000, changed: 40, conflicts: 1, newMatches: 12, reminders: 0 },
    programCounts: { p1: 30, p2: 7 },
    updatedAt: '2025-06-01T01:02:00.000Z',
    ...overrides,
  };
}

export function programCount(programId: string, count: number): ProgramCount {
  return { programId, count, runId: 'run-1', asOf: '2025-06-01', computedAt: '2025-06-01T01:05:00.000Z' };
}
