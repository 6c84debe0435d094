import { randomBytes } from 'node:crypto';
import type { Program } from '@sbiz24/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { business, regionProgram } from '../testing/fixtures';
import { createAccountVault, masterKeyProvider } from './account-vault';
import { createApplicationService } from './application-service';
import { createCatalogCache } from './catalog-cache';
import { createRapidPaymentService } from './rapid-payment';
import type { Caller } from './types';

let t: TestTable;
beforeAll(async () => {
  t = await startTestTable();
});
afterAll(() => t.stop());

describe('rapid payment on dynalite', () => {
  const clock = () => new Date('2026-12-03T01:00:00.000Z');
  const staff: Caller = { sub: 'staff-semas', name: '담당자', role: 'staff', agencyId: 'semas' };
  const program: Program = regionProgram('rapid-fund', ['11'], <Partial<Program>>{
    title: '신속 지원금',
    application: {
      fields: [],
      documents: [],
      quota: { maxAwards: 3 },
      rapidPayment: { amountWon: 3_000_000 },
    },
  });

  it('stores the sealed account, approves within the quota, pays, and keeps a failure for the owner to fix', async () => {
    await t.repos.programs.create(program);
    const catalog = createCatalogCache({
      programs: t.repos.programs,
      disasters: t.repos.disasters,
      clock,
      ttlMs: 0,
    });
    const accountVault = createAccountVault(masterKeyProvider(randomBytes(32), 'integ'));
    const applications = createApplicationService({ repos: t.repos, clock, catalog, accountVault });
    const rapid = createRapidPaymentService({
      repos: t.repos,
      clock,
      catalog,
      accountVault,
      applications,
      newId: () => randomBytes(8).toString('hex'),
    });
    const owners: Caller[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const b = business(700 + i, '11110', `owner-r-${i}`);
      await t.repos.businesses.create(b);
      const owner: Caller = { sub: `owner-r-${i}`, name: '', role: 'owner' };
      owners.push(owner);
      const [app] = await applications.apply(owner, b.profile.brn, {
        programIds: ['rapid-fund'],
        idempotencyKey: `rapid-integ-${i}`,
        account: { bankCode: '088', number: `1101234567${i}0`, holder: `예금주${i}` },
      });
      expect(app!.account).toEqual({ bankCode: '088', holder: `예금주${i}`, masked: `110-***-***7${i}0` });
      ids.push(app!.id);
    }
    const stored = await t.repos.applications.get(ids[0]!);
    expect(JSON.stringify(stored)).not.toContain('11012345670');
    expect(await accountVault.open(stored!.account!.sealed, ids[0]!)).toBe('110123456700');

    const dry = await rapid.approveEligible(staff, 'rapid-fund', { dryRun: true });
    expect(dry).toMatchObject({ pending: 5, approved: 3, refused: { QUOTA_EXCEEDED: 2 } });
    let cursor: string | undefined;
    let approved = 0;
    const refused: Record<string, number> = {};
    do {
      const batch = await rapid.approveEligible(staff, 'rapid-fund', cursor ? { cursor } : {});
      approved += batch.approved;
      for (const [k, v] of Object.entries(batch.refused)) refused[k] = (refused[k] ?? 0) + v;
      cursor = batch.cursor ?? undefined;
    } while (cursor);
    expect(approved).toBe(3);
    expect(refused).toEqual({ QUOTA_EXCEEDED: 2 });
    expect(await t.repos.applications.quotaUsage('rapid-fund')).toEqual({ awards: 3, budgetUsed: 9_000_000 });

    const file = await rapid.paymentFile(staff, 'rapid-fund');
    expect(file.rows).toBe(3);
    const lines = file.body.trim().split('\r\n').slice(1);
    const [failing, ...paying] = lines.map((l) => l.split(',')[5]!);
    const results = [
      '신청 ID,결과,사유',
      `${failing},실패,계좌 없음`,
      ...paying.map((id) => `${id},성공,`),
    ].join('\r\n');
    const recorded = await rapid.recordResults(staff, 'rapid-fund', new TextEncoder().encode(results));
    expect(recorded.paid).toBe(2);
    expect(recorded.failed).toEqual([
      { line: 2, applicationId: failing, code: 'BANK_REFUSED', reason: '계좌 없음' },
    ]);
    for (const id of paying) expect((await t.repos.applications.get(id))!.status).toBe('paid');
    const failed = (await t.repos.applications.get(failing!))!;
    expect(failed).toMatchObject({ status: 'approved', paymentFailure: { reason: '계좌 없음' } });
    expect((await rapid.paymentFile(staff, 'rapid-fund')).rows).toBe(0);

    const owner = owners.find((o) => o.sub === failed.ownerId)!;
    await expect(
      rapid.updateAccount(owner, failing!, {
        version: failed.version - 1,
        account: { bankCode: '004', number: '12345601234567', holder: '새 예금주' },
      }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    const fixed = await rapid.updateAccount(owner, failing!, {
      version: failed.version,
      account: { bankCode: '004', number: '12345601234567', holder: '새 예금주' },
    });
    expect(fixed.paymentFailure).toBeUndefined();
    expect(fixed.account).toEqual({ bankCode: '004', holder: '새 예금주', masked: '123-***-*****567' });
    const again = await rapid.paymentFile(staff, 'rapid-fund');
    expect(again.body).toContain(`004,12345601234567,새 예금주,3000000`);
    const trail = await t.repos.audit.list('application', failing!);
    expect(trail.map((a) => a.action)).toEqual(
      expect.arrayContaining(['application.payment-failed', 'application.account-update']),
    );
    const programTrail = await t.repos.audit.list('program', 'rapid-fund');
    expect(programTrail.map((a) => a.action)).toEqual(
      expect.arrayContaining(['rapid.payment-file', 'rapid.payment-results', 'rapid.approve-eligible']),
    );
  }, 60_000);
});
