import {
  type AlertPreferencesRepository,
  type ApplicationRepository,
  type AuditEntry,
  type AuditRepository,
  type BusinessRepository,
  ConflictError,
  type ContactVerificationRepository,
  type Disaster,
  type DisasterRepository,
  type EmailVerification,
  type FileRepository,
  type FirstSignInRepository,
  NotFoundError,
  type Notification,
  type NotificationRepository,
  type Page,
  type Program,
  type ProgramFilter,
  type ProgramRepository,
  type StoredBusiness,
  type StoredFile,
  ValidationError,
} from '@sbiz24/shared';
import { type AlertPreferences, DEFAULT_ALERT_PREFERENCES } from '@sbiz24/shared/alerts/preferences';
import { MAX_MATCH_WRITES } from '@sbiz24/shared/repositories';
import { createMemoryApplicationRepository } from './memory-application-repository';

/**
 * In-memory implementations of the repository interfaces (shared/src/repositories.ts), faithful to the
 * contract: optimistic-lock conflicts, claim conflicts, dedupe of notifications, copies in and out (a caller
 * never holds a reference to stored state). For route tests and for other parts' unit tests.
 */
export interface MemoryRepositories {
  businesses: BusinessRepository;
  programs: ProgramRepository;
  disasters: DisasterRepository;
  notifications: NotificationRepository;
  firstSignIn: FirstSignInRepository;
  audit: AuditRepository;
  alertPreferences: AlertPreferencesRepository;
  contactVerifications: ContactVerificationRepository;
  applications: ApplicationRepository;
  files: FileRepository;
}

const copy = <T>(value: T): T => structuredClone(value);

/** Stable small hash of a string, to spread businesses over scan segments. */
function segmentOf(brn: string, totalSegments: number): number {
  let h = 0;
  for (let i = 0; i < brn.length; i++) h = (Math.imul(h, 31) + brn.charCodeAt(i)) | 0;
  return Math.abs(h) % totalSegments;
}

const encodeCursor = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Refuses a cursor it did not make (400 INVALID_CURSOR), as the DynamoDB store does. */
function decodeCursor<T>(cursor: string, valid: (value: unknown) => boolean): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!valid(value))
    throw new ValidationError('페이지 정보(cursor)가 올바르지 않습니다.', [], 'INVALID_CURSOR');
  return value as T;
}

export function createMemoryBusinessRepository(clock: () => Date = () => new Date()): BusinessRepository {
  const rows = new Map<string, StoredBusiness>();
  const now = () => clock().toISOString();
  const mustGet = (brn: string): StoredBusiness => {
    const row = rows.get(brn);
    if (!row) throw new NotFoundError('사업자를 찾을 수 없습니다.', 'BUSINESS_NOT_FOUND');
    return row;
  };
  return {
    async get(brn) {
      const row = rows.get(brn);
      return row && copy(row);
    },
    async getMany(brns) {
      const found = new Map<string, StoredBusiness>();
      for (const brn of brns) {
        const row = rows.get(brn);
        if (row) found.set(brn, copy(row));
      }
      return found;
    },
    async create(business) {
      if (rows.has(business.profile.brn))
        throw new ConflictError('이미 등록된 사업자등록번호입니다.', 'BUSINESS_EXISTS');
      const row: StoredBusiness = { ...copy(business), version: 1, updatedAt: now() };
      rows.set(row.profile.brn, row);
      return copy(row);
    },
    async createMany(businesses) {
      for (const business of businesses) {
        if (!rows.has(business.profile.brn))
          rows.set(business.profile.brn, { ...copy(business), version: 1, updatedAt: now() });
      }
    },
    async updateProfile(brn, profile, expectedVersion) {
      const row = mustGet(brn);
      if (row.version !== expectedVersion)
        throw new ConflictError('다른 곳에서 먼저 수정되었습니다.', 'VERSION_CONFLICT');
      const next: StoredBusiness = {
        ...row,
        profile: { ...copy(profile), brn },
        version: row.version + 1,
        updatedAt: now(),
      };
      rows.set(brn, next);
      return copy(next);
    },
    async updateProfiles(updates) {
      const conflicted: string[] = [];
      for (const u of updates) {
        const row = rows.get(u.brn);
        if (!row || row.version !== u.expectedVersion) {
          conflicted.push(u.brn);
          continue;
        }
        rows.set(u.brn, {
          ...row,
          profile: { ...copy(u.profile), brn: u.brn },
          version: row.version + 1,
          updatedAt: now(),
        });
      }
      return { conflicted };
    },
    async claim(brn, ownerId) {
      const row = mustGet(brn);
      if (row.ownerId) throw new ConflictError('이미 다른 사용자가 등록한 사업자입니다.', 'ALREADY_CLAIMED');
      const next = { ...row, ownerId, updatedAt: now() };
      rows.set(brn, next);
      return copy(next);
    },
    async listByOwner(ownerId) {
      return [...rows.values()]
        .filter((r) => r.ownerId === ownerId)
        .sort((a, b) => a.profile.brn.localeCompare(b.profile.brn))
        .map(copy);
    },
    async putMatches(brn, result, expectedVersion) {
      const row = mustGet(brn);
      if (row.version !== expectedVersion)
        throw new ConflictError('프로필이 바뀌어 결과를 저장하지 않았습니다.', 'VERSION_CONFLICT');
      rows.set(brn, { ...row, ...copy(result) });
    },
    async putMatchesMany(writes) {
      if (writes.length > MAX_MATCH_WRITES)
        throw new RangeError(`putMatchesMany: ${writes.length} writes > ${MAX_MATCH_WRITES}`);
      const conflicts: string[] = [];
      for (const { brn, result, expectedVersion } of writes) {
        const row = rows.get(brn);
        if (!row || row.version !== expectedVersion) conflicts.push(brn);
        else rows.set(brn, { ...row, ...copy(result) });
      }
      return { conflicts };
    },
    async scanSegment(segment, totalSegments, cursor, limit = 100) {
      const after = cursor ? decodeCursor<string>(cursor, (v) => typeof v === 'string') : '';
      const mine = [...rows.keys()]
        .filter((brn) => segmentOf(brn, totalSegments) === segment && brn > after)
        .sort();
      const items = mine.slice(0, limit).map((brn) => copy(rows.get(brn)!));
      const last = items.at(-1);
      return mine.length > limit && last ? { items, cursor: encodeCursor(last.profile.brn) } : { items };
    },
    async count() {
      return rows.size;
    },
  };
}

export function createMemoryProgramRepository(): ProgramRepository {
  /** Every version of each program, oldest first. */
  const versions = new Map<string, Program[]>();
  const latest = (id: string) => versions.get(id)?.at(-1);
  return {
    async get(id) {
      const p = latest(id);
      return p && copy(p);
    },
    async getVersion(id, version) {
      const p = versions.get(id)?.find((v) => v.version === version);
      return p && copy(p);
    },
    async listVersions(id) {
      return (versions.get(id) ?? []).map(copy);
    },
    async list(filter: ProgramFilter = {}) {
      return [...versions.keys()]
        .sort()
        .map((id) => latest(id)!)
        .filter((p) => !filter.status || p.status === filter.status)
        .filter((p) => !filter.agencyId || p.agencyId === filter.agencyId)
        .map(copy);
    },
    async create(program) {
      if (versions.has(program.id)) throw new ConflictError('이미 있는 사업 ID입니다.', 'PROGRAM_EXISTS');
      const stored = { ...copy(program), version: 1 };
      versions.set(program.id, [stored]);
      return copy(stored);
    },
    async update(program) {
      const current = latest(program.id);
      if (!current) throw new NotFoundError('사업을 찾을 수 없습니다.', 'PROGRAM_NOT_FOUND');
      if (current.version !== program.version - 1)
        throw new ConflictError('다른 곳에서 먼저 수정되었습니다.', 'VERSION_CONFLICT');
      versions.get(program.id)!.push(copy(program));
      return copy(program);
    },
  };
}

export function createMemoryDisasterRepository(): DisasterRepository {
  const rows = new Map<string, Disaster>();
  return {
    async get(id) {
      const d = rows.get(id);
      return d && copy(d);
    },
    async list() {
      return [...rows.values()].sort((a, b) => a.startDate.localeCompare(b.startDate)).map(copy);
    },
    async create(disaster) {
      if (rows.has(disaster.id)) throw new ConflictError('이미 선포된 재난 ID입니다.', 'DISASTER_EXISTS');
      rows.set(disaster.id, copy(disaster));
      return copy(disaster);
    },
  };
}

export function createMemoryNotificationRepository(): NotificationRepository & FirstSignInRepository {
  const byUser = new Map<string, Notification[]>();
  const firstSignIns = new Map<string, string>();
  const newestFirst = (a: Notification, b: Notification) =>
    b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
  return {
    async add(notification) {
      const list = byUser.get(notification.userId) ?? [];
      if (list.some((n) => n.dedupeKey === notification.dedupeKey)) return false;
      list.push(copy(notification));
      byUser.set(notification.userId, list);
      return true;
    },
    async list(userId, { limit = 20, cursor } = {}) {
      const sorted = [...(byUser.get(userId) ?? [])].sort(newestFirst);
      const after = cursor
        ? decodeCursor<{ createdAt: string; id: string }>(
            cursor,
            (v) =>
              typeof (v as { createdAt?: unknown } | null)?.createdAt === 'string' &&
              typeof (v as { id?: unknown }).id === 'string',
          )
        : undefined;
      const rest = after ? sorted.filter((n) => newestFirst(n, after as Notification) > 0) : sorted;
      const items = rest.slice(0, limit).map(copy);
      const last = items.at(-1);
      return rest.length > limit && last
        ? { items, cursor: encodeCursor({ createdAt: last.createdAt, id: last.id }) }
        : ({ items } satisfies Page<Notification>);
    },
    async markRead(userId, id) {
      const n = byUser.get(userId)?.find((x) => x.id === id);
      if (!n) throw new NotFoundError('알림을 찾을 수 없습니다.', 'NOTIFICATION_NOT_FOUND');
      n.read = true;
    },
    async markAllRead(userId, limit) {
      const unread = (byUser.get(userId) ?? []).filter((n) => !n.read).sort((a, b) => newestFirst(b, a));
      for (const n of unread.slice(0, limit)) n.read = true;
      return Math.min(unread.length, limit);
    },
    async unreadCount(userId) {
      return (byUser.get(userId) ?? []).filter((n) => !n.read).length;
    },
    async recordFirstSignIn(userId, at) {
      if (firstSignIns.has(userId)) return false;
      firstSignIns.set(userId, at);
      return true;
    },
    async markReadBefore(userId, before, limit) {
      const unread = (byUser.get(userId) ?? [])
        .filter((n) => !n.read && n.createdAt < before)
        .sort((a, b) => newestFirst(b, a))
        .slice(0, limit);
      for (const n of unread) n.read = true;
      return unread.map(({ id, kind, createdAt }) => ({ id, kind, createdAt }));
    },
  };
}

export function createMemoryAuditRepository(): AuditRepository {
  const entries: AuditEntry[] = [];
  return {
    async append(entry) {
      entries.push(copy(entry));
    },
    async list(entityType, entityId) {
      return entries
        .filter((e) => e.entityType === entityType && e.entityId === entityId)
        .sort((a, b) => a.at.localeCompare(b.at))
        .map(copy);
    },
  };
}

/** Alert preferences in memory: the defaults at version 0 until saved, conflicts on a stale version. */
export function createMemoryAlertPreferencesRepository(): AlertPreferencesRepository {
  const stored = new Map<string, { preferences: AlertPreferences; version: number }>();
  const getWithVersion = async (userId: string) =>
    copy(stored.get(userId) ?? { preferences: DEFAULT_ALERT_PREFERENCES, version: 0 });
  return {
    getWithVersion,
    async get(userId) {
      return (await getWithVersion(userId)).preferences;
    },
    async getMany(userIds) {
      return new Map(
        await Promise.all(userIds.map(async (id) => [id, (await getWithVersion(id)).preferences] as const)),
      );
    },
    async put(userId, preferences, version) {
      if ((stored.get(userId)?.version ?? 0) !== version) {
        throw new ConflictError(
          '알림 설정이 다른 곳에서 먼저 바뀌었습니다. 새로 불러온 뒤 다시 저장해 주세요.',
        );
      }
      stored.set(userId, { preferences: copy(preferences), version: version + 1 });
      return version + 1;
    },
  };
}

/** Pending e-mail verifications in memory, versioned like the table's. */
export function createMemoryContactVerificationRepository(): ContactVerificationRepository {
  const stored = new Map<string, EmailVerification>();
  const check = (userId: string, expected: number) => {
    if ((stored.get(userId)?.version ?? 0) !== expected)
      throw new ConflictError(
        '인증번호 요청이 다른 곳에서 먼저 바뀌었습니다. 다시 시도해 주세요.',
        'VERSION_CONFLICT',
      );
  };
  return {
    async get(userId) {
      const v = stored.get(userId);
      return v ? copy(v) : undefined;
    },
    async put(userId, value, expectedVersion) {
      check(userId, expectedVersion);
      const next = { ...copy(value), version: expectedVersion + 1 };
      stored.set(userId, next);
      return copy(next);
    },
    async remove(userId, expectedVersion) {
      check(userId, expectedVersion);
      stored.delete(userId);
    },
  };
}

export function createMemoryFileRepository(): FileRepository {
  const stored = new Map<string, StoredFile>();
  return {
    async get(id) {
      const file = stored.get(id);
      return file ? copy(file) : undefined;
    },
    async create(file) {
      if (stored.has(file.id)) throw new ConflictError('같은 ID의 파일이 이미 있습니다.', 'ALREADY_EXISTS');
      stored.set(file.id, copy(file));
    },
    async markReady(id, checked) {
      const file = stored.get(id);
      if (!file) throw new NotFoundError('파일을 찾을 수 없습니다.', 'FILE_NOT_FOUND');
      if (file.status !== 'pending')
        throw new ConflictError('이미 확인을 마친 파일입니다.', 'FILE_ALREADY_READY');
      const ready: StoredFile = { ...file, ...checked, status: 'ready' };
      stored.set(id, ready);
      return copy(ready);
    },
  };
}

/** A full set of in-memory repositories; `clock` stamps `updatedAt` on businesses. */
export function createMemoryRepositories(clock: () => Date = () => new Date()): MemoryRepositories {
  const businesses = createMemoryBusinessRepository(clock);
  const audit = createMemoryAuditRepository();
  // One store of notifications behind both interfaces, as the table is behind both on DynamoDB.
  const notifications = createMemoryNotificationRepository();
  return {
    businesses,
    programs: createMemoryProgramRepository(),
    disasters: createMemoryDisasterRepository(),
    notifications,
    firstSignIn: notifications,
    audit,
    alertPreferences: createMemoryAlertPreferencesRepository(),
    contactVerifications: createMemoryContactVerificationRepository(),
    applications: createMemoryApplicationRepository({ businesses, audit }),
    files: createMemoryFileRepository(),
  };
}
