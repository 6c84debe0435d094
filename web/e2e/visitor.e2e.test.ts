import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, review, saveAxeLog } from './support/browser';
import { startTestPortal, type TestPortal } from './support/portal';

let portal: TestPortal;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  portal = await startTestPortal();
  browser = await launchBrowser();
});

afterAll(async () => {
  saveAxeLog('visitor');
  await browser?.close();
  await portal?.stop();
});

async function h1(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
}

describe('a visitor', () => {
  it('searches the catalog, filters it, pages through it and opens a program', async () => {
    const page = await newPage(browser.context);

    await page.goto(`${portal.url}/`);
    expect(await page.getByText('이 누리집은 대한민국 공식 전자정부 누리집입니다.').isVisible()).toBe(true);
    for (const stage of ['창업', '성장', '폐업·재기']) {
      expect(await page.getByRole('link', { name: `${stage} 지원사업 보기` }).isVisible()).toBe(true);
    }
    await review(page, 'home');

    await page.getByLabel('지원사업 검색').fill('청년');
    await page.getByRole('button', { name: '검색', exact: true }).click();
    await page.waitForURL(/\/programs\?q=/);
    await page.getByText(/^총 \d+건$/).waitFor();
    const results = page.getByRole('region', { name: /검색 결과/ });
    expect(await results.getByRole('link', { name: '청년고용연계자금' }).isVisible()).toBe(true);
    await review(page, 'catalog-search');

    await page.goto(`${portal.url}/programs`);
    await page.getByText(/^총 \d+건$/).waitFor();
    await page.getByLabel('지원 종류').selectOption({ label: '정책자금' });
    await page.locator('label', { hasText: '접수 중인 사업만' }).click();
    await page.getByRole('button', { name: '검색', exact: true }).click();
    await page.waitForURL(/kind=policy-fund&openNow=true/);
    await page.getByText(/^총 \d+건$/).waitFor();
    const kinds = await results.locator('li.app-card .krds-badge').first().allTextContents();
    expect(kinds).toEqual(['정책자금']);
    const badges = await results
      .locator('li.app-card')
      .evaluateAll((cards) => cards.map((c) => c.querySelector('.krds-badge')?.textContent));
    expect(new Set(badges)).toEqual(new Set(['정책자금']));

    await page.goto(`${portal.url}/programs`);
    await page.getByText(/^총 \d+건$/).waitFor();
    await review(page, 'catalog');
    await page.getByRole('navigation', { name: '페이지 이동' }).getByRole('link', { name: '2쪽' }).click();
    await page.waitForURL(/page=2/);
    await page.getByText(/^총 \d+건$/).waitFor();
    expect(await page.locator('[aria-current="page"]', { hasText: '2' }).count()).toBe(1);

    await page.goto(`${portal.url}/programs?q=${encodeURIComponent('청년')}`);
    await results.getByRole('link', { name: '청년고용연계자금' }).click();
    await page.waitForURL(/\/programs\/youth-fund$/);
    await page.getByRole('heading', { level: 1, name: '청년고용연계자금' }).waitFor();
    expect(await h1(page)).toBe('청년고용연계자금');
    expect(await page.getByText('1억원').first().isVisible()).toBe(true);
    expect(
      await page
        .getByText(/마감까지 \d+일 남음|오늘 마감/)
        .first()
        .isVisible(),
    ).toBe(true);
    expect(await page.getByText('소상공인시장진흥공단').first().isVisible()).toBe(true);
    const sentences = page.getByRole('region', { name: '지원 대상 (자격 조건)' }).getByRole('listitem');
    expect(await sentences.count()).toBeGreaterThan(2);
    expect(await sentences.first().textContent()).toMatch(/[가-힣]/);
    expect(await page.getByRole('region', { name: '신청 방법' }).textContent()).toContain('ols.sbiz.or.kr');
    await review(page, 'program');

    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Youth fund' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Who can apply' }).isVisible()).toBe(true);
    await review(page, 'program-en');
    await page.getByRole('button', { name: /한국어/ }).click();
    await page.getByRole('heading', { level: 1, name: '청년고용연계자금' }).waitFor();
  });

  it('sees the declared disasters and finds the API docs', async () => {
    const page = await newPage(browser.context);

    await page.goto(`${portal.url}/disasters`);
    await page.getByRole('heading', { name: '2025년 3월 경북·경남·울산 산불' }).waitFor();
    expect(
      await page
        .getByText(/경상북도 의성군/)
        .first()
        .isVisible(),
    ).toBe(true);
    await review(page, 'disasters');

    const docs = page.getByRole('contentinfo').getByRole('link', { name: '개방 API 문서' });
    expect(await docs.getAttribute('href')).toBe('/api/docs');
    const res = await page.request.get(`${portal.url}/api/docs`);
    expect(res.status()).toBe(200);
  });

  it('reaches the main content with the skip link and keeps working on an unknown program', async () => {
    const page = await newPage(browser.context);

    await page.goto(`${portal.url}/programs/no-such-program`);
    await page.getByRole('heading', { level: 1, name: '없는 사업입니다' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('본문 바로가기');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.getByRole('button', { name: '다시 시도' }).count()).toBe(0);
    expect(await page.locator('main a.krds-btn[href="/programs"]').isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: '주 메뉴' }).isVisible()).toBe(true);
  });
});
