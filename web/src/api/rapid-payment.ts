/**
 * Rapid payment (신속지급, issue 13) as the web sends and reads it: the owner's one-click apply and account
 * correction, and the staff's bulk approval, payment file and bank results. Types only from the contract.
 */
import type { AccountInput } from '@sbiz24/shared/contract/applications';
import type { ApproveEligibleResponse, PaymentResultsResponse } from '@sbiz24/shared/contract/rapid-payment';
import { getToken } from '../auth/auth';
import type { Application } from './applications';
import { ApiError, api } from './client';

export type { AccountInput, ApproveEligibleResponse, PaymentResultsResponse };

const enc = encodeURIComponent;
const NETWORK = '서버에 연결할 수 없습니다. 인터넷 연결을 확인하고 다시 시도해 주세요.';

/** One-click apply: the program and the account only. */
export function applyWithAccount(
  brn: string,
  body: { programIds: string[]; account: AccountInput; idempotencyKey: string },
): Promise<{ items: Application[] }> {
  return api(`/api/me/businesses/${enc(brn)}/applications`, { method: 'POST', body });
}

/** The owner replaces the account of their rapid-payment application (after a failed payment). */
export async function updateAccount(
  id: string,
  version: number,
  account: AccountInput,
): Promise<Application> {
  const r = await api<{ application: Application }>(`/api/me/applications/${enc(id)}/account`, {
    method: 'POST',
    body: { version, account },
  });
  return r.application;
}

/** A dry run (count only) or the next batch from `cursor`. */
export function approveEligible(
  programId: string,
  body: { dryRun?: boolean; cursor?: string },
): Promise<ApproveEligibleResponse> {
  return api(`/api/staff/programs/${enc(programId)}/approve-eligible`, { method: 'POST', body });
}

async function failed(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => undefined)) as
    | { error?: { code?: string; message?: string } }
    | undefined;
  return new ApiError(
    res.status,
    body?.error?.code ?? `HTTP_${res.status}`,
    body?.error?.message ?? '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.',
  );
}

function authHeaders(extra: Record<string, string>): Record<string, string> {
  const token = getToken();
  return { ...extra, ...(token ? { Authorization: `Bearer ${token}` } : {}) };
}

/**
 * Downloads one of the bank's payment files (a plain link would not carry the sign-in): the first, or the one
 * `cursor` names. A large payout comes as several files; `next` names the following one, null after the last.
 */
export async function downloadPaymentFile(
  programId: string,
  cursor?: string,
): Promise<{ part: number; next: string | null }> {
  let res: Response;
  try {
    const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    res = await fetch(`/api/staff/programs/${enc(programId)}/payments.csv${query}`, {
      headers: authHeaders({ Accept: 'text/csv' }),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK);
  }
  if (!res.ok) throw await failed(res);
  const part = Number(res.headers.get('X-Payment-File-Part') ?? '1') || 1;
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${programId}-payments-${part}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { part, next: res.headers.get('X-Payment-File-Next') || null };
}

/** Uploads the bank's result file as it is (UTF-8 or CP949 CSV). */
export async function uploadPaymentResults(programId: string, file: Blob): Promise<PaymentResultsResponse> {
  let res: Response;
  try {
    res = await fetch(`/api/staff/programs/${enc(programId)}/payment-results`, {
      method: 'POST',
      headers: authHeaders({ Accept: 'application/json', 'Content-Type': 'text/csv' }),
      body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK);
  }
  if (!res.ok) throw await failed(res);
  return (await res.json()) as PaymentResultsResponse;
}
