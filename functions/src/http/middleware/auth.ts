import { ForbiddenError, UnauthenticatedError } from '@sbiz24/shared';
import type { MiddlewareHandler } from 'hono';
import type { Caller, VerifyToken } from '../../services/types';
import type { Access, AppEnv } from '../types';

const ALLOWED: Record<Exclude<Access, 'public'>, readonly Caller['role'][]> = {
  user: ['owner', 'staff', 'admin'],
  owner: ['owner'],
  staff: ['staff', 'admin'],
  admin: ['admin'],
};

const FORBIDDEN_MESSAGE: Record<Exclude<Access, 'public' | 'user'>, string> = {
  owner: '사업자(소상공인) 회원만 이용할 수 있습니다.',
  staff: '기관 담당자만 이용할 수 있습니다.',
  admin: '관리자만 이용할 수 있습니다.',
};

/**
 * Enforces a route's access rule: verifies the bearer token (401 when missing or invalid) and the role
 * (403). Public routes never look at the header, so a stale token does not break public pages.
 */
export function requireAccess(access: Access, verifyToken: VerifyToken): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access === 'public') return next();
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthenticatedError('로그인이 필요합니다.');
    let caller: Caller;
    try {
      caller = await verifyToken(match[1]!);
    } catch {
      throw new UnauthenticatedError('로그인 정보가 만료되었거나 올바르지 않습니다. 다시 로그인해 주세요.');
    }
    if (!ALLOWED[access].includes(caller.role)) {
      throw new ForbiddenError(FORBIDDEN_MESSAGE[access as keyof typeof FORBIDDEN_MESSAGE]);
    }
    c.set('caller', caller);
    await next();
    // Personal data: never stored by a browser or a shared cache.
    c.header('Cache-Control', 'no-store');
  };
}

/** The caller set by `requireAccess`; only call from a non-public route. */
export function callerOf(c: { get(key: 'caller'): Caller | undefined }): Caller {
  const caller = c.get('caller');
  if (!caller) throw new UnauthenticatedError('로그인이 필요합니다.');
  return caller;
}
