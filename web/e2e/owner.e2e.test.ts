import { formatBusinessNumber } from '@sbiz24/shared/business-number/business-number';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLAIMABLE_BUSINESSES, DEMO_OWNED_BUSINESSES } from '../../functions/src/local/demo-data';
import { launchBrowser, loginAs, newPage, review, saveAxeLog } from './support/browser';
import { startTestPortal, type TestPortal } from './support/portal';

let portal: TestPortal;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  portal = await startTestPortal();
  browser = await launchBrowser();
});

afterAll(async () => {
  saveAxeLog('owner');
  await browser?.close();
  await portal?.stop();
});

const kimOwned = DEMO_OWNED_BUSINESSES.filter((b) => b.ownerId === 'owner-kim').map((b) => b.profile);
const claimable = DEMO_CLAIMABLE_BUSINESSES.find((b) => b.profile.representativeName === '김하늘')!.profile;

describe('an owner', () => {
  it('sees the matches of two businesses with their reasons', async () => {
    const page = await newPage(browser.context);
    await loginAs(page, portal.url, '김하늘');

    await page.waitForURL(/\/my$/);
    for (const b of kimOwned) await page.getByRole('heading', { name: b.tradeName }).waitFor();
    expect(await page.getByText('김하늘님').first().isVisible()).toBe(true);
    await review(page, 'my-businesses');

    const cafe = kimOwned.find((b) => b.tradeName === '하늘카페')!;
    await page.getByRole('link', { name: `${cafe.tradeName} 맞춤 지원사업` }).click();
    await page.waitForURL(new RegExp(`/my/businesses/${cafe.brn}$`));
    await page.getByText(/^받을 수 있는 사업 \d+건$/).waitFor();
    const policyTab = page.getByRole('tab', { name: /^정책자금 \(\d+\)$/ });
    expect(await policyTab.getAttribute('aria-selected')).toBe('true');
    const panel = page.getByRole('tabpanel');
    expect(await panel.getByRole('link', { name: '청년고용연계자금', exact: true }).isVisible()).toBe(true);
    const reasons = panel.locator('.app-reason');
    expect(await reasons.count()).toBeGreaterThan(3);
    expect(await reasons.first().textContent()).toMatch(/^✓충족.+합니다/);
    const nearMisses = page.getByRole('region', { name: '조건 하나만 바뀌면 받을 수 있어요' });
    expect(await nearMisses.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await nearMisses.locator('.app-strong').first().textContent()).toMatch(/신청할 수 있습니다/);
    await review(page, 'matches');

    // On a phone the stage badge and the edit link share the first row, the facts take the next, and no
    // badge breaks inside.
    await page.setViewportSize({ width: 360, height: 740 });
    const row = page.locator('main .app-badges').first();
    const badgeBox = (await row.locator('.krds-badge').boundingBox())!;
    const editBox = (await row.getByRole('link', { name: '정보 수정' }).boundingBox())!;
    const factsBox = (await row.locator('.app-muted').boundingBox())!;
    expect(Math.abs(editBox.y + editBox.height / 2 - (badgeBox.y + badgeBox.height / 2))).toBeLessThan(4);
    expect(factsBox.y).toBeGreaterThanOrEqual(badgeBox.y + badgeBox.height);
    const wrapped = await page
      .locator('main .krds-badge')
      .evaluateAll(
        (els) =>
          els.filter((el) => el.getClientRects().length > 1 || el.scrollWidth > el.clientWidth + 1).length,
      );
    expect(wrapped).toBe(0);
    await page.setViewportSize({ width: 1280, height: 900 });

    const workshop = kimOwned.find((b) => b.tradeName === '하늘공방')!;
    await page.goto(`${portal.url}/my/businesses/${workshop.brn}`);
    await page.getByText(/^받을 수 있는 사업 \d+건$/).waitFor();
    const reliefTab = page.getByRole('tab', { name: /^재난지원금 \(\d+\)$/ });
    expect(await reliefTab.textContent()).not.toBe('재난지원금 (0)');
    await reliefTab.click();
    const relief = page.getByRole('tabpanel');
    await relief.getByRole('link', { name: '산불 피해 소상공인 긴급 지원', exact: true }).waitFor();
    expect(await relief.locator('.app-reason').first().textContent()).toContain('충족');
    await review(page, 'matches-disaster');
  });

  it('claims a third business: a wrong name is refused clearly, the right one registers it', async () => {
    const page = await newPage(browser.context);
    await loginAs(page, portal.url, '김하늘');
    await page.goto(`${portal.url}/my/claim`);

    const brn = page.getByLabel(/사업자등록번호/);
    const wrongDigit = claimable.brn!.slice(0, 9) + ((Number(claimable.brn![9]) + 1) % 10);
    await brn.fill(wrongDigit);
    await page.getByText(/검증번호 불일치/).waitFor();
    expect(await brn.getAttribute('aria-invalid')).toBe('true');

    await brn.fill(formatBusinessNumber(claimable.brn!));
    await page.getByText('올바른 형식의 사업자등록번호입니다.').waitFor();
    await page.getByLabel(/대표자 성명/).fill('홍길동');
    await page.getByLabel(/개업일/).fill(claimable.openingDate!);
    await page.getByRole('button', { name: '입력 내용 확인' }).click();
    expect(await page.locator('[aria-current="step"]').textContent()).toContain('등록 정보 확인');
    await page.getByRole('button', { name: '등록하기' }).click();
    const refusal = page.getByRole('alert');
    await refusal.getByText(/대표자명 또는 개업일이 사업자 등록 정보와 일치하지 않습니다/).waitFor();
    await review(page, 'claim-error');

    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await page.getByLabel(/대표자 성명/).fill(claimable.representativeName);
    await page.getByRole('button', { name: '입력 내용 확인' }).click();
    await page.getByRole('button', { name: '등록하기' }).click();
    await page.getByText('사업장이 등록되었습니다').waitFor();
    expect(await page.locator('[aria-current="step"]').textContent()).toContain('등록 완료');
    await review(page, 'claim-done');

    await page.getByRole('link', { name: '맞춤 지원사업 보기' }).click();
    await page.getByRole('heading', { level: 1, name: `${claimable.tradeName} 맞춤 지원사업` }).waitFor();
    await page.getByText(/^받을 수 있는 사업 \d+건$/).waitFor();

    await page.goto(`${portal.url}/my`);
    await page.getByRole('heading', { name: claimable.tradeName }).waitFor();
    expect(await page.locator('li.app-card').count()).toBe(kimOwned.length + 1);
  });

  it('edits a profile and reads the notifications', async () => {
    const page = await newPage(browser.context);
    await loginAs(page, portal.url, '김하늘');
    const cafe = kimOwned.find((b) => b.tradeName === '하늘카페')!;

    await page.goto(`${portal.url}/my/businesses/${cafe.brn}/edit`);
    const employees = page.getByLabel('상시근로자 수 (명)');
    await employees.fill('두 명');
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.locator('.form-hint-invalid', { hasText: '숫자만 입력해 주세요.' }).waitFor();
    expect(await employees.getAttribute('aria-invalid')).toBe('true');
    await employees.fill('3');
    await page.getByLabel('지난해 매출액 (원)').fill('180000000');
    await page.getByText('1억 8,000만원').waitFor();
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.getByText('저장했습니다. 맞춤 지원사업이 다시 계산되었습니다.').waitFor();
    await review(page, 'edit-profile');

    await page.goto(`${portal.url}/my/notifications`);
    const main = page.getByRole('main');
    const count = main.getByText(/^읽지 않은 알림 \d+건$/);
    await count.waitFor();
    const unread = Number((await count.textContent())?.match(/\d+/)?.[0]);
    if (unread > 0) {
      await main
        .getByRole('button', { name: /읽음으로 표시/ })
        .first()
        .click();
      await main.getByText(`읽지 않은 알림 ${unread - 1}건`).waitFor();
    }
    await review(page, 'notifications');
  });
});
