import * as z from 'zod/mini';
import { NotificationIdParamSchema } from '../id-formats';
import { AgencyIdSchema, TimestampSchema } from './common';

/** One instance for every plain string field (zod schemas are immutable). */
const str = z.string();

export const ROLES = ['owner', 'staff', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** `GET /api/me`: the signed-in user (staff with their agency). */
export const MeSchema = z.object({
  sub: str,
  name: str,
  role: RoleSchema,
  agencyId: z.optional(AgencyIdSchema),
  agencyName: z.optional(str),
});
export type Me = z.infer<typeof MeSchema>;

/** Opaque paging cursor as the previous page returned it (base64url). */
export const CursorSchema = z.string().check(
  z.minLength(1),
  z.maxLength(500),
  z.regex(/^[A-Za-z0-9_-]+$/, {
    message: '페이지 정보(cursor)가 올바르지 않습니다.',
  }),
);

/** `GET /api/me/notifications` query. */
export const NotificationListQuerySchema = z.strictObject({
  cursor: z.optional(CursorSchema),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50)), 20),
});

const countSchema = z.optional(z.number().check(z.int(), z.minimum(0)));
/** How many notifications of each kind a first sign-in summary stands for. */
export const SummaryCountsSchema = z.object({
  'new-match': countSchema,
  deadline: countSchema,
  disaster: countSchema,
  application: countSchema,
  system: countSchema,
});

export const NotificationSchema = z.object({
  id: str,
  userId: z.optional(str),
  createdAt: TimestampSchema,
  kind: z.enum(['new-match', 'deadline', 'disaster', 'system', 'application']),
  title: str,
  body: str,
  brn: z.optional(str),
  programId: z.optional(str),
  /** A rapid-payment (신속지급) notice: the amount the owner will receive; link it to the apply page. */
  rapid: z.optional(
    z.object({
      programTitle: str,
      amountWon: z.number().check(z.int(), z.minimum(0)),
      tradeName: z.optional(str),
      applyEnd: z.optional(str),
    }),
  ),
  read: z.boolean(),
  dedupeKey: z.optional(str),
  /** Only on the first sign-in summary: the notifications it stands for, by kind. */
  summary: z.optional(SummaryCountsSchema),
});
export type NotificationItem = z.infer<typeof NotificationSchema>;

export const NotificationsResponseSchema = z.object({
  items: z.array(NotificationSchema),
  unread: z.number().check(z.int(), z.minimum(0)),
  /** The next page's cursor; null on the last page. */
  cursor: z.nullable(str),
});
export type NotificationsResponse = z.infer<typeof NotificationsResponseSchema>;

/** `POST /api/me/notifications/{id}/read`. */
export const NotificationParamsSchema = z.object({ id: NotificationIdParamSchema });
