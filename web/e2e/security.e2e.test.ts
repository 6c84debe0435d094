import { contentSecurityPolicy, SECURITY_HEADERS } from '@sbiz24/shared/security-headers';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { startTestPortal, type TestPortal } from './support/portal';

let portal: TestPortal;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  portal = await startTestPortal(200);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

/** Every CSP violation the page reports, collected from its first script on (an init script is not subject to the CSP). */
async function watchedPage(): Promise<Page> {
  const page = await newPage(browser.context);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return page;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

describe('the Content-Security-Policy in the browser', () => {
  it('serves the web app with the header table and runs it with no violation on its public pages', async () => {
    const page = await watchedPage();
    const response = await page.goto(`${portal.url}/`);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toBe(contentSecurityPolicy());
    for (const [name, value] of SECURITY_HEADERS) expect(headers[name.toLowerCase()], name).toBe(value);
    await page.getByRole('heading', { level: 1 }).first().waitFor();

    for (const path of ['/programs', '/disasters', '/login']) {
      await page.goto(`${portal.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    }
    await page.goto(`${portal.url}/programs`);
    await page.getByText(/^총 \d+건$/).waitFor();
    await page.locator('li.app-card a').first().click();
    await page.waitForURL(/\/programs\/[a-z0-9-]+$/);
    await page.getByRole('heading', { level: 1 }).first().waitFor();

    expect(await violations(page)).toEqual([]);
  });

  it('renders the API docs page styled under the same policy (its stylesheet allowed by hash)', async () => {
    const page = await watchedPage();
    const response = await page.goto(`${portal.url}/api/docs`);

    expect(response!.headers()['content-security-policy']).toBe(contentSecurityPolicy());
    const maxWidth = await page.evaluate(() => getComputedStyle(document.body).maxWidth);
    expect(maxWidth).toBe('960px');
    expect(await violations(page)).toEqual([]);
  });
});
