import type { RapidPayment } from '@sbiz24/shared/application/settings';
import type { Program } from '@sbiz24/shared/program/program';
import type { TestApp } from './test-app';

/** Makes a catalog program of the test app a rapid-payment (신속지급) one, as the staff editor would. */
export async function makeRapid(
  t: Pick<TestApp, 'repos'>,
  programId: string,
  rapidPayment: RapidPayment = { amountWon: 2_000_000 },
): Promise<Program> {
  const program = await t.repos.programs.get(programId);
  if (!program) throw new Error(`no program ${programId}`);
  const settings = (program as Program & { application?: object }).application ?? {
    fields: [],
    documents: [],
  };
  return t.repos.programs.update({
    ...program,
    version: program.version + 1,
    application: { ...settings, rapidPayment },
  } as Program);
}

/** A valid account as the owner types it (hyphens included); its digits are `ACCOUNT_DIGITS`. */
export const ACCOUNT = { bankCode: '088', number: '110-123-456789', holder: '김하늘' };
export const ACCOUNT_DIGITS = '110123456789';
