import { DisasterSchema } from '../disaster/disaster';
import { BusinessProfileSchema } from '../profile/profile';
import { BenefitSchema, ProgramSchema } from '../program/program';
import { RuleSchema } from '../rules/schema';
import {
  BusinessItemSchema,
  BusinessListResponseSchema,
  BusinessResponseSchema,
  ClaimRequestSchema,
  MatchesResponseSchema,
  MatchSchema,
  NearMissSchema,
  PatchBusinessSchema,
  ReasonSchema,
} from './businesses';
import { ErrorSchema, HealthResponseSchema, VersionBodySchema } from './common';
import { MeSchema, NotificationSchema, NotificationsResponseSchema } from './me';
import {
  ProgramDetailResponseSchema,
  ProgramDetailSchema,
  ProgramListResponseSchema,
  ProgramSummarySchema,
} from './programs';
import {
  AuditEntrySchema,
  AuditListResponseSchema,
  CreateProgramSchema,
  DisasterBodySchema,
  DisasterListResponseSchema,
  DisasterResponseSchema,
  PreviewRequestSchema,
  PreviewResponseSchema,
  PreviewSampleSchema,
  ProgramDraftBodySchema,
  ProgramResponseSchema,
  StaffProgramListResponseSchema,
  UpdateProgramSchema,
} from './staff';

/**
 * The contract's named schemas: the OpenAPI document lists each once under `components.schemas` with this
 * name and refers to it wherever it is used. The server imports this list; the web never needs it. The
 * local-only dev routes' schemas are left out, so that the Lambda bundle does not carry them.
 */
export const NAMED_SCHEMAS = {
  Error: ErrorSchema,
  Rule: RuleSchema,
  BusinessProfile: BusinessProfileSchema,
  Benefit: BenefitSchema,
  Disaster: DisasterSchema,
  Program: ProgramSchema,
  ProgramDraft: ProgramDraftBodySchema,
  ProgramSummary: ProgramSummarySchema,
  ProgramDetail: ProgramDetailSchema,
  BusinessItem: BusinessItemSchema,
  Reason: ReasonSchema,
  Match: MatchSchema,
  NearMiss: NearMissSchema,
  Matches: MatchesResponseSchema,
  Me: MeSchema,
  Notification: NotificationSchema,
  AuditEntry: AuditEntrySchema,
  PreviewSample: PreviewSampleSchema,
  Preview: PreviewResponseSchema,
  Health: HealthResponseSchema,
  ProgramList: ProgramListResponseSchema,
  ProgramDetailResponse: ProgramDetailResponseSchema,
  BusinessList: BusinessListResponseSchema,
  BusinessResponse: BusinessResponseSchema,
  Notifications: NotificationsResponseSchema,
  StaffProgramList: StaffProgramListResponseSchema,
  ProgramResponse: ProgramResponseSchema,
  AuditList: AuditListResponseSchema,
  DisasterList: DisasterListResponseSchema,
  DisasterResponse: DisasterResponseSchema,
  ClaimRequest: ClaimRequestSchema,
  PatchBusinessRequest: PatchBusinessSchema,
  CreateProgramRequest: CreateProgramSchema,
  UpdateProgramRequest: UpdateProgramSchema,
  VersionRequest: VersionBodySchema,
  DisasterDeclaration: DisasterBodySchema,
  PreviewRequest: PreviewRequestSchema,
} as const;
