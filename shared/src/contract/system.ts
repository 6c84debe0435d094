import * as z from 'zod';
import { AgencyIdSchema } from './common';
import { RoleSchema } from './me';

/** One instance for every plain string field (zod schemas are immutable). */
const str = z.string();

/** `GET /api/dev/users` (local runtime only). */
export const DevUserSchema = z.object({
  id: str,
  role: RoleSchema,
  name: str,
  agencyId: AgencyIdSchema.optional(),
});
export type DevUser = z.infer<typeof DevUserSchema>;
export const DevUsersResponseSchema = z.object({ users: z.array(DevUserSchema) });

/** `POST /api/dev/login` (local runtime only). */
export const DevLoginSchema = z.object({ userId: z.string().min(1).max(100) }).strict();
export const DevLoginResponseSchema = z.object({ token: str });
