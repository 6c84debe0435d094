import type * as z from 'zod/mini';
import {
  ApplicationFormResponseSchema,
  ApplicationListResponseSchema,
  ApplicationResponseSchema,
  ApplicationStatsResponseSchema,
  ApplyResponseSchema,
  BulkDecisionResponseSchema,
  CreateUploadResponseSchema,
  DownloadResponseSchema,
  FileResponseSchema,
  StaffApplicationResponseSchema,
  StaffQueueResponseSchema,
  SupportHistoryResponseSchema,
} from './applications';
import { BusinessListResponseSchema, BusinessResponseSchema, MatchesResponseSchema } from './businesses';
import { HealthResponseSchema } from './common';
import { MeSchema, NotificationsResponseSchema } from './me';
import { ProgramDetailResponseSchema, ProgramListResponseSchema } from './programs';
import { ApproveEligibleResponseSchema, PaymentResultsResponseSchema } from './rapid-payment';
import { DamageImportResponseSchema } from './relief';
import {
  AuditListResponseSchema,
  DisasterListResponseSchema,
  DisasterResponseSchema,
  PreviewResponseSchema,
  ProgramResponseSchema,
  StaffProgramListResponseSchema,
} from './staff';
import { DevLoginResponseSchema, DevUsersResponseSchema } from './system';

/**
 * The success body of every JSON route, by method and path template: what a client checks an answer
 * against. The server declares the same schemas on its routes (`functions/src/http/routes`), and a test
 * there checks that this table and the routes agree.
 */
export const RESPONSE_SCHEMAS: Record<string, z.ZodMiniType> = {
  'GET /api/health': HealthResponseSchema,
  'GET /api/programs': ProgramListResponseSchema,
  'GET /api/programs/{id}': ProgramDetailResponseSchema,
  'GET /api/disasters': DisasterListResponseSchema,
  'GET /api/me': MeSchema,
  'GET /api/me/notifications': NotificationsResponseSchema,
  'GET /api/me/businesses': BusinessListResponseSchema,
  'POST /api/me/businesses/claim': BusinessResponseSchema,
  'GET /api/me/businesses/{brn}': BusinessResponseSchema,
  'PATCH /api/me/businesses/{brn}': BusinessResponseSchema,
  'GET /api/me/businesses/{brn}/matches': MatchesResponseSchema,
  'GET /api/staff/programs': StaffProgramListResponseSchema,
  'POST /api/staff/programs': ProgramResponseSchema,
  'GET /api/staff/programs/{id}': ProgramResponseSchema,
  'PUT /api/staff/programs/{id}': ProgramResponseSchema,
  'POST /api/staff/programs/{id}/publish': ProgramResponseSchema,
  'POST /api/staff/programs/{id}/close': ProgramResponseSchema,
  'GET /api/staff/programs/{id}/audit': AuditListResponseSchema,
  'POST /api/staff/disasters': DisasterResponseSchema,
  'POST /api/staff/preview': PreviewResponseSchema,
  'POST /api/me/businesses/{brn}/applications': ApplyResponseSchema,
  'GET /api/me/businesses/{brn}/applications': ApplicationListResponseSchema,
  'GET /api/me/businesses/{brn}/application-form': ApplicationFormResponseSchema,
  'GET /api/me/businesses/{brn}/support-history': SupportHistoryResponseSchema,
  'POST /api/me/businesses/{brn}/support-history': SupportHistoryResponseSchema,
  'GET /api/me/applications/{id}': ApplicationResponseSchema,
  'POST /api/me/applications/{id}/withdraw': ApplicationResponseSchema,
  'POST /api/me/applications/{id}/supplement': ApplicationResponseSchema,
  'POST /api/me/files': CreateUploadResponseSchema,
  'POST /api/me/files/{fileId}/complete': FileResponseSchema,
  'GET /api/me/files/{fileId}/download': DownloadResponseSchema,
  'GET /api/staff/applications': StaffQueueResponseSchema,
  'GET /api/staff/applications/{id}': StaffApplicationResponseSchema,
  'POST /api/staff/applications/{id}/decision': ApplicationResponseSchema,
  'POST /api/staff/applications/bulk-decision': BulkDecisionResponseSchema,
  'GET /api/staff/applications/{id}/files/{fileId}/download': DownloadResponseSchema,
  'GET /api/staff/programs/{id}/applications/stats': ApplicationStatsResponseSchema,
  'POST /api/staff/disasters/{id}/damage-imports': DamageImportResponseSchema,
  'POST /api/me/applications/{id}/account': ApplicationResponseSchema,
  'POST /api/staff/programs/{id}/approve-eligible': ApproveEligibleResponseSchema,
  'POST /api/staff/programs/{id}/payment-results': PaymentResultsResponseSchema,
  'GET /api/dev/users': DevUsersResponseSchema,
  'POST /api/dev/login': DevLoginResponseSchema,
};

const TEMPLATES = Object.keys(RESPONSE_SCHEMAS).map((key) => {
  const [method, template] = key.split(' ') as [string, string];
  return { key, method, re: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`) };
});

/** The success schema for a request (`GET`, `/api/programs/youth-fund?x=1`), or undefined for none (204). */
export function responseSchemaFor(method: string, path: string): z.ZodMiniType | undefined {
  const bare = path.split('?')[0]!;
  const found = TEMPLATES.find((t) => t.method === method && t.re.test(bare));
  return found ? RESPONSE_SCHEMAS[found.key] : undefined;
}
