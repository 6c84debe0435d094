import { randomBytes } from 'node:crypto';
import type { Program } from '@sbiz24/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { business, regionProgram } from '../testing/fixtures';
import { createMemoryRepositories, type MemoryRepositories } from '../testing/memory-repositories';
import { createAccountVault, masterKeyProvider } from './account-vault';
import { createApplicationService } from './application-service';
import { createCatalogCache } from './catalog-cache';
import { createRapidPaymentService } from './rapid-payment';
import type { Caller } from './types';

const clock = () => new Date('2026-12-03T01:00:00.000Z');
const staff: Caller = { sub: 'staff-semas', name: '담당자', role: 'staff', agencyId: 'semas' };
const owner = (i: number): Caller => ({ sub: `owner-${i}`, name: '', role: 'owner' });
const account = { bankCode: '088' as const, number: '110-123-456789', holder: '예금주' };

const rapidFund = regionProgram('rapid-fund', ['11'], <Partial<Program>>{
  title: '신속 지원금',
  application: {
    fields: [],
    documents: [],
    rapidPayment: { amountWon: 2_000_000, byDamageKind: { flooding: 5_000_000 } },
  },
});

let repos: MemoryRepositories;
let ids = 0;
function services(options: { paymentFileRows?: number } = {}) {
  const catalog = createCatalogCache({
    programs: repos.programs,
    disasters: repos.disasters,
    clock,
    ttlMs: 0,
  });
  const accountVault = createAccountVault(masterKeyProvider(randomBytes(32), 'unit'));
  const applications = createApplicationService({
    repos,
    clock,
    catalog,
    accountVault,
    newId: () => `app-${String(++ids).padStart(14, '0')}`,
  });
  const rapid = createRapidPaymentService({
    repos,
    clock,
    catalog,
    accountVault,
    applications,
    newId: () => `n-${++ids}`,
    ...options,
  });
  return { applications, rapid, accountVault };
}

beforeEach(async () => {
  repos = createMemoryRepositories(clock);
  await repos.programs.create(rapidFund);
});

describe('rapid payment service', () => {
  it('pays the amount set for the damage kind on the latest confirmation, the fixed amount otherwise', async () => {
    const { applications, rapid } = services();
    const flooded = business(1, '11110', 'owner-1');
    flooded.profile.disasterDamage = [
      { disasterId: 'd-old', confirmedOn: '2026-01-10', kind: 'fire' },
      { disasterId: 'd-new', confirmedOn: '2026-07-10', kind: 'flooding' },
    ];
    await repos.businesses.create(flooded);
    await repos.businesses.create(business(2, '11110', 'owner-2'));
    for (const i of [1, 2])
      await applications.apply(owner(i), business(i, '11110', `owner-${i}`).profile.brn, {
        programIds: ['rapid-fund'],
        idempotencyKey: `rapid-unit-${i}`,
        account,
      });
    const run = await rapid.approveEligible(staff, 'rapid-fund', {});
    expect(run.approved).toBe(2);
    const amounts = (await repos.applications.listByProgram('rapid-fund')).items
      .map((a) => [a.brn, a.amount])
      .sort();
    expect(amounts).toEqual(
      [
        [business(1, '11110').profile.brn, 5_000_000],
        [business(2, '11110').profile.brn, 2_000_000],
      ].sort(),
    );
  });

  it('re-checks eligibility at the decision: a business that moved away is left pending as NOT_ELIGIBLE', async () => {
    const { applications, rapid } = services();
    const b = business(3, '11110', 'owner-3');
    await repos.businesses.create(b);
    await applications.apply(owner(3), b.profile.brn, {
      programIds: ['rapid-fund'],
      idempotencyKey: 'rapid-unit-3',
      account,
    });
    const moved = (await repos.businesses.get(b.profile.brn))!;
    await repos.businesses.updateProfile(
      b.profile.brn,
      { ...moved.profile, regionCode: '26110' },
      moved.version,
    );
    const dry = await rapid.approveEligible(staff, 'rapid-fund', { dryRun: true });
    expect(dry).toMatchObject({ approved: 0, refused: { NOT_ELIGIBLE: 1 } });
    const run = await rapid.approveEligible(staff, 'rapid-fund', {});
    expect(run).toMatchObject({ approved: 0, refused: { NOT_ELIGIBLE: 1 } });
    expect((await repos.applications.listByProgram('rapid-fund')).items[0]!.status).toBe('submitted');
  });

  it('counts the pending applications once per run, not once per batch, and reads businesses a batch at a time', async () => {
    const { applications, rapid } = services();
    const total = 130; // two batches of APPROVE_ELIGIBLE_BATCH (100)
    for (let i = 100; i < 100 + total; i++) {
      const b = business(i, '11110', `owner-${i}`);
      await repos.businesses.create(b);
      await applications.apply(owner(i), b.profile.brn, {
        programIds: ['rapid-fund'],
        idempotencyKey: `rapid-unit-${i}`,
        account,
      });
    }
    const calls = { count: 0, getMany: 0 };
    const { countByStatus } = repos.applications;
    repos.applications.countByStatus = (id) => {
      calls.count += 1;
      return countByStatus.call(repos.applications, id);
    };
    const { getMany } = repos.businesses;
    repos.businesses.getMany = (brns) => {
      calls.getMany += 1;
      return getMany.call(repos.businesses, brns);
    };
    const pendings: number[] = [];
    let approved = 0;
    let cursor: string | undefined;
    do {
      const batch = await rapid.approveEligible(staff, 'rapid-fund', cursor ? { cursor } : {});
      pendings.push(batch.pending);
      approved += batch.approved;
      cursor = batch.cursor ?? undefined;
    } while (cursor);
    expect(approved).toBe(total);
    // Every call of the run reports the first call's total, for the progress bar.
    expect(new Set(pendings)).toEqual(new Set([total]));
    expect(calls.count).toBe(1);
    // The eligibility re-check reads each batch's businesses in one request.
    expect(calls.getMany).toBe(pendings.length);
  });

  it('splits a large payout into payment files of at most the row limit, each naming the next', async () => {
    const { applications, rapid } = services({ paymentFileRows: 2 });
    const ids: string[] = [];
    for (let i = 300; i < 305; i++) {
      const b = business(i, '11110', `owner-${i}`);
      await repos.businesses.create(b);
      const [app] = await applications.apply(owner(i), b.profile.brn, {
        programIds: ['rapid-fund'],
        idempotencyKey: `rapid-unit-${i}`,
        account,
      });
      ids.push(app!.id);
    }
    await rapid.approveEligible(staff, 'rapid-fund', {});
    const files: { part: number; rows: number; filename: string }[] = [];
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const file = await rapid.paymentFile(staff, 'rapid-fund', cursor);
      files.push({ part: file.part, rows: file.rows, filename: file.filename });
      const lines = file.body.trim().split('\r\n').slice(1);
      expect(lines).toHaveLength(file.rows);
      seen.push(...lines.map((l) => l.split(',').at(-1)!));
      cursor = file.next ?? undefined;
    } while (cursor);
    expect(files).toEqual([
      { part: 1, rows: 2, filename: 'rapid-fund-payments-1.csv' },
      { part: 2, rows: 2, filename: 'rapid-fund-payments-2.csv' },
      { part: 3, rows: 1, filename: 'rapid-fund-payments-3.csv' },
    ]);
    // Every approved application once, in no file twice.
    expect([...seen].sort()).toEqual([...ids].sort());
    const audit = await repos.audit.list('program', 'rapid-fund');
    expect(audit.filter((a) => a.action === 'rapid.payment-file').map((a) => a.summary)).toEqual(
      expect.arrayContaining(['file 1: 2 rows, 4000000 won', 'file 3: 1 rows, 2000000 won']),
    );
    for (const forged of ['eyJwIjoxfQ', 'bm90LWpzb24', 'eyJjIjoieCIsInAiOjAsInEiOjF9'])
      await expect(rapid.paymentFile(staff, 'rapid-fund', forged)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
  });

  it('reads a CP949 result file, keeps no number from the reason, and refuses a forged cursor', async () => {
    const { applications, rapid } = services();
    const b = business(4, '11110', 'owner-4');
    await repos.businesses.create(b);
    const [app] = await applications.apply(owner(4), b.profile.brn, {
      programIds: ['rapid-fund'],
      idempotencyKey: 'rapid-unit-4',
      account,
    });
    await rapid.approveEligible(staff, 'rapid-fund', {});
    // "신청 ID,결과,사유\n<id>,실패,계좌 110123456789 해지" in CP949 (Hangul as two bytes each).
    const cp949 = new Uint8Array([
      ...[
        0xbd, 0xc5, 0xc3, 0xbb, 0x20, 0x49, 0x44, 0x2c, 0xb0, 0xe1, 0xb0, 0xfa, 0x2c, 0xbb, 0xe7, 0xc0, 0xaf,
        0x0a,
      ],
      ...new TextEncoder().encode(`${app!.id},`),
      ...[0xbd, 0xc7, 0xc6, 0xd0, 0x2c, 0xb0, 0xe8, 0xc1, 0xc2, 0x20],
      ...new TextEncoder().encode('110123456789 '),
      ...[0xc7, 0xd8, 0xc1, 0xf6, 0x0a],
    ]);
    const out = await rapid.recordResults(staff, 'rapid-fund', cp949);
    expect(out.encoding).toBe('cp949');
    expect(out.failed).toEqual([
      { line: 2, applicationId: app!.id, code: 'BANK_REFUSED', reason: '계좌 *** 해지' },
    ]);
    await expect(rapid.approveEligible(staff, 'rapid-fund', { cursor: 'eyJzIjo5fQ' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
