import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { koreanDate } from '@sbiz24/shared/dates';
import { josa } from '@sbiz24/shared/rules/format';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { E2E_NOW } from './portal';

export const ARTIFACTS = resolve(fileURLToPath(new URL('../artifacts', import.meta.url)));

/** Debian's Chromium, headless, with a fresh profile; never a downloaded browser. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'sbiz24-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  context.setDefaultTimeout(20_000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const pageErrors = new WeakMap<Page, string[]>();

/** A new tab (its own session storage, so its own signed-in user); uncaught page errors are collected. */
export async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (err) => errors.push(err.message));
  return page;
}

export interface AxeSummary {
  page: string;
  violations: { id: string; impact: string | null | undefined; nodes: number; help: string }[];
}

/** Every axe-core result of the journeys, kept for the run's summary. */
export const axeLog: AxeSummary[] = [];

/** Writes this file's axe results (every violation, any impact) next to the screenshots. */
export function saveAxeLog(journey: string): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `axe-${journey}.json`), `${JSON.stringify(axeLog, null, 2)}\n`);
}

/** Runs axe-core on the page as it is now and asserts no serious or critical violation. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // KRDS animates colours (0.4 s); judge contrast on the settled page, not mid-transition.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.length,
    help: v.help,
  }));
  axeLog.push({ page: name, violations });
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('; ')}`,
    );
  expect(blocking, `axe on ${name}`).toEqual([]);
}

/** Full-page screenshots at 1280 px and 360 px wide, under web/e2e/artifacts/. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(ARTIFACTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: join(ARTIFACTS, `${name}-mobile.png`), fullPage: true });
  await page.setViewportSize(size);
}

/** Checks the page (axe) and records it (screenshots): what every main page of a journey gets. */
export async function review(page: Page, name: string): Promise<void> {
  expect(pageErrors.get(page) ?? [], `uncaught errors on ${name}`).toEqual([]);
  await expectAccessible(page, name);
  await screenshots(page, name);
}

/** Signs in through the demo login chooser, as a person would. */
export async function loginAs(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('button', { name: `${josa(name, '으로/로')} 로그인` }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Calls the API from the page with the page's own sign-in: setup steps a person would do in the editor. Fails
 * the test on any answer other than 2xx, with the body.
 */
export async function apiAs<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const res = await page.evaluate(
    async ({ method, path, body }) => {
      const token = sessionStorage.getItem('sbiz24.token');
      const r = await fetch(path, {
        method,
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: r.status, body: await r.json().catch(() => null) };
    },
    { method, path, body },
  );
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body as T;
}

/** The portal's today in Korea (YYYY-MM-DD), give or take some days. */
export function todayInKorea(offsetDays = 0): string {
  return koreanDate(new Date(E2E_NOW.getTime() + offsetDays * 86_400_000));
}
