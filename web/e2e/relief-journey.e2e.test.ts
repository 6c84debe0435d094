import { readFileSync } from 'node:fs';
import { josa } from '@sbiz24/shared/rules/format';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNED_BUSINESSES } from '../../functions/src/local/demo-data';
import { apiAs, launchBrowser, loginAs, newPage, review, saveAxeLog, todayInKorea } from './support/browser';
import { startTestPortal, type TestPortal } from './support/portal';

let portal: TestPortal;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

/** Every single wait of the journey (a locator, a navigation, a download) is bounded by this. */
const WAIT_MS = 15_000;

beforeAll(async () => {
  portal = await startTestPortal(200);
  browser = await launchBrowser();
  browser.context.setDefaultTimeout(WAIT_MS);
  browser.context.setDefaultNavigationTimeout(WAIT_MS);
});

afterAll(async () => {
  saveAxeLog('relief-journey');
  await browser?.close();
  await portal?.stop();
});

const byName = (name: string) => DEMO_OWNED_BUSINESSES.find((b) => b.profile.tradeName === name)!.profile;
/** 김하늘's café in 서울 마포구 (11440): flooded, so paid the flooding amount. */
const cafe = byName('하늘카페');
/** 박준호's flower shop in 대전 유성구 (30200): damage confirmed without a kind, so paid the fixed amount. */
const florist = byName('다시봄꽃집');

const DISASTER = { id: '2026-11-e2e-flood', name: '2026년 11월 마포·유성 집중호우' };
const PROGRAM = { id: 'e2e-flood-rapid', title: '마포·유성 집중호우 소상공인 신속지원금' };

/**
 * Reloads `url` until `target` shows (the background recompute after the import notifies the owners), at most
 * WAIT_MS in all.
 */
async function reloadUntil(page: Page, url: string, target: Locator): Promise<void> {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    await page.goto(url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    try {
      await target.waitFor({ timeout: 1_500 });
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
    }
  }
}

/** The mail with `subject` in the development mailbox (the alert sender polls every 2 s), waiting at most WAIT_MS. */
async function mailWith(page: Page, subject: string): Promise<{ subject: string; text: string }> {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    const r = await page.request.get(`${portal.url}/api/dev/mailbox`);
    expect(r.status()).toBe(200);
    const { items } = (await r.json()) as { items: { subject: string; text: string }[] };
    const mail = items.find((m) => m.subject === subject);
    if (mail) return mail;
    if (Date.now() > until) throw new Error(`no mail "${subject}" within ${WAIT_MS} ms`);
    await page.waitForTimeout(300);
  }
}

/** An owner opens the notice in the inbox, follows 신청하기 and applies with an account alone. */
async function applyFromNotice(
  owner: Page,
  business: { brn: string; tradeName: string },
  amount: string,
  bankCode: string,
  number: string,
  screenshot?: string,
) {
  const title = `재난지원금 ${amount} 신속지급 대상입니다: ${PROGRAM.title}`;
  const notice = owner.getByRole('listitem').filter({ has: owner.getByRole('heading', { name: title }) });
  await reloadUntil(owner, `${portal.url}/my/notifications`, notice);
  await notice
    .getByText(
      `${josa(business.tradeName, '은/는')} 「${PROGRAM.title}」 신속지급 대상입니다. 받으실 금액은 ${amount}입니다.`,
      { exact: false },
    )
    .waitFor();
  expect(await notice.textContent()).toContain('재난지원');
  if (screenshot) await review(owner, screenshot);
  await notice.getByRole('link', { name: `${title}: 신청하기` }).click();
  await owner.waitForURL(
    (u) => u.pathname === `/my/businesses/${business.brn}/apply` && u.search === `?programs=${PROGRAM.id}`,
  );
  await owner.getByRole('heading', { level: 1, name: PROGRAM.title }).waitFor();
  await owner.getByText(`지급 예정액: ${amount}`).waitFor();
  await owner.getByLabel(/^은행/).selectOption(bankCode);
  await owner.getByLabel(/^계좌번호/).fill(number);
  if (screenshot) await review(owner, `${screenshot}-apply`);
  await owner.getByRole('button', { name: '계좌로 신청하기' }).click();
  await owner.getByRole('heading', { level: 1, name: '신청이 접수되었습니다' }).waitFor();
}

describe('disaster relief from the declaration to the payment', () => {
  it('declare, import the damage list, notice with the amount, one-step apply, bulk approval, payment file, bank results, 지급 완료 and a correction', async () => {
    // Staff declare the disaster through the page: 마포구 and 유성구, last week.
    const staff = await newPage(browser.context);
    await loginAs(staff, portal.url, '이소진');
    await staff.waitForURL(/\/staff$/);
    await staff.goto(`${portal.url}/staff/disasters/new`);
    await staff.getByLabel(/^재난 이름/).fill(DISASTER.name);
    await staff.getByLabel(/^재난 종류/).selectOption({ label: '집중호우' });
    await staff.getByLabel(/^시작일/).fill(todayInKorea(-10));
    await staff.getByLabel(/^종료일/).fill(todayInKorea(-3));
    await staff.getByLabel(/^재난 ID/).fill(DISASTER.id);
    await staff.getByLabel('시도').selectOption({ label: '서울특별시' });
    await staff.locator('label', { hasText: /^마포구$/ }).click();
    await staff.getByLabel('시도').selectOption({ label: '대전광역시' });
    await staff.locator('label', { hasText: /^유성구$/ }).click();
    await staff.getByRole('list', { name: '선택한 지역' }).getByText('대전광역시 유성구').waitFor();
    await staff.getByRole('button', { name: '선포하기' }).click();
    const declare = staff.getByRole('dialog');
    await declare.getByText(/2개 시군구에 선포합니다/).waitFor();
    await declare.getByRole('button', { name: '선포하기' }).click();
    await staff.getByText('재난을 선포했습니다.').waitFor();

    // The agency's rapid-payment program for it (set up through the API, as in the editor): 300만원, flooding 500만원.
    const created = await apiAs<{ program: { id: string; version: number } }>(
      staff,
      'POST',
      '/api/staff/programs',
      {
        id: PROGRAM.id,
        title: PROGRAM.title,
        kind: 'disaster-relief',
        agencyId: 'semas',
        stages: ['startup', 'growth', 'closure'],
        summary: '집중호우 피해가 확인된 소상공인에게 재난지원금을 신속지급합니다.',
        benefit: { description: '300만원 (침수 피해 500만원)', maxAmount: 5_000_000 },
        howToApply: '소상공인24에서 계좌만 입력해 신청합니다.',
        applyStart: todayInKorea(-1),
        applyEnd: todayInKorea(30),
        rule: { type: 'disasterDamage', disasterId: DISASTER.id },
        application: {
          fields: [],
          documents: [],
          rapidPayment: { amountWon: 3_000_000, byDamageKind: { flooding: 5_000_000 } },
        },
      },
    );
    await apiAs(staff, 'POST', `/api/staff/programs/${created.program.id}/publish`, {
      version: created.program.version,
    });

    // The damage list, through the page: the café flooded, the flower shop without a kind.
    await staff.goto(`${portal.url}/staff/disasters/${DISASTER.id}/damage-imports`);
    const csv = [
      '사업자등록번호,피해확인일,피해유형',
      `${cafe.brn},${todayInKorea(-2)},침수`,
      `${florist.brn},${todayInKorea(-2)},`,
    ].join('\r\n');
    await staff
      .getByLabel(/^명단 파일 \(CSV\)/)
      .setInputFiles({ name: '피해확인.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await staff.getByRole('button', { name: '미리 보기' }).click();
    await staff.getByRole('heading', { name: /미리 보기 결과/ }).waitFor();
    await staff.getByRole('button', { name: '반영하기' }).click();
    await staff.getByRole('heading', { name: '반영했습니다' }).waitFor();
    expect(await staff.locator('dl.app-meta').textContent()).toMatch(/신규\s*2/);

    // Each owner sees the notice with their amount and applies with an account in one step.
    const kim = await newPage(browser.context);
    await loginAs(kim, portal.url, '김하늘');
    await applyFromNotice(kim, cafe, '500만원', '088', '110-123-456789', 'rapid-notice');
    // The same notice by e-mail: the amount, and 신청하기 straight to the apply page.
    const mail = await mailWith(kim, `[소상공인24] 재난지원금 500만원 신속지급 대상입니다: ${PROGRAM.title}`);
    expect(mail.text).toContain('받으실 금액은 500만원입니다.');
    expect(mail.text).toContain(
      `신청하기: ${portal.url}/my/businesses/${cafe.brn}/apply?programs=${PROGRAM.id}`,
    );
    const park = await newPage(browser.context);
    await loginAs(park, portal.url, '박준호');
    await applyFromNotice(park, florist, '300만원', '004', '123456-01-234567');

    // Staff approve every still-eligible application at once, after seeing the count.
    await staff.goto(`${portal.url}/staff/programs/${PROGRAM.id}/applications`);
    const payout = staff.getByRole('region', { name: '신속지급' });
    await payout.getByRole('button', { name: '지원 대상 일괄 승인' }).click();
    const confirm = staff.getByRole('dialog');
    await confirm.getByText('대기 2건 가운데 2건을 선정합니다.').waitFor();
    await confirm.getByRole('button', { name: '2건 선정하기' }).click();
    await payout.getByText('2건을 선정했습니다.').waitFor();
    await review(staff, 'rapid-approved');

    // The payment file: one line per approved application, with the account in full for the bank.
    const [download] = await Promise.all([
      staff.waitForEvent('download'),
      payout.getByRole('button', { name: '지급 파일 내려받기' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${PROGRAM.id}-payments-1.csv`);
    const file = readFileSync((await download.path())!, 'utf8');
    expect(file.startsWith('\uFEFF')).toBe(true);
    const lines = file
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('은행코드,계좌번호,예금주,지급액,사업자등록번호,신청 ID');
    expect(lines).toHaveLength(3);
    const rows = lines.slice(1).map((l) => l.split(','));
    const cafeRow = rows.find((r) => r[4] === cafe.brn)!;
    const floristRow = rows.find((r) => r[4] === florist.brn)!;
    expect(cafeRow.slice(0, 4)).toEqual(['088', '110123456789', '김하늘', '5000000']);
    expect(floristRow.slice(0, 4)).toEqual(['004', '12345601234567', '박준호', '3000000']);

    // The bank's result: the café paid, the flower shop refused (a wrong holder).
    const results = ['신청 ID,결과,사유', `${cafeRow[5]},성공,`, `${floristRow[5]},실패,예금주 불일치`].join(
      '\r\n',
    );
    await payout
      .getByLabel('은행 결과 올리기')
      .setInputFiles({ name: '결과.csv', mimeType: 'text/csv', buffer: Buffer.from(results, 'utf8') });
    await payout.getByText(/지급 완료 1건/).waitFor();
    expect(await payout.textContent()).toContain('예금주 불일치');
    await review(staff, 'rapid-results');

    // The paid owner: 지급 완료 and the support-history entry.
    await kim.goto(`${portal.url}/my/applications/${cafeRow[5]}`);
    await kim.getByRole('heading', { level: 1, name: PROGRAM.title }).waitFor();
    const steps = kim.getByRole('list', { name: `${PROGRAM.title} 진행 단계` });
    await steps.locator('[aria-current="step"]').filter({ hasText: '지급 완료' }).waitFor();
    await review(kim, 'rapid-paid');
    await kim.goto(`${portal.url}/my/businesses/${cafe.brn}/history`);
    const history = kim.getByRole('table', { name: '지원 이력 (최신순)' });
    const entry = history.getByRole('row').filter({ hasText: PROGRAM.title });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('500만원');

    // The refused owner: the bank's reason, and the account corrected (shown back masked only).
    await park.goto(`${portal.url}/my/applications/${floristRow[5]}`);
    await park.getByRole('heading', { level: 1, name: PROGRAM.title }).waitFor();
    await park
      .getByText(/은행이 알려 온 사유: 예금주 불일치/)
      .first()
      .waitFor();
    expect(await park.locator('main').textContent()).not.toContain('12345601234567');
    await park.getByRole('button', { name: '계좌 고치기' }).click();
    await park.getByLabel(/^은행/).selectOption('004');
    await park.getByLabel(/^계좌번호/).fill('987654-01-234567');
    await park.getByRole('button', { name: '계좌 저장' }).click();
    await park.getByText('계좌를 고쳤습니다. 다음 지급 파일에 포함됩니다.').waitFor();
    await review(park, 'rapid-corrected');

    // The next payment file holds the corrected account only.
    const [again] = await Promise.all([
      staff.waitForEvent('download'),
      payout.getByRole('button', { name: '지급 파일 내려받기' }).click(),
    ]);
    const next = readFileSync((await again.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(next.slice(1)).toEqual([`004,98765401234567,박준호,3000000,${florist.brn},${floristRow[5]}`]);
  }, 300_000);
});
