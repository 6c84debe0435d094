import type { LifecycleStage } from '@sbiz24/shared/lifecycle/stage';
import type { BusinessProfile } from '@sbiz24/shared/profile/profile';
import type {
  AgencyId,
  Program,
  ProgramDraftInput,
  ProgramKind,
  ProgramStatus,
} from '@sbiz24/shared/program/program';
import type { Rule } from '@sbiz24/shared/rules/types';

/** The portal API's shapes as the web reads them (docs/api.md). */

export type { AgencyId, LifecycleStage, Program, ProgramDraftInput, ProgramKind, ProgramStatus, Rule };

export interface Benefit {
  description: string;
  maxAmount?: number;
  loanLimit?: number;
  rate?: string;
}

export interface ProgramSummary {
  id: string;
  title: string;
  titleEn?: string;
  kind: ProgramKind;
  agencyId: AgencyId;
  agencyName: string;
  stages: LifecycleStage[];
  summary: string;
  benefit: Benefit;
  applyStart?: string;
  applyEnd?: string;
  status: ProgramStatus;
  dDay: number | null;
  version?: number;
}

export interface ProgramListResponse {
  items: ProgramSummary[];
  page: number;
  pageSize: number;
  total: number;
}

export interface ProgramDetailResponse {
  program: ProgramSummary & { howToApply: string; rule: Rule; version: number };
  description: string[];
  descriptionEn: string[];
}

export type Role = 'owner' | 'staff' | 'admin';

export interface Me {
  sub?: string;
  id?: string;
  name: string;
  role: Role;
  agencyId?: AgencyId;
  agencyName?: string;
}

export interface DevUser {
  id: string;
  role: Role;
  name: string;
  agencyId?: AgencyId;
}

export interface BusinessItem {
  brn: string;
  brnFormatted: string;
  tradeName: string;
  stage: LifecycleStage | null;
  stageLabel: string;
  regionName: string;
  ksicName: string;
  version: number;
  profile: BusinessProfile & { brn: string };
}

export interface Reason {
  path: string;
  type: string;
  met: boolean | null;
  text: string;
  textEn: string;
}

export interface Match {
  id: string;
  title: string;
  kind: ProgramKind;
  eligible: boolean;
  reasons: Reason[];
  applyEnd?: string | null;
  dDay: number | null;
}

export interface NearMiss {
  id: string;
  title: string;
  kind: ProgramKind;
  change: string;
  changeEn: string;
  blocking: Reason;
}

export interface MatchesResponse {
  asOf: string;
  stage: LifecycleStage | null;
  groups: Record<ProgramKind, Match[]>;
  nearMisses: NearMiss[];
}

export interface NotificationItem {
  id: string;
  createdAt: string;
  kind: string;
  title: string;
  body: string;
  brn?: string;
  programId?: string;
  read: boolean;
}

export interface NotificationsResponse {
  items: NotificationItem[];
  unread: number;
  cursor?: string | null;
}

export interface AuditEntry {
  at: string;
  actorId: string;
  action: string;
  summary: string;
  version: number;
}

export interface PreviewResponse {
  total: number;
  bySido: Record<string, number>;
  byStage: { startup: number; growth: number; closure: number; unknown: number };
  samples?: unknown[];
  snapshotAt?: string;
  snapshotAgeSeconds?: number;
}
