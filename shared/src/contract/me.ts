import * as z from 'zod';
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
  agencyId: AgencyIdSchema.optional(),
  agencyName: str.optional(),
});
export type Me = z.infer<typeof MeSchema>;

/** Opaque paging cursor as the previous page returned it (base64url). */
export const CursorSchema = z
  .string()
  .min(1)
  .max(500)
  .regex(/^[A-Za-z0-9_-]+$/, {
    message: '페이지 정보(cursor)가 올바르지 않습니다.',
  });

/** `GET /api/me/notifications` query. */
export const NotificationListQuerySchema = z
  .object({
    cursor: CursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

export const NotificationSchema = z.object({
  id: str,
  userId: str.optional(),
  createdAt: TimestampSchema,
  kind: z.enum(['new-match', 'deadline', 'disaster', 'system', 'application']),
  title: str,
  body: str,
  brn: str.optional(),
  programId: str.optional(),
  read: z.boolean(),
  dedupeKey: str.optional(),
});
export type NotificationItem = z.infer<typeof NotificationSchema>;

export const NotificationsResponseSchema = z.object({
  items: z.array(NotificationSchema),
  unread: z.number().int().min(0),
  /** The next page's cursor; null on the last page. */
  cursor: str.nullable(),
});
export type NotificationsResponse = z.infer<typeof NotificationsResponseSchema>;

/** `POST /api/me/notifications/{id}/read`. */
export const NotificationParamsSchema = z.object({ id: NotificationIdParamSchema });
