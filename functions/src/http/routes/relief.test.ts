import { describe, expect, it } from 'vitest';
import { DEMO_OWNED_BUSINESSES } from '../../testing/demo';
import { ACCOUNT, ACCOUNT_DIGITS, makeRapid } from '../../testing/relief-seed';
import { call, createTestApp, type TestApp } from '../../testing/test-app';

const kim = DEMO_OWNED_BUSINESSES[0]!.profile.brn;
const apps = `/api/me/businesses/${kim}/applications`;

async function rapidApp(): Promise<TestApp> {
  const t = await createTestApp();
  await makeRapid(t, 'youth-fund');
  return t;
}

/** Nothing the app answered or logged carries the account number, in any form. */
function expectNoNumber(t: TestApp, ...texts: string[]) {
  for (const text of [...texts, ...t.logs]) {
    expect(text).not.toContain(ACCOUNT_DIGITS);
    expect(text).not.toContain(ACCOUNT.number);
  }
}

describe('rapid payment: one-click apply with an account', () => {
  it('seals the number, stores the masked form and answers with it only', async () => {
    const t = await rapidApp();
    const res = await call(t.app, 'POST', apps, {
      as: 'ownerA',
      body: { programIds: ['youth-fund'], idempotencyKey: 'rapid-one-click', account: ACCOUNT },
    });
    expect(res.status).toBe(201);
    const app = res.body.items[0];
    expect(app.account).toEqual({ bankCode: '088', holder: '김하늘', masked: '110-***-***789' });
    const stored = await t.repos.applications.get(app.id);
    expect(stored!.account!.sealed.data).toBeTruthy();
    expect(JSON.stringify(stored)).not.toContain(ACCOUNT_DIGITS);
    expect(await t.accountVault.open(stored!.account!.sealed, app.id)).toBe(ACCOUNT_DIGITS);
    // Bound to the application: the same sealed number does not open for another one.
    await expect(t.accountVault.open(stored!.account!.sealed, 'another-application-id')).rejects.toThrow();
    const mine = await call(t.app, 'GET', `/api/me/applications/${app.id}`, { as: 'ownerA' });
    expect(mine.body.application.account.masked).toBe('110-***-***789');
    expect(mine.text).not.toContain('sealed');
    const staff = await call(t.app, 'GET', `/api/staff/applications/${app.id}`, { as: 'staffSemas' });
    expect(staff.body.application.account.masked).toBe('110-***-***789');
    expect(staff.text).not.toContain('sealed');
    expectNoNumber(t, res.text, mine.text, staff.text);
  });

  it('needs an account for a rapid program and refuses one for any other, creating nothing', async () => {
    const t = await rapidApp();
    const none = await call(t.app, 'POST', apps, {
      as: 'ownerA',
      body: { programIds: ['youth-fund'], idempotencyKey: 'rapid-no-account' },
    });
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe('ACCOUNT_REQUIRED');
    const other = await call(t.app, 'POST', apps, {
      as: 'ownerA',
      body: { programIds: ['general-stability-fund'], idempotencyKey: 'not-rapid-account', account: ACCOUNT },
    });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('ACCOUNT_NOT_ALLOWED');
    expect((await call(t.app, 'GET', apps, { as: 'ownerA' })).body.items).toEqual([]);
    expectNoNumber(t, other.text);
  });

  it('refuses an unknown bank, a short number and an empty holder with 400, naming the field, never the number', async () => {
    const t = await rapidApp();
    const cases = [
      [{ ...ACCOUNT, bankCode: '999' }, 'account.bankCode'],
      [{ ...ACCOUNT, number: '110-123' }, 'account.number'],
      [{ ...ACCOUNT, number: '110-abc-456789' }, 'account.number'],
      [{ ...ACCOUNT, number: '1'.repeat(40) }, 'account.number'],
      [{ ...ACCOUNT, holder: '  ' }, 'account.holder'],
    ] as const;
    for (const [account, path] of cases) {
      const res = await call(t.app, 'POST', apps, {
        as: 'ownerA',
        body: { programIds: ['youth-fund'], idempotencyKey: 'rapid-bad-account', account },
      });
      expect(res.status, path).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
      expect(res.text).not.toContain('110-123');
      expect(res.text).not.toContain('abc-456789');
    }
    expect((await call(t.app, 'GET', apps, { as: 'ownerA' })).body.items).toEqual([]);
  });
});
