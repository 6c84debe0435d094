import { describe, expect, it } from 'vitest';
import { application, idempotency, submitAudit } from '../../testing/application-data';
import { DEMO_OWNED_BUSINESSES } from '../../testing/demo';
import { ACCOUNT, ACCOUNT_DIGITS, makeRapid } from '../../testing/relief-seed';
import { call, createTestApp, type TestApp, tokenFor } from '../../testing/test-app';

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

  it('tells the form it is a rapid program, with the amount and the holder to prefill', async () => {
    const t = await rapidApp();
    const form = await call(
      t.app,
      'GET',
      `/api/me/businesses/${kim}/application-form?programIds=youth-fund`,
      {
        as: 'ownerA',
      },
    );
    expect(form.body.programs[0].rapid).toEqual({
      amountWon: 2_000_000,
      holder: DEMO_OWNED_BUSINESSES[0]!.profile.representativeName,
    });
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
    // Every refused request was logged (so the check below reads real lines), none with the number.
    expect(t.logs.length).toBeGreaterThanOrEqual(cases.length);
    for (const line of t.logs) {
      expect(line).not.toContain('110-123');
      expect(line).not.toContain('1'.repeat(40));
    }
    expect((await call(t.app, 'GET', apps, { as: 'ownerA' })).body.items).toEqual([]);
  });
});

const staff = { as: 'staffSemas' as const };

async function csvPost(t: TestApp, path: string, text: string, as: 'staffSemas' | 'staffMss' = 'staffSemas') {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokenFor(as)}`, 'content-type': 'text/csv' },
    body: new TextEncoder().encode(text),
  });
  const body = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
  return { status: res.status, text: body, body: JSON.parse(body) as any };
}

/** Owner A applied to the rapid youth-fund with an account; another pending application has none. */
async function flow() {
  const t = await rapidApp();
  const res = await call(t.app, 'POST', apps, {
    as: 'ownerA',
    body: { programIds: ['youth-fund'], idempotencyKey: 'rapid-flow', account: ACCOUNT },
  });
  const id = res.body.items[0].id as string;
  const other = application('rapidNoAccount0001', {
    programId: 'youth-fund',
    submittedAt: '2026-11-20T01:00:00.000Z',
  });
  await t.repos.applications.create({
    applications: [other],
    idempotency: idempotency('rapid-no-account', [other.id]),
    audit: [submitAudit(other)],
  });
  return { t, id };
}

describe('rapid payment: approve eligible, payment file, bank results, account correction', () => {
  it('counts first without writing, then approves in batches the browser repeats', async () => {
    const { t, id } = await flow();
    const url = '/api/staff/programs/youth-fund/approve-eligible';
    const dry = await call(t.app, 'POST', url, { ...staff, body: { dryRun: true } });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      pending: 2,
      approved: 1,
      refused: { ACCOUNT_MISSING: 1 },
    });
    expect((await t.repos.applications.get(id))!.status).toBe('submitted');

    const first = await call(t.app, 'POST', url, { ...staff, body: {} });
    expect(first.body).toMatchObject({ dryRun: false, pending: 2, approved: 1, processed: 2 });
    expect(first.body.refused).toEqual({ ACCOUNT_MISSING: 1 });
    expect(first.body.cursor).toEqual(expect.any(String));
    const rest = await call(t.app, 'POST', url, { ...staff, body: { cursor: first.body.cursor } });
    expect(rest.body).toMatchObject({ approved: 0, processed: 0, cursor: null });
    const approved = await t.repos.applications.get(id);
    expect(approved).toMatchObject({ status: 'approved', amount: 2_000_000 });
    expect((await t.repos.applications.get('rapidNoAccount0001'))!.status).toBe('submitted');
    const audit = await t.repos.audit.list('program', 'youth-fund');
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['rapid.approve-eligible.count', 'rapid.approve-eligible']),
    );

    const forged = await call(t.app, 'POST', url, { ...staff, body: { cursor: 'bm90LWEtcG9zaXRpb24' } });
    expect(forged.status).toBe(400);
    const notRapid = await call(
      t.app,
      'POST',
      '/api/staff/programs/general-stability-fund/approve-eligible',
      {
        as: 'admin',
        body: { dryRun: true },
      },
    );
    expect(notRapid.status).toBe(422);
    expect(notRapid.body.error.code).toBe('NOT_RAPID_PAYMENT');
  });

  it('pays through the bank file and results; a failure goes back to the owner, who corrects the account', async () => {
    const { t, id } = await flow();
    await call(t.app, 'POST', '/api/staff/programs/youth-fund/approve-eligible', { ...staff, body: {} });

    const file = await call(t.app, 'GET', '/api/staff/programs/youth-fund/payments.csv', staff);
    expect(file.status).toBe(200);
    expect(file.headers.get('cache-control')).toBe('no-store');
    // One file holds everything: it is the first, and names no next one.
    expect(file.headers.get('x-payment-file-part')).toBe('1');
    expect(file.headers.get('x-payment-file-next')).toBeNull();
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="youth-fund-payments-1.csv"');
    const rows = file.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows).toEqual([
      '은행코드,계좌번호,예금주,지급액,사업자등록번호,신청 ID',
      `088,${ACCOUNT_DIGITS},김하늘,2000000,${kim},${id}`,
    ]);
    expect((await t.repos.audit.list('program', 'youth-fund')).map((a) => a.summary)).toContain(
      'file 1: 1 rows, 2000000 won',
    );
    const forged = await call(t.app, 'GET', '/api/staff/programs/youth-fund/payments.csv?cursor=e30', staff);
    expect(forged.status).toBe(400);

    const results = `신청 ID,결과,사유\r\n${id},실패,계좌번호 ${ACCOUNT.number} 오류 (예금주 불일치)\r\nnot-an-id,성공,\r\n`;
    const failed = await csvPost(t, '/api/staff/programs/youth-fund/payment-results', results);
    expect(failed.status).toBe(200);
    expect(failed.body.paid).toBe(0);
    expect(failed.body.failed).toEqual([
      { line: 2, applicationId: id, code: 'BANK_REFUSED', reason: '계좌번호 *** 오류 (예금주 불일치)' },
      { line: 3, applicationId: null, code: 'BAD_LINE', reason: expect.any(String) },
    ]);
    const mine = await call(t.app, 'GET', `/api/me/applications/${id}`, { as: 'ownerA' });
    expect(mine.body.application).toMatchObject({
      status: 'approved',
      paymentFailure: { reason: '계좌번호 *** 오류 (예금주 불일치)' },
    });
    const inbox = await call(t.app, 'GET', '/api/me/notifications', { as: 'ownerA' });
    expect(inbox.text).toContain('지원금을 보내지 못했습니다');
    // Not paid again until corrected.
    const none = await call(t.app, 'GET', '/api/staff/programs/youth-fund/payments.csv', staff);
    expect(none.text.trim().split('\r\n')).toHaveLength(1);

    const newAccount = { bankCode: '004', number: '123456-01-234567', holder: '김하늘' };
    const wrongOwner = await call(t.app, 'POST', `/api/me/applications/${id}/account`, {
      as: 'ownerB',
      body: { version: mine.body.application.version, account: newAccount },
    });
    expect(wrongOwner.status).toBe(404);
    const stale = await call(t.app, 'POST', `/api/me/applications/${id}/account`, {
      as: 'ownerA',
      body: { version: 1, account: newAccount },
    });
    expect(stale.status).toBe(409);
    const fixed = await call(t.app, 'POST', `/api/me/applications/${id}/account`, {
      as: 'ownerA',
      body: { version: mine.body.application.version, account: newAccount },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.application.account).toEqual({
      bankCode: '004',
      holder: '김하늘',
      masked: '123-***-*****567',
    });
    expect(fixed.body.application).not.toHaveProperty('paymentFailure');

    const again = await call(t.app, 'GET', '/api/staff/programs/youth-fund/payments.csv', staff);
    expect(again.text).toContain(`004,12345601234567,김하늘,2000000,${kim},${id}`);
    const ok = await csvPost(
      t,
      '/api/staff/programs/youth-fund/payment-results',
      `신청 ID,결과\n${id},성공\n`,
    );
    expect(ok.body).toMatchObject({ paid: 1, failed: [], failedCount: 0 });
    expect((await t.repos.applications.get(id))!.status).toBe('paid');
    const twice = await csvPost(
      t,
      '/api/staff/programs/youth-fund/payment-results',
      `신청 ID,결과\n${id},성공\n`,
    );
    expect(twice.body.failed[0]).toMatchObject({ code: 'ALREADY_PAID' });

    expectNoNumber(t, failed.text, mine.text, inbox.text, fixed.text);
    for (const line of t.logs) expect(line).not.toContain('12345601234567');
  });

  it('refuses a result file without the columns, and another agency', async () => {
    const { t } = await flow();
    const bad = await csvPost(t, '/api/staff/programs/youth-fund/payment-results', 'a,b\n1,2\n');
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('NO_COLUMNS');
    const other = await csvPost(
      t,
      '/api/staff/programs/youth-fund/payment-results',
      '신청 ID,결과\n',
      'staffMss',
    );
    expect(other.status).toBe(404);
    const file = await call(t.app, 'GET', '/api/staff/programs/youth-fund/payments.csv', { as: 'staffMss' });
    expect(file.status).toBe(404);
  });
});
