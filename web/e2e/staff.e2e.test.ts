import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNED_BUSINESSES } from '../../functions/src/local/demo-data';
import {
  expectAccessible,
  launchBrowser,
  loginAs,
  newPage,
  review,
  saveAxeLog,
  todayInKorea,
} from './support/browser';
import { startTestPortal, type TestPortal } from './support/portal';

let portal: TestPortal;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  portal = await startTestPortal();
  browser = await launchBrowser();
});

afterAll(async () => {
  saveAxeLog('staff');
  await browser?.close();
  await portal?.stop();
});

/** 하늘카페: 김하늘's café in 서울 마포구 (11440), two employees, no tax arrears. */
const cafe = DEMO_OWNED_BUSINESSES.find((b) => b.profile.tradeName === '하늘카페')!.profile;

async function addCondition(page: Page, type: string): Promise<void> {
  await page.getByLabel('추가할 조건').last().selectOption({ label: type });
  await page.getByRole('button', { name: '조건 추가', exact: true }).last().click();
}

async function ownerSees(page: Page, tab: RegExp, title: string): Promise<void> {
  await page.goto(`${portal.url}/my/businesses/${cafe.brn}`);
  await page.getByText(/^받을 수 있는 사업 \d+건$/).waitFor();
  await page.getByRole('tab', { name: tab }).click();
  await page.getByRole('tabpanel').getByRole('link', { name: title, exact: true }).waitFor();
}

describe('a staff member', () => {
  it('drafts a program with three conditions, previews it, publishes it, and the owner sees it', async () => {
    const title = '마포 소상공인 디지털 전환 지원';
    const staff = await newPage(browser.context);
    await loginAs(staff, portal.url, '이소진');
    await staff.waitForURL(/\/staff$/);
    await staff.getByRole('link', { name: '청년고용연계자금', exact: true }).waitFor();
    await review(staff, 'staff-programs');

    await staff.getByRole('link', { name: '새 사업 작성' }).click();
    await staff.getByLabel(/^사업명/).fill(title);
    await staff.getByLabel(/^영문 사업명/).fill('Mapo digital transition support');
    await staff.getByLabel(/^지원 종류/).selectOption({ label: '지원사업' });
    await staff
      .getByLabel(/^사업 요약/)
      .fill('마포구의 직원 5명 미만 소상공인에게 키오스크·온라인 주문 도입 비용을 지원합니다.');
    await staff.getByLabel(/^지원 내용/).fill('디지털 전환 비용 최대 500만원');
    await staff.getByLabel(/^최대 지원금/).fill('5000000');
    await staff.getByText('500만원', { exact: true }).waitFor();
    await staff.getByLabel(/^접수 시작일/).fill(todayInKorea());
    await staff.getByLabel(/^접수 마감일/).fill(todayInKorea(30));
    await staff.getByLabel(/^신청 방법/).fill('마포구청 지역경제과에 온라인으로 신청합니다.');

    await addCondition(staff, '지역');
    const region = staff.getByRole('region', { name: /^조건 1 / });
    await region.getByLabel('시도').selectOption({ label: '서울특별시' });
    await region.locator('label', { hasText: /^마포구$/ }).click();
    await region.getByRole('list', { name: '선택한 지역' }).getByText('서울특별시 마포구').waitFor();

    await addCondition(staff, '숫자 범위 (업력·직원 수·매출 등)');
    const range = staff.getByRole('region', { name: /^조건 2 / });
    await range.getByLabel('항목').selectOption({ label: '상시근로자 수 (명)' });
    await range.getByLabel('상한', { exact: true }).fill('5');
    await range.getByLabel('상한 기준').selectOption({ label: '미만' });

    await addCondition(staff, '사업자 특성');
    const flag = staff.getByRole('region', { name: /^조건 3 / });
    await flag.getByLabel('특성').selectOption({ label: '휴업 중' });
    await flag.locator('label', { hasText: '해당하지 않음' }).click();

    // The first snapshot may still be on its way when the portal starts: the preview retries until it is.
    const preview = staff.getByRole('region', { name: '영향 미리보기' });
    await preview.getByText('자격이 되는 사업자').waitFor({ timeout: 60_000 });
    expect(await preview.locator('.app-preview-number').textContent()).toMatch(/^[\d,]+곳$/);
    await preview.locator('svg path').first().waitFor();
    await review(staff, 'editor-new');

    await staff.getByRole('button', { name: '초안 저장' }).click();
    await staff.waitForURL(/\/staff\/programs\/mapo-digital-transition-support$/);
    await staff.getByText('초안을 만들었습니다.').waitFor();

    await staff.getByRole('button', { name: '공고하기' }).click();
    const dialog = staff.getByRole('dialog', { name: '공고하기' });
    await dialog.waitFor();
    await expectAccessible(staff, 'publish-confirm');
    await dialog.getByRole('button', { name: '공고하기' }).click();
    await staff.getByText('공고했습니다. 상태: 접수 중').waitFor();
    const history = staff.getByRole('region', { name: '변경 이력' });
    await history.getByRole('cell', { name: '공고', exact: true }).first().waitFor();
    expect(await history.getByRole('cell', { name: '작성', exact: true }).count()).toBe(1);
    await review(staff, 'editor-published');

    const owner = await newPage(browser.context);
    await loginAs(owner, portal.url, '김하늘');
    await ownerSees(owner, /^지원사업 \(\d+\)$/, title);
    const item = owner.getByRole('tabpanel').locator('li.app-card', { hasText: title });
    expect(await item.locator('.app-reason').count()).toBe(3);
    await review(owner, 'matches-new-program');
  });

  it('declares a disaster by 시군구, and an owner there sees the relief program', async () => {
    const staff = await newPage(browser.context);
    await loginAs(staff, portal.url, '이소진');
    await staff.goto(`${portal.url}/staff/disasters/new`);

    await staff.getByLabel(/^재난 이름/).fill('2026년 11월 마포구 집중호우');
    await staff.getByLabel(/^재난 종류/).selectOption({ label: '집중호우' });
    await staff.getByLabel(/^시작일/).fill(todayInKorea(-1));
    await staff.getByLabel(/^종료일/).fill(todayInKorea(5));
    await staff.getByLabel('시도').selectOption({ label: '서울특별시' });
    await staff.locator('label', { hasText: /^마포구$/ }).click();
    await staff.getByRole('list', { name: '선택한 지역' }).getByText('서울특별시 마포구').waitFor();
    await review(staff, 'declare-disaster');

    await staff.getByRole('button', { name: '선포하기' }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByText(/1개 시군구에 선포합니다/).waitFor();
    await dialog.getByRole('button', { name: '선포하기' }).click();
    await staff.getByText('재난을 선포했습니다.').waitFor();

    await staff.goto(`${portal.url}/disasters`);
    await staff.getByRole('heading', { name: '2026년 11월 마포구 집중호우' }).waitFor();

    const owner = await newPage(browser.context);
    await loginAs(owner, portal.url, '김하늘');
    await ownerSees(owner, /^재난지원금 \(\d+\)$/, '특별재난지역 전기·통신요금 감면');
    await review(owner, 'matches-after-disaster');
  });
});
