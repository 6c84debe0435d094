import { regionName } from '@sbiz24/shared/reference/regions';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNED_BUSINESSES } from '../../functions/src/local/demo-data';
import { launchBrowser, loginAs, newPage, review, saveAxeLog } from './support/browser';
import { startTestPortal, type TestPortal } from './support/portal';

let portal: TestPortal;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  portal = await startTestPortal();
  browser = await launchBrowser();
});

afterAll(async () => {
  saveAxeLog('english');
  await browser?.close();
  await portal?.stop();
});

const kimOwned = DEMO_OWNED_BUSINESSES.filter((b) => b.ownerId === 'owner-kim').map((b) => b.profile);

/**
 * Korean an English page may show on purpose (docs/web.md, "English coverage"): proper names only — the
 * owner's name and trade names, the region names (the reference data has no romanized names; the code is
 * shown beside them in reasons), and "한국어", the language switch named in its own language.
 */
const ALLOWED = [
  '한국어',
  ...new Set(kimOwned.flatMap((p) => [p.representativeName, p.tradeName])),
  ...new Set(kimOwned.flatMap((p) => [regionName(p.regionCode), regionName(p.regionCode.slice(0, 2))])),
].sort((a, b) => b.length - a.length);

/** The Hangul left on the page once the allowed names are taken out, each with some context. */
async function koreanLeft(page: Page): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: the text as read (rendered), not hidden nodes' text
  let text = await page.locator('body').innerText();
  for (const name of ALLOWED) text = text.split(name).join(' ');
  return [...text.matchAll(/.{0,30}[가-힣]+.{0,30}/g)].map((m) => m[0].trim());
}

async function expectEnglish(page: Page, name: string): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  const left = await koreanLeft(page);
  expect(left, `Korean left on ${name} (${page.url()}): ${JSON.stringify(left)}`).toEqual([]);
}

describe('an English reader', () => {
  it('reads the public pages — home, catalog, every program — with no Korean but proper names', async () => {
    const page = await newPage(browser.context);
    await page.goto(`${portal.url}/`);
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('button', { name: /한국어/ }).waitFor();
    await expectEnglish(page, 'home');
    await review(page, 'home-en');

    const list = await page.request.get(`${portal.url}/api/programs?pageSize=100`);
    const { items, total } = (await list.json()) as { items: { id: string }[]; total: number };
    expect(items.length).toBe(total);
    for (let p = 1; p <= Math.ceil(total / 20); p++) {
      await page.goto(`${portal.url}/programs?page=${p}`);
      await page
        .getByText(/^\d+ programs?$|^Total \d+/)
        .first()
        .waitFor();
      await expectEnglish(page, `catalog page ${p}`);
    }
    for (const { id } of items) {
      await page.goto(`${portal.url}/programs/${id}`);
      await page.getByRole('heading', { name: 'Who can apply' }).waitFor();
      await expectEnglish(page, `program ${id}`);
    }
  });

  it("reads an owner's pages — businesses, matches with reasons and near misses, applications", async () => {
    const page = await newPage(browser.context);
    // The language chosen earlier is kept (the browser context is shared): sign in in Korean, as loginAs
    // expects, then switch.
    await page.goto(`${portal.url}/`);
    const korean = page.getByRole('button', { name: /한국어/ });
    if ((await korean.count()) > 0) await korean.click();
    await loginAs(page, portal.url, '김하늘');
    await page.getByRole('button', { name: /English/ }).click();
    await korean.waitFor();
    await expectEnglish(page, 'my businesses');

    let groups = 0;
    for (const b of kimOwned) {
      await page.goto(`${portal.url}/my/businesses/${b.brn}`);
      await page
        .getByText(/programs you can apply for$/)
        .first()
        .waitFor();
      await expectEnglish(page, `matches of ${b.tradeName}`);
      // Every "one of" group of the open tab reads as a group: a heading with its verdict, a nested list.
      const headings = page.getByRole('heading', {
        level: 4,
        name: /^Meeting any one of the following is enough/,
      });
      for (let i = 0; i < (await headings.count()); i++) {
        const name = (await headings.nth(i).textContent()) ?? '';
        expect(name).toMatch(/\((met|none met yet|needs checking)\)$/);
        expect(await page.getByRole('list', { name }).first().getByRole('listitem').count()).toBeGreaterThan(
          1,
        );
        groups++;
      }
    }
    // One of 김하늘's businesses qualifies for a program whose rule has such a group.
    expect(groups).toBeGreaterThan(0);
    await review(page, 'matches-en');

    await page.goto(`${portal.url}/my/applications`);
    await expectEnglish(page, 'my applications');
    await page.locator('main .app-application a').first().click();
    await page.waitForURL(/\/my\/applications\/.+/);
    await expectEnglish(page, 'an application');
  });
});
