/**
 * Applications (issue 12) as the web reads and sends them: the types come from the shared domain and
 * contract (type-only imports, so no schema is bundled by this module), and every call the pages make
 * goes through the functions below, so the routes and their reply envelopes live in one place.
 */
import type { ApplicationStatus } from '@sbiz24/shared/application/application';
import type {
  AnswerInput,
  ApplicationBody,
  ApplicationFormResponse,
  ApplicationListResponse,
  ApplicationStatsResponse,
  ApplyFailure,
  ApplyResponse,
  BulkDecisionResponse,
  BulkDecisionResult,
  DecisionAction,
  StaffApplicationResponse,
  StaffQueueItem,
  StaffQueueResponse,
  SupportHistoryEntryBody,
  TimelineEntryBody,
} from '@sbiz24/shared/contract/applications';
import { getToken } from '../auth/auth';
import { ApiError, api } from './client';

export type Application = ApplicationBody;
export type ApplicationPage = ApplicationListResponse;
export type StaffApplication = StaffApplicationResponse['application'];
export type TimelineEntry = TimelineEntryBody;
export type DocumentStatus = Application['documents'][number];
export type FileMetadata = NonNullable<TimelineEntry['files']>[number];
export type SupportHistoryEntry = SupportHistoryEntryBody;
export type ApplicationForm = ApplicationFormResponse['programs'][number];
export type {
  AnswerInput,
  ApplicationFormResponse,
  ApplicationStatsResponse,
  ApplicationStatus,
  ApplyFailure,
  BulkDecisionResult,
  DecisionAction,
  StaffQueueItem,
  StaffQueueResponse,
};

const enc = encodeURIComponent;

// Owner

export function applyToPrograms(
  brn: string,
  body: {
    programIds: string[];
    answers?: Record<string, Record<string, AnswerInput>>;
    idempotencyKey: string;
  },
): Promise<ApplyResponse> {
  return api(`/api/me/businesses/${enc(brn)}/applications`, { method: 'POST', body });
}

export function businessApplicationsPath(brn: string, cursor?: string | null): string {
  return `/api/me/businesses/${enc(brn)}/applications${cursor ? `?cursor=${enc(cursor)}` : ''}`;
}

/** The forms of up to 10 programs for one business: questions prefilled, documents already held marked. */
export function applicationFormPath(brn: string, programIds: string[]): string {
  return `/api/me/businesses/${enc(brn)}/application-form?programIds=${programIds.map(enc).join(',')}`;
}

export function ownApplicationPath(id: string): string {
  return `/api/me/applications/${enc(id)}`;
}

export async function withdrawApplication(id: string, version: number): Promise<Application> {
  const r = await api<{ application: Application }>(`/api/me/applications/${enc(id)}/withdraw`, {
    method: 'POST',
    body: { version },
  });
  return r.application;
}

/** The owner's response to a supplement request; files by the ids their uploads got. */
export async function respondToSupplement(
  id: string,
  body: { version: number; message: string; files?: string[] },
): Promise<Application> {
  const r = await api<{ application: Application }>(`/api/me/applications/${enc(id)}/supplement`, {
    method: 'POST',
    body,
  });
  return r.application;
}

export function supportHistoryPath(brn: string): string {
  return `/api/me/businesses/${enc(brn)}/support-history`;
}

// Staff

export interface QueueFilters {
  status?: ApplicationStatus | undefined;
  sido?: string | undefined;
  stage?: string | undefined;
}

export function staffQueuePath(programId: string, filters: QueueFilters, cursor?: string | null): string {
  const q = new URLSearchParams({ programId });
  if (filters.status) q.set('status', filters.status);
  if (filters.sido) q.set('sido', filters.sido);
  if (filters.stage) q.set('stage', filters.stage);
  if (cursor) q.set('cursor', cursor);
  return `/api/staff/applications?${q}`;
}

export function staffApplicationPath(id: string): string {
  return `/api/staff/applications/${enc(id)}`;
}

export interface Decision {
  action: DecisionAction;
  amount?: number;
  message?: string;
}

export async function decide(id: string, version: number, d: Decision): Promise<Application> {
  const r = await api<{ application: Application }>(`/api/staff/applications/${enc(id)}/decision`, {
    method: 'POST',
    body: { version, ...d },
  });
  return r.application;
}

export function bulkDecide(ids: string[], d: Decision): Promise<BulkDecisionResponse> {
  return api('/api/staff/applications/bulk-decision', { method: 'POST', body: { ids, ...d } });
}

/** The program dashboard's figures; also the queue's counts per status. */
export function applicationStatsPath(programId: string): string {
  return `/api/staff/programs/${enc(programId)}/applications/stats`;
}

/** A short-lived link to read a file: the owner's own, or one of an application under review. */
export async function fileDownloadUrl(fileId: string, staffApplicationId?: string): Promise<string> {
  const path = staffApplicationId
    ? `/api/staff/applications/${enc(staffApplicationId)}/files/${enc(fileId)}/download`
    : `/api/me/files/${enc(fileId)}/download`;
  return (await api<{ url: string }>(path)).url;
}

export function applicationsCsvPath(programId: string, filters: QueueFilters = {}): string {
  const q = new URLSearchParams();
  if (filters.status) q.set('status', filters.status);
  if (filters.sido) q.set('sido', filters.sido);
  if (filters.stage) q.set('stage', filters.stage);
  const qs = q.toString();
  return `/api/staff/programs/${enc(programId)}/applications.csv${qs ? `?${qs}` : ''}`;
}

/**
 * Downloads a program's applications as CSV (UTF-8 with BOM, for Excel). A plain link would not carry the
 * sign-in, so the file is fetched with it and handed to the browser as a download.
 */
export async function downloadApplicationsCsv(programId: string, filters: QueueFilters = {}): Promise<void> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(applicationsCsvPath(programId, filters), {
      headers: { Accept: 'text/csv', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '서버에 연결할 수 없습니다. 인터넷 연결을 확인하고 다시 시도해 주세요.');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as
      | { error?: { code?: string; message?: string } }
      | undefined;
    throw new ApiError(
      res.status,
      body?.error?.code ?? `HTTP_${res.status}`,
      body?.error?.message ?? '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.',
    );
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${programId}-applications.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The failing programs of a refused 통합신청 (422/409), from the error's details. */
export function applyFailures(error: unknown): ApplyFailure[] {
  if (!(error instanceof ApiError)) return [];
  const raw = error.rawDetails as { failures?: unknown } | unknown[] | undefined;
  const list = Array.isArray(raw) ? raw : (raw as { failures?: unknown } | undefined)?.failures;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (f): f is ApplyFailure =>
      typeof f === 'object' &&
      f !== null &&
      typeof (f as ApplyFailure).programId === 'string' &&
      typeof (f as ApplyFailure).message === 'string',
  );
}

/** A fresh idempotency key for one submit (kept across retries of the same submit). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
