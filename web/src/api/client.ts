import type { ErrorBody, FieldProblem } from '@sbiz24/shared/contract/common';
import { getToken, onUnauthorized } from '../auth/auth';

export type { FieldProblem };

/** An API failure: the HTTP status (0 when the server could not be reached), code and Korean message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
    /** The error's details as sent, for codes whose details are not field problems (EXAMPLE_MISMATCH). */
    readonly rawDetails: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const GENERIC: Record<string, string> = {
  NETWORK: '서버에 연결할 수 없습니다. 인터넷 연결을 확인하고 다시 시도해 주세요.',
  SERVER_ERROR: '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.',
};

function detailsOf(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (d): d is FieldProblem =>
      typeof d === 'object' && d !== null && typeof d.path === 'string' && typeof d.message === 'string',
  );
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the portal API (same origin); JSON in and out; throws ApiError with the server's Korean message. */
export async function api<T>(
  path: string,
  { method = 'GET', body, signal }: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', GENERIC.NETWORK!);
  }
  if (res.status === 204) return undefined as T;
  let parsed: unknown;
  try {
    parsed = await res.json();
  } catch {
    parsed = undefined;
  }
  if (res.ok) {
    // Development builds and the web tests check every answer against the shared contract, so a drift
    // between server and web fails loudly; production builds leave this (and zod) out.
    if (import.meta.env.DEV) (await import('./check-answer')).checkAnswer(method, path, parsed);
    return parsed as T;
  }
  // Not trusted to match ErrorBody: a proxy or a crash may answer with anything.
  const err = (parsed as Partial<ErrorBody> | undefined)?.error as
    | { code?: unknown; message?: unknown; details?: unknown }
    | undefined;
  const code =
    typeof err?.code === 'string' ? err.code : res.status >= 500 ? 'SERVER_ERROR' : `HTTP_${res.status}`;
  // The API's messages are Korean and meant for people; a bare 5xx (a proxy, a crash) gets a generic one.
  const message = typeof err?.message === 'string' ? err.message : (GENERIC.SERVER_ERROR as string);
  if (res.status === 401 && token) onUnauthorized();
  throw new ApiError(res.status, code, message, detailsOf(err?.details), err?.details);
}

/** The field errors of an API error, keyed by path relative to `prefix` (`draft.` → `title`). */
export function fieldErrors(error: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const d of error.details) {
    if (prefix && !d.path.startsWith(prefix)) continue;
    const key = prefix ? d.path.slice(prefix.length) : d.path;
    if (!(key in out)) out[key] = d.message;
  }
  return out;
}
