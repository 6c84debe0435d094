import type { DamageImportResponse } from '@sbiz24/shared/contract/relief';
import { getToken, onUnauthorized } from '../auth/auth';
import { ApiError, type FieldProblem } from './client';

const NETWORK = '서버에 연결할 수 없습니다. 인터넷 연결을 확인하고 다시 시도해 주세요.';
const SERVER = '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.';

export function damageImportPath(disasterId: string, dryRun: boolean): string {
  return `/api/staff/disasters/${encodeURIComponent(disasterId)}/damage-imports?dryRun=${dryRun}`;
}

/** Sends one damage list (or one chunk of it) as `text/csv`: a dry run checks and counts, else applies. */
export async function postDamageList(
  disasterId: string,
  body: Uint8Array,
  dryRun: boolean,
): Promise<DamageImportResponse> {
  const token = getToken();
  const path = damageImportPath(disasterId, dryRun);
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'text/csv',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body as BodyInit,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK);
  }
  const parsed = (await res.json().catch(() => undefined)) as
    | (DamageImportResponse & { error?: { code?: string; message?: string; details?: unknown } })
    | undefined;
  if (res.ok && parsed) {
    if (import.meta.env.DEV) (await import('./check-answer')).checkAnswer('POST', path, parsed);
    return parsed;
  }
  if (res.status === 401 && token) onUnauthorized();
  const err = parsed?.error;
  throw new ApiError(
    res.status,
    typeof err?.code === 'string' ? err.code : res.status >= 500 ? 'SERVER_ERROR' : `HTTP_${res.status}`,
    typeof err?.message === 'string' ? err.message : SERVER,
    Array.isArray(err?.details)
      ? err.details.filter(
          (d): d is FieldProblem =>
            typeof d === 'object' &&
            d !== null &&
            typeof d.path === 'string' &&
            typeof d.message === 'string',
        )
      : [],
  );
}
