import { parseBusinessNumber } from '@sbiz24/shared/business-number/business-number';
import { NotFoundError } from '@sbiz24/shared/errors';
import type { Program } from '@sbiz24/shared/program/program';
import type { Repositories, StoredBusiness } from '@sbiz24/shared/repositories';
import type { Caller } from './types';

/**
 * Who may see what of applications, in one place: an owner their own businesses, staff their own agency's
 * programs (admins all). Anything else is 404, as for businesses, so that existence does not leak.
 */

export const BUSINESS_NOT_FOUND = '사업자를 찾을 수 없습니다. 사업자등록번호를 다시 확인해 주세요.';
export const PROGRAM_NOT_FOUND = '사업을 찾을 수 없습니다.';

export async function ownedBusiness(
  repos: Pick<Repositories, 'businesses'>,
  caller: Caller,
  brnInput: string,
): Promise<StoredBusiness> {
  const parsed = parseBusinessNumber(brnInput);
  const business = parsed.ok ? await repos.businesses.get(parsed.value) : undefined;
  if (!business || business.ownerId !== caller.sub)
    throw new NotFoundError(BUSINESS_NOT_FOUND, 'BUSINESS_NOT_FOUND');
  return business;
}

/** True when the caller reviews applications of the agency. */
export function reviews(caller: Caller, agencyId: string | undefined): boolean {
  return (
    caller.role === 'admin' ||
    (caller.role === 'staff' && agencyId !== undefined && caller.agencyId === agencyId)
  );
}

/** A program of the caller's agency (any for an admin); another agency's is 404. */
export async function reviewedProgram(
  repos: Pick<Repositories, 'programs'>,
  caller: Caller,
  programId: string,
): Promise<Program> {
  const program = await repos.programs.get(programId);
  if (!program || !reviews(caller, program.agencyId))
    throw new NotFoundError(PROGRAM_NOT_FOUND, 'PROGRAM_NOT_FOUND');
  return program;
}
