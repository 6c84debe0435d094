import * as z from 'zod/mini';
import { AgencyIdSchema } from './common';
import { RoleSchema } from './me';

/** One instance for every plain string field (zod schemas are immutable). */
const str = z.string();

/** `GET /api/dev/users` (local runtime only). */
export const DevUserSchema = z.object({
  id: str,
  role: RoleSchema,
  name: str,
  agencyId: z.optional(AgencyIdSchema),
});
export type DevUser = z.infer<typeof DevUserSchema>;
export const DevUsersResponseSchema = z.object({ users: z.array(DevUserSchema) });

/** `POST /api/dev/login` (local runtime only). */
export const DevLoginSchema = z.strictObject({ userId: z.string().check(z.minLength(1), z.maxLength(100)) });
export const DevLoginResponseSchema = z.object({ token: str });
