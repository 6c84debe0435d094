import type { RapidPayment } from '@sbiz24/shared/application/settings';
import type { Program } from '@sbiz24/shared/program/program';
import { maskAccountNumber } from '@sbiz24/shared/relief/bank-account';
import { DEMO_OWNED_BUSINESSES } from '../local/demo-data';
import { application, idempotency, submitAudit } from './application-data';
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

/** Owner A's approved application to the rapid program `semas-rapid` (a copy of youth-fund), with an account. */
export const RAPID_APPROVED = 'matrixRapidApproved01';

/**
 * A rapid-payment program `semas-rapid` (semas, 100만원) and owner A's approved application to it with a
 * sealed account, unpaid: the authorization matrix and the contract test use them.
 */
export async function seedRapidOfA(t: Pick<TestApp, 'repos' | 'accountVault'>): Promise<void> {
  const youth = (await t.repos.programs.get('youth-fund'))!;
  await t.repos.programs.create({
    ...youth,
    id: 'semas-rapid',
    version: 1,
    application: { fields: [], documents: [], rapidPayment: { amountWon: 1_000_000 } },
  } as Program);
  const profile = DEMO_OWNED_BUSINESSES[0]!.profile;
  const app = application(RAPID_APPROVED, {
    brn: profile.brn!,
    ownerId: 'owner-kim',
    programId: 'semas-rapid',
    status: 'approved',
    version: 2,
    amount: 1_000_000,
    submittedAt: '2026-11-25T03:00:00.000Z',
    snapshot: { ...application(RAPID_APPROVED).snapshot, profile },
    account: {
      bankCode: ACCOUNT.bankCode,
      holder: ACCOUNT.holder,
      masked: maskAccountNumber(ACCOUNT_DIGITS),
      sealed: await t.accountVault.seal(ACCOUNT_DIGITS, RAPID_APPROVED),
    },
  });
  await t.repos.applications.create({
    applications: [app],
    idempotency: idempotency('matrix-rapid', [app.id], 'owner-kim'),
    audit: [submitAudit(app)],
  });
}
