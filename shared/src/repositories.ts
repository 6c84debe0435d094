import type { AlertKind, AlertPreferences, OutboundChannel } from './alerts/preferences';
import type { Application, ApplicationStatus } from './application/application';
import type { FileType } from './application/documents';
import type { ProgramQuota } from './application/settings';
import type { Disaster } from './disaster/disaster';
import type { BusinessProfile, PriorSupport } from './profile/profile';
import type { AgencyId, Program, ProgramStatus } from './program/program';
import type { RapidNotice } from './relief/rapid-notice';

/**
 * Repository interfaces: the store adapters (DynamoDB in functions/src/store) implement them; services and
 * tests depend only on these. Every write that can race takes the version the caller read and fails with
 * ConflictError when the stored version differs. Nothing is silently overwritten.
 */

/** A registered business as stored: the profile (with its registration number), ownership and the last batch result. */
export interface StoredBusiness {
  profile: BusinessProfile & { brn: string };
  /** The owner's user id once claimed. */
  ownerId?: string;
  /** Registry status from the tax office: 01 trading, 02 suspended, 03 closed. */
  registryStatus: 'trading' | 'suspended' | 'closed';
  /** Optimistic-lock version, 1 on creation, +1 on every profile write. */
  version: number;
  /** Sorted ids of the programs this business matched in the last batch run. */
  matchIds?: string[];
  /** Hash of matchIds, to compare without reading the list. */
  matchHash?: string;
  /** When the batch last computed matchIds (ISO timestamp). */
  matchedAt?: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page; absent on the last page. */
  cursor?: string;
}

/** One batch result to store: the match set of `brn`, if its profile is still at `expectedVersion`. */
export interface MatchWrite {
  brn: string;
  result: { matchIds: string[]; matchHash: string; matchedAt: string };
  expectedVersion: number;
}

/** The most results one `putMatchesMany` takes: DynamoDB's limit of items in one transaction. */
export const MAX_MATCH_WRITES = 100;

export interface BusinessRepository {
  get(brn: string): Promise<StoredBusiness | undefined>;
  /** The stored businesses among `brns` (strongly consistent), by number; unknown numbers are absent. */
  getMany(brns: readonly string[]): Promise<Map<string, StoredBusiness>>;
  /** Creates a business; ConflictError if the number exists. */
  create(business: Omit<StoredBusiness, 'version' | 'updatedAt'>): Promise<StoredBusiness>;
  /** Writes many new businesses (seeding); existing numbers are left as they are. */
  createMany(businesses: Omit<StoredBusiness, 'version' | 'updatedAt'>[]): Promise<void>;
  /** Replaces the profile if the stored version is `expectedVersion`; returns the new record. */
  updateProfile(
    brn: string,
    profile: StoredBusiness['profile'],
    expectedVersion: number,
  ): Promise<StoredBusiness>;
  /**
   * Replaces many profiles, each only if its stored version is still `expectedVersion` (all written with
   * the same rules as updateProfile). Returns the numbers whose version had moved on (nothing written for
   * them); every other profile is written.
   */
  updateProfiles(
    updates: readonly { brn: string; profile: StoredBusiness['profile']; expectedVersion: number }[],
  ): Promise<{ conflicted: string[] }>;
  /** Sets the owner if the business has none (ConflictError otherwise). */
  claim(brn: string, ownerId: string): Promise<StoredBusiness>;
  listByOwner(ownerId: string): Promise<StoredBusiness[]>;
  /** Stores a batch result if the profile version is still `expectedVersion` (ConflictError otherwise). */
  putMatches(
    brn: string,
    result: { matchIds: string[]; matchHash: string; matchedAt: string },
    expectedVersion: number,
  ): Promise<void>;
  /**
   * Stores many batch results at once (at most {@link MAX_MATCH_WRITES}), each only if its profile version
   * is still the one given: one request for all of them instead of one per business. Gives back the BRNs
   * whose version changed or whose business is gone (nothing written for those); every other one is written.
   */
  putMatchesMany(writes: readonly MatchWrite[]): Promise<{ conflicts: string[] }>;
  /** One page of one parallel-scan segment. */
  scanSegment(
    segment: number,
    totalSegments: number,
    cursor?: string,
    limit?: number,
  ): Promise<Page<StoredBusiness>>;
  count(): Promise<number>;
}

export interface ProgramFilter {
  status?: ProgramStatus;
  agencyId?: AgencyId;
  /** Only programs whose applyEnd is on or after this date (ISO); open-ended programs count as never closing. */
  closingFrom?: string;
  /** Only programs whose applyEnd is on or before this date (ISO), e.g. deadline reminders. */
  closingTo?: string;
}

export interface ProgramRepository {
  get(id: string): Promise<Program | undefined>;
  getVersion(id: string, version: number): Promise<Program | undefined>;
  listVersions(id: string): Promise<Program[]>;
  list(filter?: ProgramFilter): Promise<Program[]>;
  /** Creates a program at version 1; ConflictError if the id exists. */
  create(program: Program): Promise<Program>;
  /** Writes the next version if the stored version is `program.version - 1`; keeps the previous one. */
  update(program: Program): Promise<Program>;
}

export interface DisasterRepository {
  get(id: string): Promise<Disaster | undefined>;
  list(): Promise<Disaster[]>;
  /** Declares a disaster; ConflictError if the id exists. */
  create(disaster: Disaster): Promise<Disaster>;
}

export interface Notification {
  id: string;
  userId: string;
  /** ISO timestamp. */
  createdAt: string;
  kind: 'new-match' | 'deadline' | 'disaster' | 'system' | 'application';
  title: string;
  body: string;
  brn?: string;
  programId?: string;
  /**
   * The notice of a rapid-payment (신속지급) program: what the owner will receive; the inbox links it to the
   * program's apply page and renders it in the reader's language.
   */
  rapid?: RapidNotice;
  read: boolean;
  /** Same key, same notification: (business, program, reason) is notified once. */
  dedupeKey: string;
  /** Only on the first sign-in summary: how many notifications of each kind it stands for. */
  summary?: Partial<Record<Notification['kind'], number>>;
}

export interface NotificationRepository {
  /** Adds a notification unless one with the same user and dedupeKey exists; true when added. */
  add(notification: Notification): Promise<boolean>;
  list(userId: string, options?: { limit?: number; cursor?: string }): Promise<Page<Notification>>;
  markRead(userId: string, id: string): Promise<void>;
  /** Marks up to `limit` unread notifications read (oldest first); returns how many it marked. */
  markAllRead(userId: string, limit: number): Promise<number>;
  unreadCount(userId: string): Promise<number>;
}

/**
 * An owner's first sign-in and the unread notifications it folds (issue 14). Apart from the inbox's
 * repository: only the alert settings function uses it, and the API function's bundle has a ceiling.
 */
export interface FirstSignInRepository {
  /**
   * Records the account's first sign-in at `at` unless one is recorded already (conditional): true when this
   * call recorded it, false when an earlier sign-in was.
   */
  recordFirstSignIn(userId: string, at: string): Promise<boolean>;
  /**
   * Marks read the unread notifications created before `before`, oldest first, up to `limit` (each on the
   * condition it is still unread); returns the ones this call marked.
   */
  markReadBefore(
    userId: string,
    before: string,
    limit: number,
  ): Promise<Pick<Notification, 'id' | 'kind' | 'createdAt'>[]>;
}

export interface AuditEntry {
  entityType: 'program' | 'disaster' | 'business' | 'application' | 'account';
  entityId: string;
  /** ISO timestamp. */
  at: string;
  actorId: string;
  action: string;
  /** What changed: small, no personal data beyond ids. */
  summary: string;
  version?: number;
}

export interface AuditRepository {
  append(entry: AuditEntry): Promise<void>;
  list(entityType: AuditEntry['entityType'], entityId: string): Promise<AuditEntry[]>;
}

/** A 통합신청 request already handled: the same key from the same user returns these applications. */
export interface IdempotencyRecord {
  ownerId: string;
  key: string;
  /** Hash of the request body: the same key with another body is refused, never answered with the first result. */
  requestHash: string;
  applicationIds: string[];
  createdAt: string;
}

/** Everything one 통합신청 writes, all or nothing. */
export interface ApplicationCreate {
  /** Fully formed, status `submitted`, version 1. */
  applications: Application[];
  idempotency: IdempotencyRecord;
  /** One entry per application, written in the same transaction. */
  audit: AuditEntry[];
}

/** Everything one transition writes, all or nothing. */
export interface ApplicationTransitionWrite {
  /** The application after the step (version = expectedVersion + 1, the new timeline entry appended). */
  next: Application;
  /** The version and status the caller read; the write fails with ConflictError when either differs. */
  expectedVersion: number;
  from: ApplicationStatus;
  /** The step ends the active application: the business may apply to the program again. */
  releaseGuard: boolean;
  /** An approval counts against the program's quota: refused (QUOTA_EXCEEDED) if it would exceed a limit. */
  quota?: { programId: string; amount: number; limits: ProgramQuota };
  /** An award becomes a portal-sourced prior-support entry of the business profile (the rules read it). */
  award?: { brn: string; support: PriorSupport };
  audit: AuditEntry;
}

export interface ApplicationPageOptions {
  limit?: number;
  cursor?: string;
}

/** The staff queue's filters; 시도 and stage are at submission. Pages may be shorter than the limit when filtered. */
export interface ApplicationFilter {
  status?: ApplicationStatus;
  sido?: string;
  stage?: string;
}

export interface ApplicationRepository {
  get(id: string): Promise<Application | undefined>;
  /** The id of the business's active application for the program, if any. */
  activeId(brn: string, programId: string): Promise<string | undefined>;
  getIdempotency(ownerId: string, key: string): Promise<IdempotencyRecord | undefined>;
  /**
   * Creates every application of one request, their guards, audit entries and the idempotency record in one
   * transaction. ConflictError `ALREADY_APPLIED` (details: `{ programIds }`) when a business already has an
   * active application for one of the programs; `IDEMPOTENCY_KEY_USED` when the key was used meanwhile.
   */
  create(input: ApplicationCreate): Promise<Application[]>;
  /**
   * One state change, conditional on version and status, with its guard release, quota counter, award and
   * audit entry in the same transaction. ConflictError `VERSION_CONFLICT` or `QUOTA_EXCEEDED`; NotFoundError
   * when the application is gone.
   */
  transition(write: ApplicationTransitionWrite): Promise<Application>;
  /** A business's applications, newest first. */
  listByBusiness(brn: string, options?: ApplicationPageOptions): Promise<Page<Application>>;
  /** A program's applications (optionally of one status), newest first. */
  listByProgram(
    programId: string,
    options?: ApplicationPageOptions & ApplicationFilter,
  ): Promise<Page<Application>>;
  /** How many of the program's applications are in each status. */
  countByStatus(programId: string): Promise<Record<ApplicationStatus, number>>;
  /** Awards made and budget used so far (the quota counter). */
  quotaUsage(programId: string): Promise<{ awards: number; budgetUsed: number }>;
}

/**
 * A file an owner uploads for an application: `pending` from the moment the upload ticket is issued, `ready`
 * once the stored bytes were checked (present, at most 10 MB, PDF/JPEG/PNG by their first bytes). Only ready
 * files can be attached; only the owner and the agency reviewing an application that carries it may read it.
 */
export interface StoredFile {
  /** Random, URL-safe; also the storage key's last part. */
  id: string;
  ownerId: string;
  /** The name as the owner gave it (shown, never used as a path). */
  name: string;
  /** The type the owner declared; once ready, the type the content shows. */
  type: FileType;
  /** Declared size; once ready, the stored size. */
  size: number;
  status: 'pending' | 'ready';
  /** Hex SHA-256 of the content, once ready. */
  sha256?: string;
  createdAt: string;
}

export interface FileRepository {
  get(id: string): Promise<StoredFile | undefined>;
  /** Records a pending upload; ConflictError if the id exists. */
  create(file: StoredFile): Promise<void>;
  /** Marks a pending file ready with what the check found; ConflictError when it is not pending. */
  markReady(id: string, checked: { type: FileType; size: number; sha256: string }): Promise<StoredFile>;
}

/** Every repository the use cases need, over one table. */
export interface Repositories {
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

/**
/**
 * What the HTTP API function uses: every repository but the application routes' and the alert settings'
 * (each served by their own function: `ApplicationRepositories`, `AlertRepositories`). The API Lambda is
 * built from this set, so the other adapters stay out of its bundle, which has a 250 KB ceiling.
 */
export type ApiRepositories = Omit<
  Repositories,
  'applications' | 'files' | 'alertPreferences' | 'contactVerifications' | 'firstSignIn'
>;

/** What the alert settings routes use. */
export type AlertRepositories = Pick<
  Repositories,
  'alertPreferences' | 'contactVerifications' | 'firstSignIn' | 'audit'
>;

/** What the application routes use (통합신청, review, files): the API's set plus applications and files. */
export type ApplicationRepositories = ApiRepositories & Pick<Repositories, 'applications' | 'files'>;

/** An e-mail or text message on its way out: one per notification and channel (SES or SMTP, a 알림톡 provider). */
/**
 * Where a message is on its way out: `pending` (waiting, maybe for a retry or the end of quiet hours),
 * `sending` (claimed by a sender until its lease ends), then `sent`, `skipped` (the owner turned that
 * channel or kind off meanwhile) or `parked` (given up, with the reason; admins see it).
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'skipped' | 'parked';

export interface OutboxMessage {
  /** Same as the notification's id: one message per channel and notification (the idempotency key). */
  id: string;
  userId: string;
  channel: OutboundChannel;
  notificationId: string;
  title: string;
  body: string;
  createdAt: string;
  status: OutboxStatus;
  /** What the alert is about: preferences and templates go by it. Absent on messages stored before kinds. */
  kind?: AlertKind;
  /** The business and program concerned, when there is one (the message names the business, links the program). */
  brn?: string;
  programId?: string;
  programTitle?: string;
  applyEnd?: string;
  /** A rapid-payment notice: the amount (won); the alert links to the apply page and says the amount. */
  rapidAmountWon?: number;
  /** Send attempts so far (each claim counts one). */
  attempts?: number;
  /** When a pending message is due (ISO timestamp); the creation time at first. */
  nextAttemptAt?: string;
  /** While `sending`: when the claim lapses and the message counts as interrupted. */
  leaseUntil?: string;
  /** The last failure, as a short code and message without personal data. */
  lastError?: string;
  /** When it reached `sent`, `skipped` or `parked`. */
  finishedAt?: string;
  /** Only on a weekly digest (id `digest-<ISO week>`, e-mail): the held alerts it covers. */
  digest?: OutboxDigest;
}

/** What a weekly digest covers: held new-match and deadline e-mails of one owner, sent as one mail. */
export interface OutboxDigest {
  /** ISO week of the digest time, e.g. `2026-W50` (the dedupe key: one digest per owner and week). */
  week: string;
  /** The digest time (Monday 09:00 Korea time), ISO timestamp. */
  slot: string;
  /** Ids of the held messages it covers, oldest first (at most `DIGEST_MAX_COVERED`). */
  coveredIds: string[];
  /** The first of them in full (at most `DIGEST_MAX_LISTED`); the rest are counted. */
  items: OutboxDigestItem[];
}

export type OutboxDigestItem = Pick<
  OutboxMessage,
  'id' | 'title' | 'body' | 'brn' | 'programId' | 'programTitle' | 'applyEnd'
> & { kind: AlertKind };

/** How one claimed message ends (`Outbox.finishMany`): the arguments of `finish`. */
export interface OutboxEnding {
  message: OutboxMessage;
  status: 'sent' | 'skipped' | 'parked';
  at: string;
  reason?: string;
}

export interface Outbox {
  /** Stores the message unless one with the same id and channel exists (idempotent). */
  enqueue(message: OutboxMessage): Promise<void>;
  /**
   * `enqueue` for many messages in few round trips (a fan-out): each is stored unless it exists. Optional:
   * without it the caller enqueues one by one.
   */
  enqueueMany?(messages: readonly OutboxMessage[]): Promise<void>;
  list(userId: string): Promise<OutboxMessage[]>;
  /** Pending messages of a channel due at `now`, oldest due first. */
  listDue(channel: OutboundChannel, now: string, limit: number): Promise<OutboxMessage[]>;
  /** Messages of a channel left `sending` past their lease (a sender stopped between claim and finish). */
  listInterrupted(channel: OutboundChannel, now: string, limit: number): Promise<OutboxMessage[]>;
  /** Parked messages of a channel, newest first (for admins). */
  listParked(channel: OutboundChannel, limit: number): Promise<OutboxMessage[]>;
  /**
   * Takes a pending message for sending until `leaseUntil` (one more attempt). Undefined when another
   * sender took it first or it is no longer pending: then this sender leaves it alone.
   */
  claim(message: OutboxMessage, leaseUntil: string): Promise<OutboxMessage | undefined>;
  /**
   * `claim` for many messages in few round trips, each on its own condition: the ones this sender now holds
   * (claimed as `claim` returns them); the others were taken or changed meanwhile. Optional.
   */
  claimMany?(messages: readonly OutboxMessage[], leaseUntil: string): Promise<OutboxMessage[]>;
  /** Ends a claimed message (`sending` with the same attempt count); false if it is not in that state. */
  finish(
    message: OutboxMessage,
    status: 'sent' | 'skipped' | 'parked',
    at: string,
    reason?: string,
  ): Promise<boolean>;
  /** `finish` for many claimed messages in few round trips: for each, in order, whether it ended so. Optional. */
  finishMany?(endings: readonly OutboxEnding[]): Promise<boolean[]>;
  /** Puts a claimed message back to pending, due at `nextAttemptAt`; false if it is not claimed as given. */
  retryLater(message: OutboxMessage, nextAttemptAt: string, error: string): Promise<boolean>;
  /** Moves a pending message's due time (quiet hours), without counting an attempt. */
  postpone(message: OutboxMessage, nextAttemptAt: string): Promise<boolean>;
}

/** An owner's alert preferences, one per account; the defaults until they save their own. */
export interface AlertPreferencesRepository {
  get(userId: string): Promise<AlertPreferences>;
  /** `get` for many accounts in few round trips (a sender's batch): every id asked is in the map. Optional. */
  getMany?(userIds: readonly string[]): Promise<Map<string, AlertPreferences>>;
  /** Replaces the preferences; `version` as read (0 for never saved), ConflictError when stale. */
  put(userId: string, preferences: AlertPreferences, version: number): Promise<number>;
  getWithVersion(userId: string): Promise<{ preferences: AlertPreferences; version: number }>;
}

/**
 * An e-mail address waiting for its code (`USER#<sub>` / `CONTACT#EMAIL`): the code is stored only as a keyed
 * hash, expires, and allows a few wrong tries; the send times enforce the resend limits.
 */
export interface EmailVerification {
  address: string;
  /** HMAC of the code (keyed by the server's secret, bound to the account and address). */
  codeHash: string;
  /** ISO timestamp after which the code no longer works. */
  expiresAt: string;
  /** Wrong codes entered for this code. */
  attempts: number;
  /** When codes were sent in the last 24 hours (ISO, oldest first). */
  sentAt: string[];
  /** 1 on creation, +1 on every write. */
  version: number;
}

export interface ContactVerificationRepository {
  get(userId: string): Promise<EmailVerification | undefined>;
  /** Writes the next state if the stored version is `expectedVersion` (0: none stored); ConflictError otherwise. */
  put(
    userId: string,
    value: Omit<EmailVerification, 'version'>,
    expectedVersion: number,
  ): Promise<EmailVerification>;
  /** Removes it if the stored version is `expectedVersion`; ConflictError otherwise. */
  remove(userId: string, expectedVersion: number): Promise<void>;
}
