/**
 * The portal API's shapes as the web reads them: every one is inferred from the shared contract
 * (`@sbiz24/shared/contract/*`), which the server declares its routes with. Nothing here is written by hand.
 */

export type {
  BusinessItem,
  Match,
  MatchesResponse,
  NearMiss,
  PatchBusinessInput,
  Reason,
} from '@sbiz24/shared/contract/businesses';
export type { FieldProblem } from '@sbiz24/shared/contract/common';
export type { Me, NotificationItem, NotificationsResponse, Role } from '@sbiz24/shared/contract/me';
export type {
  ProgramDetailResponse,
  ProgramListResponse,
  ProgramSummary,
} from '@sbiz24/shared/contract/programs';
export type { AuditEntry, PreviewResponse, ProgramResponse } from '@sbiz24/shared/contract/staff';
export type { DevUser } from '@sbiz24/shared/contract/system';
export type { LifecycleStage } from '@sbiz24/shared/lifecycle/stage';
export type {
  AgencyId,
  Program,
  ProgramDraftInput,
  ProgramKind,
  ProgramStatus,
} from '@sbiz24/shared/program/program';
export type { Rule } from '@sbiz24/shared/rules/types';
