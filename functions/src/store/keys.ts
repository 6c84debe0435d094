/**
 * Every key string of the single table, derived in one place. Adapters never spell a prefix themselves:
 * they call these functions, so the key design in `docs/data-model.md` can be checked against this file.
 */

export const INDEX = {
  /** OWNER#<sub> | PSTATUS#<status> | DISASTERS | BAPPS#<brn>. */
  gsi1: 'GSI1',
  /** AGENCY#<agencyId> | PAPPS#<programId>. */
  gsi2: 'GSI2',
  /** PAPPS#<programId>#<status>. */
  gsi3: 'GSI3',
  /** NOTEID#<id> within USER#<sub>. */
  noteById: 'LSI1',
  /** UNREAD#<time>#<id> within USER#<sub>. */
  unreadNotes: 'LSI2',
} as const;

export interface TableKey {
  PK: string;
  SK: string;
}

const BUSINESS = 'BIZ#';
const PROFILE = 'PROFILE';
const PROGRAM = 'PROG#';
const META = 'META';
const PROGRAM_VERSION = 'V#';
const DISASTER = 'DISASTER#';
const USER = 'USER#';
const NOTE = 'NOTE#';
const DEDUPE = 'DEDUPE#';
const AUDIT = 'AUDIT#';

/** Sort keys of open-ended programs: after every real date, so they list last by deadline. */
export const NO_DEADLINE = '9999-12-31';

// Businesses

export function businessKey(brn: string): TableKey {
  return { PK: `${BUSINESS}${brn}`, SK: PROFILE };
}

/** Scan filter values that select business profile items (and nothing else in a BIZ# partition). */
export const businessProfileMarker = { pkPrefix: BUSINESS, sk: PROFILE } as const;

/** GSI1 attributes of a claimed business: the owner's businesses, by number. */
export function ownerIndexKeys(ownerId: string, brn: string): { GSI1PK: string; GSI1SK: string } {
  return { GSI1PK: ownerPartition(ownerId), GSI1SK: `${BUSINESS}${brn}` };
}

export function ownerPartition(ownerId: string): string {
  return `OWNER#${ownerId}`;
}

// Programs

export function programKey(id: string): TableKey {
  return { PK: `${PROGRAM}${id}`, SK: META };
}

/** Zero-padded so that versions sort numerically (V#000002 before V#000010). */
export function programVersionKey(id: string, version: number): TableKey {
  return { PK: `${PROGRAM}${id}`, SK: `${PROGRAM_VERSION}${String(version).padStart(6, '0')}` };
}

export const programVersionPrefix = PROGRAM_VERSION;

export function programStatusPartition(status: string): string {
  return `PSTATUS#${status}`;
}

/** GSI1 sort key of a program: deadline first, so a status partition lists by closing date. */
export function programDeadlineSortKey(applyEnd: string | undefined, id: string): string {
  return `${applyEnd ?? NO_DEADLINE}#${id}`;
}

export function programIndexKeys(program: {
  id: string;
  status: string;
  agencyId: string;
  applyEnd?: string;
}): { GSI1PK: string; GSI1SK: string; GSI2PK: string; GSI2SK: string } {
  return {
    GSI1PK: programStatusPartition(program.status),
    GSI1SK: programDeadlineSortKey(program.applyEnd, program.id),
    GSI2PK: agencyPartition(program.agencyId),
    GSI2SK: `${PROGRAM}${program.id}`,
  };
}

export function agencyPartition(agencyId: string): string {
  return `AGENCY#${agencyId}`;
}

// Disasters

export function disasterKey(id: string): TableKey {
  return { PK: `${DISASTER}${id}`, SK: META };
}

/** One GSI1 partition holds every disaster (a few dozen a year), sorted by start date. */
export const disasterListPartition = 'DISASTERS';

export function disasterIndexKeys(disaster: { id: string; startDate: string }): {
  GSI1PK: string;
  GSI1SK: string;
} {
  return { GSI1PK: disasterListPartition, GSI1SK: `${disaster.startDate}#${disaster.id}` };
}

// Notifications

export function userPartition(userId: string): string {
  return `${USER}${userId}`;
}

export function notificationKey(userId: string, createdAt: string, id: string): TableKey {
  return { PK: userPartition(userId), SK: `${NOTE}${createdAt}#${id}` };
}

export const notificationPrefix = NOTE;

/** LSI1 sort key: finds a notification by id within its user's partition. */
export function notificationIdSortKey(id: string): string {
  return `NOTEID#${id}`;
}

/** LSI2 sort key: present only while the notification is unread. */
export function unreadSortKey(createdAt: string, id: string): string {
  return `UNREAD#${createdAt}#${id}`;
}

export function notificationDedupeKey(userId: string, dedupeKey: string): TableKey {
  return { PK: userPartition(userId), SK: `${DEDUPE}${dedupeKey}` };
}

// Audit

export function auditPartition(entityType: string, entityId: string): string {
  return `${AUDIT}${entityType}#${entityId}`;
}

export function auditKey(entityType: string, entityId: string, at: string, suffix: string): TableKey {
  return { PK: auditPartition(entityType, entityId), SK: `${at}#${suffix}` };
}

// Batch runs (functions/src/batch): manifest, per-segment checkpoints, per-program counts, e-mail/SMS outbox

export const segmentCheckpointPrefix = 'SEG#';
export const outboxPrefix = 'OUTBOX#';

export function runKey(runId: string): TableKey {
  return { PK: `RUN#${runId}`, SK: META };
}

/** Zero-padded so that a run's checkpoints list in segment order. */
export function segmentCheckpointKey(runId: string, segment: number): TableKey {
  return { PK: `RUN#${runId}`, SK: `${segmentCheckpointPrefix}${String(segment).padStart(6, '0')}` };
}

/** The latest batch count of businesses matching a program, beside its META item. */
export function programCountsKey(programId: string): TableKey {
  return { PK: `${PROGRAM}${programId}`, SK: 'COUNTS' };
}

/** One e-mail/SMS copy of a notification, in the user's partition; the id makes a repeat a no-op. */
export function outboxKey(userId: string, id: string, channel: string): TableKey {
  return { PK: userPartition(userId), SK: `${outboxPrefix}${id}#${channel}` };
}

/**
 * The outbox's work queues in GSI1, one partition per state and channel (`OUTBOXQ#pending#email`), sorted by
 * the time that matters in that state (due, lease end, parked at). Sparse: a sent or skipped message leaves.
 */
export function outboxQueueKey(
  status: 'pending' | 'sending' | 'parked',
  channel: string,
  at: string,
  userId: string,
  id: string,
): { GSI1PK: string; GSI1SK: string } {
  return { GSI1PK: outboxQueuePartition(status, channel), GSI1SK: `${at}#${userId}#${id}` };
}

export function outboxQueuePartition(status: 'pending' | 'sending' | 'parked', channel: string): string {
  return `OUTBOXQ#${status}#${channel}`;
}

/** An owner's alert preferences, in their partition. */
export function alertPreferencesKey(userId: string): TableKey {
  return { PK: userPartition(userId), SK: 'ALERTPREFS' };
}

/** When an account first signed in (issue 14: the inbox's first sign-in summary), in its partition. */
export function firstSignInKey(userId: string): TableKey {
  return { PK: userPartition(userId), SK: 'SIGNIN#FIRST' };
}

/** An e-mail address waiting for its verification code. */
export function emailVerificationKey(userId: string): TableKey {
  return { PK: userPartition(userId), SK: 'CONTACT#EMAIL' };
}

// Applications (issue 12)

const APPLICATION = 'APP#';

export function applicationKey(id: string): TableKey {
  return { PK: `${APPLICATION}${id}`, SK: META };
}

/** GSI1: a business's applications; newest first by submission time. */
export function businessApplicationsPartition(brn: string): string {
  return `BAPPS#${brn}`;
}

/** GSI2 (every status) and GSI3 (one status): a program's applications, the staff queue. */
export function programApplicationsPartition(programId: string, status?: string): string {
  return status === undefined ? `PAPPS#${programId}` : `PAPPS#${programId}#${status}`;
}

/** The index attributes of an application item; the sort key orders by submission time, then id. */
export function applicationIndexKeys(app: {
  id: string;
  brn: string;
  programId: string;
  status: string;
  submittedAt: string;
}): Record<'GSI1PK' | 'GSI1SK' | 'GSI2PK' | 'GSI2SK' | 'GSI3PK' | 'GSI3SK', string> {
  const sortKey = `${app.submittedAt}#${app.id}`;
  return {
    GSI1PK: businessApplicationsPartition(app.brn),
    GSI1SK: sortKey,
    GSI2PK: programApplicationsPartition(app.programId),
    GSI2SK: sortKey,
    GSI3PK: programApplicationsPartition(app.programId, app.status),
    GSI3SK: sortKey,
  };
}

/** At most one active application per business and program: this item exists while one is active. */
export function applicationGuardKey(brn: string, programId: string): TableKey {
  return { PK: `${BUSINESS}${brn}`, SK: `APPGUARD#${programId}` };
}

/** A handled 통합신청 request, in the requesting user's partition. */
export function idempotencyRecordKey(userId: string, key: string): TableKey {
  return { PK: userPartition(userId), SK: `IDEM#${key}` };
}

/** A program's award counter (awards made, budget used), beside its META item. */
export function programQuotaKey(programId: string): TableKey {
  return { PK: `${PROGRAM}${programId}`, SK: 'QUOTA' };
}

// Local runtime (functions/src/local)

/** Written last by the local seeding: `npm start` seeds only while it is absent. */
export const localSeedMarkerKey: TableKey = { PK: 'LOCAL#SEED', SK: META };

// Uploaded files (issue 12)

/** An uploaded file's record: owner, name, type, size, whether its bytes were checked. */
export function fileKey(id: string): TableKey {
  return { PK: `FILE#${id}`, SK: META };
}
