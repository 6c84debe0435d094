/**
 * Applications (issue 12) as the web reads and sends them: the types come from the shared domain and
 * contract (type-only imports, so no schema is bundled by this module), and every call the pages make
 * goes through the functions below, so the routes and their reply envelopes live in one place.
 */
import type {
  Application,
  ApplicationStatus,
  StaffDecisionAction,
  SupportHistoryEntry,
  TimelineEntry,
} from '@sbiz24/shared/application/application';
import type { DocumentStatus, FileMetadata } from '@sbiz24/shared/application/documents';
import type { AnswerValue } from '@sbiz24/shared/application/form';
import type { ApplyFailure, BulkDecisionResult } from '@sbiz24/shared/application/schemas';
import type { Reason } from '@sbiz24/shared/contract/businesses';
import { getToken } from '../auth/auth';
import { ApiError, api } from './client';

export type {
  AnswerValue,
  Application,
  ApplicationStatus,
  ApplyFailure,
  BulkDecisionResult,
  DocumentStatus,
  FileMetadata,
  StaffDecisionAction,
  SupportHistoryEntry,
  TimelineEntry,
};

/** A staff member's view: the application and its rule re-evaluated on today's profile. */
export interface StaffApplication extends Application {
  reasonsNow: Reason[];
  eligibleNow: boolean | null;
}

export interface ApplicationPage {
  items: Application[];
  cursor?: string;
}

/** The staff queue: one page of a program's applications, and the counts per status when the API sends them. */
export interface StaffQueuePage extends ApplicationPage {
  counts?: Partial<Record<ApplicationStatus, number>>;
}

const enc = encodeURIComponent;

/** Some routes wrap one application (`{ application }`), as businesses and programs are wrapped. */
function unwrap(body: { application?: Application } | Application): Application {
  return 'application' in body && body.application ? body.application : (body as Application);
}

// Owner

export function applyToPrograms(
  brn: string,
  body: {
    programIds: string[];
    answers?: Record<string, Record<string, AnswerValue>>;
    idempotencyKey: string;
  },
): Promise<{ items: Application[] }> {
  return api(`/api/me/businesses/${enc(brn)}/applications`, { method: 'POST', body });
}

export function businessApplicationsPath(brn: string, cursor?: string): string {
  return `/api/me/businesses/${enc(brn)}/applications${cursor ? `?cursor=${enc(cursor)}` : ''}`;
}

export function ownApplicationPath(id: string): string {
  return `/api/me/applications/${enc(id)}`;
}

export async function withdrawApplication(id: string, version: number): Promise<Application> {
  return unwrap(await api(`/api/me/applications/${enc(id)}/withdraw`, { method: 'POST', body: { version } }));
}

export async function respondToSupplement(
  id: string,
  body: { version: number; message: string; files?: FileMetadata[] },
): Promise<Application> {
  return unwrap(await api(`/api/me/applications/${enc(id)}/supplement`, { method: 'POST', body }));
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

export function staffQueuePath(programId: string, filters: QueueFilters, cursor?: string): string {
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
  action: StaffDecisionAction;
  amount?: number;
  message?: string;
}

export async function decide(id: string, version: number, d: Decision): Promise<Application> {
  return unwrap(
    await api(`/api/staff/applications/${enc(id)}/decision`, { method: 'POST', body: { version, ...d } }),
  );
}

export function bulkDecide(ids: string[], d: Decision): Promise<{ results: BulkDecisionResult[] }> {
  return api('/api/staff/applications/bulk-decision', { method: 'POST', body: { ids, ...d } });
}

export function applicationsCsvPath(programId: string): string {
  return `/api/staff/programs/${enc(programId)}/applications.csv`;
}

/**
 * Downloads a program's applications as CSV (UTF-8 with BOM, for Excel). A plain link would not carry the
 * sign-in, so the file is fetched with it and handed to the browser as a download.
 */
export async function downloadApplicationsCsv(programId: string): Promise<void> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(applicationsCsvPath(programId), {
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
