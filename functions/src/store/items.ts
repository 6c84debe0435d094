import type { NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import type {
  AgencyId,
  AuditEntry,
  Disaster,
  Notification,
  Program,
  ProgramStatus,
  StoredBusiness,
} from '@sbiz24/shared';
import * as z from 'zod/mini';
import { MalformedItemError } from './dynamo-errors';
import {
  auditKey,
  businessKey,
  disasterIndexKeys,
  disasterKey,
  notificationDedupeKey,
  notificationIdSortKey,
  notificationKey,
  ownerIndexKeys,
  programIndexKeys,
  programKey,
  programVersionKey,
  type TableKey,
  unreadSortKey,
} from './keys';

/**
 * Every stored item, as a type and as its mapper: `toItem` adds the key (from keys.ts), the index keys and
 * the `entity` tag to a domain record; `fromItem` checks an item read back and returns the domain record
 * without them. The adapters never build or pick apart an item themselves. `docs/data-model.md` lists the
 * same items.
 *
 * `fromItem` checks every top-level attribute the domain type has (a new field there fails to compile here
 * until it is read) and drops the rest. Nested domain records (`profile`, `program`, `disaster`, a
 * checkpoint's counts) are checked to be maps and otherwise trusted: the services validated them with their
 * schemas before they were written, and re-validating every profile of a batch scan would cost more than
 * it proves. A malformed item is a `MalformedItemError` (a server fault, never a 400).
 */

/**
 * An item as the DocumentClient takes and returns it: attribute names to plain JS values. (The SDK types the
 * values as `any`; only the mappers' schemas look inside.)
 */
export type RawItem = Record<string, NativeAttributeValue>;

/** `toItem` takes what a create writes (`Written`, by default the domain record); `fromItem` returns `Domain`. */
export interface ItemMapper<Domain, Item, Context extends unknown[] = [], Written = Domain> {
  toItem(domain: Written, ...context: Context): Item;
  fromItem(item: RawItem): Domain;
}

/** What every item carries: its key and its type, for exports and debugging. */
export type Envelope<Entity extends string> = TableKey & { entity: Entity };

/** A schema for every field of `D`, none left out: a field added to the domain type must be read here. */
export type FieldsOf<D> = { [K in keyof Required<D>]: z.ZodMiniType<D[K]> };

const isMap = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A nested domain record: checked to be a map, its shape trusted (validated before it was written). */
export const map = <T>() => z.custom<T>(isMap);

export function reader<T>(entity: string, schema: z.ZodMiniType<T>): (item: RawItem) => T {
  return (item) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) return parsed.data;
    throw new MalformedItemError(
      entity,
      parsed.error.issues.map((issue) => issue.path.join('.')),
    );
  };
}

// Businesses: `BIZ#<brn>` / `PROFILE`

export type NewBusiness = Omit<StoredBusiness, 'version' | 'updatedAt'>;

export type BusinessItem = Envelope<'business'> &
  Partial<ReturnType<typeof ownerIndexKeys>> & { brn: string } & StoredBusiness;

const readBusiness = reader(
  'business',
  z.object({
    profile: map<StoredBusiness['profile']>(),
    ownerId: z.optional(z.string()),
    registryStatus: z.enum(['trading', 'suspended', 'closed']),
    version: z.number(),
    matchIds: z.optional(z.array(z.string())),
    matchHash: z.optional(z.string()),
    matchedAt: z.optional(z.string()),
    updatedAt: z.string(),
  } satisfies FieldsOf<StoredBusiness>),
);

/** A new business at version 1, with the owner index keys (GSI1) once it has an owner. */
export const businessItem: ItemMapper<StoredBusiness, BusinessItem, [updatedAt: string], NewBusiness> = {
  toItem(business, updatedAt) {
    const { profile, ownerId, matchIds, matchHash, matchedAt } = business;
    return {
      ...businessKey(profile.brn),
      ...(ownerId ? ownerIndexKeys(ownerId, profile.brn) : {}),
      entity: 'business',
      brn: profile.brn,
      profile,
      ...(ownerId === undefined ? {} : { ownerId }),
      registryStatus: business.registryStatus,
      version: 1,
      ...(matchIds === undefined ? {} : { matchIds }),
      ...(matchHash === undefined ? {} : { matchHash }),
      ...(matchedAt === undefined ? {} : { matchedAt }),
      updatedAt,
    };
  },
  fromItem: readBusiness,
};

// Programs: the current version at `PROG#<id>` / `META`, every version at `PROG#<id>` / `V#<n>`

export type ProgramItem = Envelope<'program'> &
  ReturnType<typeof programIndexKeys> & {
    id: string;
    version: number;
    status: ProgramStatus;
    agencyId: AgencyId;
    program: Program;
    updatedAt: string;
  };

export type ProgramVersionItem = Envelope<'programVersion'> & {
  id: string;
  version: number;
  program: Program;
  createdAt: string;
};

const readProgram = reader('program', z.object({ program: map<Program>() }));

/** The current version, with the status/deadline (GSI1) and agency (GSI2) index keys. */
export const programItem: ItemMapper<Program, ProgramItem, [updatedAt: string]> = {
  toItem(program, updatedAt) {
    return {
      ...programKey(program.id),
      ...programIndexKeys(program),
      entity: 'program',
      id: program.id,
      version: program.version,
      status: program.status,
      agencyId: program.agencyId,
      program,
      updatedAt,
    };
  },
  fromItem: (item) => readProgram(item).program,
};

/** A kept version, never replaced. */
export const programVersionItem: ItemMapper<Program, ProgramVersionItem, [createdAt: string]> = {
  toItem(program, createdAt) {
    return {
      ...programVersionKey(program.id, program.version),
      entity: 'programVersion',
      id: program.id,
      version: program.version,
      program,
      createdAt,
    };
  },
  fromItem: (item) => readProgram(item).program,
};

// Disasters: `DISASTER#<id>` / `META`

export type DisasterItem = Envelope<'disaster'> &
  ReturnType<typeof disasterIndexKeys> & { id: string; disaster: Disaster; createdAt: string };

const readDisaster = reader('disaster', z.object({ disaster: map<Disaster>() }));

/** A declared disaster, in the one GSI1 partition that lists them all by start date. */
export const disasterItem: ItemMapper<Disaster, DisasterItem, [createdAt: string]> = {
  toItem(disaster, createdAt) {
    return {
      ...disasterKey(disaster.id),
      ...disasterIndexKeys(disaster),
      entity: 'disaster',
      id: disaster.id,
      disaster,
      createdAt,
    };
  },
  fromItem: (item) => readDisaster(item).disaster,
};

// Notifications: `USER#<sub>` / `NOTE#<time>#<id>`, and their dedupe markers

export type NotificationItem = Envelope<'notification'> & {
  LSI1SK: string;
  LSI2SK?: string;
} & Notification;

export type NotificationDedupeItem = Envelope<'notificationDedupe'> & {
  notificationId: string;
  createdAt: string;
};

const readNotification = reader(
  'notification',
  z.object({
    id: z.string(),
    userId: z.string(),
    createdAt: z.string(),
    kind: z.enum(['new-match', 'deadline', 'disaster', 'system', 'application']),
    title: z.string(),
    body: z.string(),
    brn: z.optional(z.string()),
    programId: z.optional(z.string()),
    rapid: z.optional(
      z.object({
        programTitle: z.string(),
        amountWon: z.number(),
        tradeName: z.optional(z.string()),
        applyEnd: z.optional(z.string()),
      }),
    ),
    read: z.boolean(),
    dedupeKey: z.string(),
    summary: z.optional(
      z.partialRecord(z.enum(['new-match', 'deadline', 'disaster', 'system', 'application']), z.number()),
    ),
  } satisfies FieldsOf<Notification>),
);

/** A notification, findable by id (LSI1) and, while unread, listed as unread (LSI2). */
export const notificationItem: ItemMapper<Notification, NotificationItem> = {
  toItem(notification) {
    const { userId, id, createdAt } = notification;
    return {
      ...notificationKey(userId, createdAt, id),
      LSI1SK: notificationIdSortKey(id),
      ...(notification.read ? {} : { LSI2SK: unreadSortKey(createdAt, id) }),
      entity: 'notification',
      ...notification,
    };
  },
  fromItem: readNotification,
};

/** The marker that makes a (user, dedupeKey) notified once; written only, never read back. */
export function notificationDedupeItem(notification: Notification): NotificationDedupeItem {
  return {
    ...notificationDedupeKey(notification.userId, notification.dedupeKey),
    entity: 'notificationDedupe',
    notificationId: notification.id,
    createdAt: notification.createdAt,
  };
}

/** The key of an item from a KEYS_ONLY index (LSI1: a notification by id). */
export const readTableKey: (item: RawItem) => TableKey = reader(
  'key',
  z.object({ PK: z.string(), SK: z.string() }),
);

// Audit: `AUDIT#<entityType>#<entityId>` / `<at>#<suffix>`

export type AuditItem = Envelope<'audit'> & AuditEntry;

const readAudit = reader(
  'audit',
  z.object({
    entityType: z.enum(['program', 'disaster', 'business', 'application']),
    entityId: z.string(),
    at: z.string(),
    actorId: z.string(),
    action: z.string(),
    summary: z.string(),
    version: z.optional(z.number()),
  } satisfies FieldsOf<AuditEntry>),
);

/** An audit entry; `suffix` keeps two entries of one millisecond apart. */
export const auditItem: ItemMapper<AuditEntry, AuditItem, [suffix: string]> = {
  toItem(entry, suffix) {
    return { ...auditKey(entry.entityType, entry.entityId, entry.at, suffix), entity: 'audit', ...entry };
  },
  fromItem: readAudit,
};
