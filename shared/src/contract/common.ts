import * as z from 'zod/mini';
import { AGENCIES, type AgencyId } from '../program/program';

/**
 * What every API answer that is not a success looks like: `{ error: { code, message, details? } }`. The
 * message is Korean and names the field; `details` holds `[{ path, message }]` for input errors, or the
 * facts of a refusal (`{ currentVersion }` for VERSION_CONFLICT, the failing examples for EXAMPLE_MISMATCH).
 */
export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.optional(z.unknown()),
  }),
});
export type ErrorBody = z.infer<typeof ErrorSchema>;

/** One problem with an input, located by a dotted path (`rule.rules.1.codes.0`). */
export const FieldProblemSchema = z.object({ path: z.string(), message: z.string() });
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

/** `{ version }`: the version the caller read; a stale one is refused with 409 VERSION_CONFLICT. */
export const VersionSchema = z.number().check(z.int(), z.minimum(1));
export const VersionBodySchema = z.strictObject({ version: VersionSchema });
export type VersionBody = z.infer<typeof VersionBodySchema>;

/** A path segment naming a program (`/api/programs/{id}`); an unknown id is a 404, not a 400. */
export const ProgramIdParamsSchema = z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) });

/** An ISO timestamp as the server writes it (`Date#toISOString`). */
export const TimestampSchema = z.string().check(z.meta({ format: 'date-time' }));

/** The agencies that publish programs (`semas`, `mss`, …). */
export const AgencyIdSchema = z.enum(Object.keys(AGENCIES) as [AgencyId, ...AgencyId[]]);

/** `GET /api/health`. */
export const HealthResponseSchema = z.object({ status: z.literal('ok'), time: TimestampSchema });
