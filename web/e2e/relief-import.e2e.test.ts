import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNED_BUSINESSES } from '../../functions/src/local/demo-data';
import { launchBrowser, loginAs, newPage, review, saveAxeLog } from './support/browser';
import { startTestPortal, type TestPortal } from './support/portal';

let portal: TestPortal;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  portal = await startTestPortal(200);
  browser = await launchBrowser();
});

afterAll(async () => {
  saveAxeLog('relief-import');
  await browser?.close();
  await portal?.stop();
});

const byName = (name: string) => DEMO_OWNED_BUSINESSES.find((b) => b.profile.tradeName === name)!.profile;
/** 하늘공방 (경북 안동시): confirmed for the March 2025 wildfire on 10 April; 하늘카페 is in Seoul, outside it. */
const workshop = byName('하늘공방');
const cafe = byName('하늘카페');

describe('a staff member uploads a damage list', () => {
  it('previews it (counts, rejected lines), applies it, and a second upload changes nothing', async () => {
    const staff = await newPage(browser.context);
    await loginAs(staff, portal.url, '이소진');
    await staff.waitForURL(/\/staff$/);
    await staff.getByRole('link', { name: /2025년 3월.*피해 확인 명단 올리기/ }).click();
    await staff.waitForURL(/\/staff\/disasters\/2025-03-wildfire\/damage-imports$/);
    const csv = [
      '사업자등록번호,피해확인일,피해유형,피해금액',
      `${workshop.brn},2025-04-12,화재,"3,000,000"`,
      `${cafe.brn},2025-04-12,,`,
      '1234567899,2025-04-12,,',
    ].join('\r\n');
    const file = { name: '안동_피해확인.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };
    await staff.getByLabel(/^명단 파일 \(CSV\)/).setInputFiles(file);
    await staff.getByRole('button', { name: '미리 보기' }).click();
    await staff.getByRole('heading', { name: /미리 보기 결과/ }).waitFor();
    const rejected = staff.getByRole('table', { name: '거부된 줄' });
    expect(await rejected.getByRole('row').count()).toBe(3);
    expect(await rejected.textContent()).toContain('피해 지역 밖의 사업장');
    await review(staff, 'damage-import-preview');

    await staff.getByRole('button', { name: '반영하기' }).click();
    await staff.getByRole('heading', { name: '반영했습니다' }).waitFor();
    expect(await staff.locator('dl.app-meta').textContent()).toMatch(/변경\s*1/);
    await review(staff, 'damage-import-done');

    await staff.getByRole('button', { name: '다른 파일 올리기' }).click();
    await staff.getByLabel(/^명단 파일 \(CSV\)/).setInputFiles(file);
    await staff.getByRole('button', { name: '미리 보기' }).click();
    await staff.getByRole('heading', { name: /미리 보기 결과/ }).waitFor();
    expect(await staff.locator('dl.app-meta').textContent()).toMatch(/변동 없음\s*1/);
    await staff.getByText('새로 반영할 줄이 없습니다.').waitFor();
  });
});
