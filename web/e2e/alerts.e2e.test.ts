import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs, newPage, review, saveAxeLog, todayInKorea } from './support/browser';
import { startTestPortal, type TestPortal } from './support/portal';

let portal: TestPortal;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  portal = await startTestPortal();
  browser = await launchBrowser();
});

afterAll(async () => {
  saveAxeLog('alerts');
  await browser?.close();
  await portal?.stop();
});

interface DevMail {
  to: string[];
  subject: string;
  text: string;
  listUnsubscribe?: string;
}

/** The first mail to `address` whose subject contains `words`, polling the mailbox for at most `ms`. */
async function awaitMail(page: Page, address: string, words: string, ms: number): Promise<DevMail> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const r = await page.request.get(`${portal.url}/api/dev/mailbox`);
    expect(r.status()).toBe(200);
    const { items } = (await r.json()) as { items: DevMail[] };
    const mail = items.find((m) => m.to.includes(address) && m.subject.includes(words));
    if (mail) return mail;
    await page.waitForTimeout(500);
  }
  throw new Error(`no mail about "${words}" to ${address} within ${ms} ms`);
}

/** The newest mail to `address` with `subject` in the development mailbox, waiting for it to arrive. */
async function mailTo(page: Page, address: string, subject: string): Promise<DevMail> {
  for (let i = 0; i < 50; i++) {
    const r = await page.request.get(`${portal.url}/api/dev/mailbox`);
    expect(r.status()).toBe(200);
    const { items } = (await r.json()) as { items: DevMail[] };
    const mail = items.find((m) => m.to.includes(address) && m.subject === subject);
    if (mail) return mail;
    await page.waitForTimeout(200);
  }
  throw new Error(`no mail "${subject}" to ${address}`);
}

/**
 * Ticks or unticks a KRDS check box or radio by keyboard (focus, Space), as a keyboard user does: its label
 * covers the visually hidden input, so a pointer click lands on the label, which Chromium may not pass on.
 */
async function setChecked(page: Page, box: ReturnType<Page['getByLabel']>, on: boolean): Promise<void> {
  if ((await box.isChecked()) !== on) {
    await box.focus();
    await page.keyboard.press('Space');
  }
  expect(await box.isChecked()).toBe(on);
}

const saveButton = (page: Page) => page.getByRole('button', { name: '저장', exact: true });

describe('an owner sets up alerts outside the portal', () => {
  it('turns on e-mail with a verified address, keeps the settings over a reload, and reads the inbox', async () => {
    const page = await newPage(browser.context);
    await loginAs(page, portal.url, '박준호');
    await page.goto(`${portal.url}/my/notifications`);
    await page.getByRole('link', { name: '알림 설정' }).click();
    await page.waitForURL(/\/my\/alert-settings$/);
    await page.getByRole('heading', { name: '알림 설정', level: 1 }).waitFor();

    // Start from e-mail off, as an owner who never chose it.
    const emailChannel = page.getByLabel('전자우편', { exact: true });
    await setChecked(page, emailChannel, false);
    await saveButton(page).click();
    await page.getByText('알림 설정을 저장했습니다.').waitFor();

    // A new address, verified with the code that arrives in the development mailbox.
    const address = 'park-alerts@example.com';
    await page.getByLabel('새 전자우편 주소').fill(address);
    await page.getByRole('button', { name: '인증번호 받기' }).click();
    await page.getByText(`인증번호를 ${address} 주소로 보냈습니다.`, { exact: false }).waitFor();
    const mail = await mailTo(page, address, '[소상공인24] 전자우편 인증번호');
    const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
    expect(code).toMatch(/^\d{6}$/);

    // A wrong code first: the error sits next to the field and the address stays unverified.
    const codeField = page.getByLabel('인증번호 6자리');
    await codeField.fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: '인증하기' }).click();
    const codeError = page.locator('#as-code-msg');
    await codeError.waitFor();
    expect(await codeError.textContent()).toContain('인증번호');
    expect(await codeField.getAttribute('aria-describedby')).toContain('as-code-msg');
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');

    await codeField.fill(code!);
    await page.getByRole('button', { name: '인증하기' }).click();
    await page.getByText('전자우편 주소를 인증했습니다.').waitFor();
    await page.getByText(`${address} (인증됨)`).waitFor();

    // Now the settings: e-mail on, text messages with a phone, the weekly digest, no deadline reminders.
    await setChecked(page, emailChannel, true);
    const sms = page.getByLabel('문자(알림톡)', { exact: true });
    await setChecked(page, sms, true);
    await page.getByLabel('휴대전화 번호').fill('010-2345-6789');
    const weekly = page.getByLabel('한 주에 한 번 모아 받기', { exact: false });
    await setChecked(page, weekly, true);
    const deadline = page.locator('#as-kind-deadline');
    await setChecked(page, deadline, false);
    await saveButton(page).click();
    await page.getByText('알림 설정을 저장했습니다.').waitFor();
    await review(page, 'alert-settings');

    // A reload shows them kept.
    const reloaded = page.waitForResponse(
      (r) => r.url().endsWith('/api/me/alert-settings') && r.request().method() === 'GET',
    );
    await page.reload();
    const stored = (await (await reloaded).json()) as Record<string, unknown>;
    await page.getByText(`${address} (인증됨)`).waitFor();
    expect(await page.getByLabel('전자우편', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('문자(알림톡)', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('휴대전화 번호').inputValue()).toBe('010-2345-6789');
    expect(await page.getByLabel('한 주에 한 번 모아 받기', { exact: false }).isChecked()).toBe(true);
    expect(await page.getByLabel('알림마다 바로 받기').isChecked()).toBe(false);
    expect(await page.locator('#as-kind-deadline').isChecked()).toBe(false);
    expect(await page.locator('#as-kind-newMatch').isChecked()).toBe(true);
    // The page shows what the API returned after the reload.
    expect(stored).toMatchObject({
      channels: { email: true, sms: true },
      kinds: { newMatch: true, deadline: false },
      digest: 'weekly',
      email: { address, verified: true },
    });

    // The inbox: 모두 읽음 clears the unread count and every "새 알림" badge.
    await page.goto(`${portal.url}/my/notifications`);
    const status = page.getByRole('status').filter({ hasText: /^읽지 않은 알림 \d+건$/ });
    await status.waitFor();
    let unread = Number(/(\d+)건/.exec((await status.textContent()) ?? '')?.[1]);
    for (let i = 0; i < 50 && unread === 0; i++) {
      // The demo's first recompute may still be writing the owner's notifications.
      await page.waitForTimeout(500);
      await page.reload();
      await status.waitFor();
      unread = Number(/(\d+)건/.exec((await status.textContent()) ?? '')?.[1]);
    }
    expect(unread).toBeGreaterThan(0);
    const markAll = page.getByRole('button', { name: '모두 읽음' });
    expect(await markAll.isEnabled()).toBe(true);
    await markAll.click();
    await page.getByText('모든 알림을 읽음으로 표시했습니다.').waitFor();
    expect(await status.textContent()).toBe('읽지 않은 알림 0건');
    expect(await page.locator('.app-note.is-unread').count()).toBe(0);
    expect(await markAll.isDisabled()).toBe(true);
    await review(page, 'notifications-read');
    await page.reload();
    await page.getByRole('status').filter({ hasText: '읽지 않은 알림 0건' }).waitFor();
    expect(await page.locator('.app-note.is-unread').count()).toBe(0);
  });

  it('gets a newly published program that fits by e-mail, with a stop link, and in the inbox', async () => {
    // 박준호 verified park-alerts@example.com above; back to one mail per alert (the digest would hold it).
    const owner = await newPage(browser.context);
    await loginAs(owner, portal.url, '박준호');
    await owner.goto(`${portal.url}/my/alert-settings`);
    await owner.getByText('park-alerts@example.com (인증됨)').waitFor();
    await setChecked(owner, owner.getByLabel('알림마다 바로 받기'), true);
    expect(await owner.getByLabel('전자우편', { exact: true }).isChecked()).toBe(true);
    await saveButton(owner).click();
    await owner.getByText('알림 설정을 저장했습니다.').waitFor();

    // Staff publish a program for 충청북도 괴산군, where 박준호's 준호정밀 is, through the staff pages.
    const title = '괴산 제조 소상공인 수출 물류비 지원';
    const staff = await newPage(browser.context);
    await loginAs(staff, portal.url, '이소진');
    await staff.waitForURL(/\/staff$/);
    await staff.getByRole('link', { name: '새 사업 작성' }).click();
    await staff.getByLabel(/^사업명/).fill(title);
    await staff.getByLabel(/^영문 사업명/).fill('Goesan export logistics support');
    await staff.getByLabel(/^지원 종류/).selectOption({ label: '지원사업' });
    await staff.getByLabel(/^사업 요약/).fill('괴산군 소상공인의 수출 물류비를 지원합니다.');
    await staff.getByLabel(/^지원 내용/).fill('수출 물류비 최대 300만원');
    await staff.getByLabel(/^최대 지원금/).fill('3000000');
    await staff.getByLabel(/^접수 시작일/).fill(todayInKorea());
    await staff.getByLabel(/^접수 마감일/).fill(todayInKorea(30));
    await staff.getByLabel(/^신청 방법/).fill('괴산군청 경제과에 온라인으로 신청합니다.');
    await staff.getByLabel('추가할 조건').last().selectOption({ label: '지역' });
    await staff.getByRole('button', { name: '조건 추가', exact: true }).last().click();
    const region = staff.getByRole('region', { name: /^조건 1 / });
    await region.getByLabel('시도').selectOption({ label: '충청북도' });
    await region.locator('label', { hasText: /^괴산군$/ }).click();
    await region.getByRole('list', { name: '선택한 지역' }).getByText('충청북도 괴산군').waitFor();
    await staff.getByRole('button', { name: '초안 저장' }).click();
    await staff.getByText('초안을 만들었습니다.').waitFor();
    await staff.getByRole('button', { name: '공고하기' }).click();
    await staff.getByRole('dialog', { name: '공고하기' }).getByRole('button', { name: '공고하기' }).click();
    await staff.getByText('공고했습니다. 상태: 접수 중').waitFor();

    // The portal recomputes after a publish, the notifier queues the e-mail, the sender hands it to the
    // local SMTP server: it reaches the development mailbox within 30 s.
    const mail = await awaitMail(owner, 'park-alerts@example.com', title, 30_000);
    expect(mail.subject).toBe(`[소상공인24] 새로 신청할 수 있는 지원사업: ${title}`);
    expect(mail.text).toContain('준호정밀');
    expect(mail.text).toMatch(/\/api\/alerts\/unsubscribe\?token=[\w.-]+/);
    expect(mail.listUnsubscribe).toMatch(/unsubscribe\?token=/);
    await owner.goto(`${portal.url}/dev/mailbox`);
    await owner.getByText(`[소상공인24] 새로 신청할 수 있는 지원사업: ${title}`).first().waitFor();
    await review(owner, 'mailbox-new-program');

    // And in the inbox, unread, linked to the program.
    await owner.goto(`${portal.url}/my/notifications`);
    const item = owner.locator('li.app-note', { hasText: title });
    await item.waitFor({ timeout: 10_000 });
    expect(await item.getAttribute('class')).toContain('is-unread');
    await item.getByRole('link', { name: `새로 신청할 수 있는 지원사업: ${title}` }).waitFor();
    expect(await item.textContent()).toContain('준호정밀');
  });
});
