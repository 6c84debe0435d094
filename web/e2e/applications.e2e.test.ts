import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { josa } from '@sbiz24/shared/rules/format';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNED_BUSINESSES } from '../../functions/src/local/demo-data';
import {
  ARTIFACTS,
  apiAs,
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
  saveAxeLog('applications');
  await browser?.close();
  await portal?.stop();
});

/** 하늘카페: 김하늘's café in 서울 마포구 (11440), two employees. */
const cafe = DEMO_OWNED_BUSINESSES.find((b) => b.profile.tradeName === '하늘카페')!.profile;

/** A program for businesses in 마포구 that have not had its support before: the award ends the match. */
const ONCE = {
  id: 'mapo-once-voucher',
  title: '마포 소상공인 첫걸음 바우처',
};
/** A second program for the same 통합신청 (the demo data already applies to the café's first matches). */
const STREET = { id: 'mapo-street-signs', title: '마포 골목상권 간판 개선 지원' };

/** Ticks a KRDS checkbox or radio as a person does, by its label (KRDS draws the box on the label). */
async function tick(box: Locator): Promise<void> {
  const id = await box.getAttribute('id');
  await box.page().locator(`label[for="${id}"]`).click();
  expect(await box.isChecked()).toBe(true);
}

/** A small real PDF (the portal checks the type from the content). */
function pdfFile(): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, '매출증빙.pdf');
  writeFileSync(
    path,
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
  return path;
}

describe('applications, from the owner to the agency and back', () => {
  it('applies to two programs at once; supplement with a file; approval; 선정, the notice, the history, and the match gone', async () => {
    // The agency publishes a program that excludes its own past recipients and asks one question.
    const staff = await newPage(browser.context);
    await loginAs(staff, portal.url, '이소진');
    await staff.waitForURL(/\/staff$/);
    const base = {
      kind: 'support',
      agencyId: 'semas',
      stages: ['startup', 'growth'],
      applyStart: todayInKorea(),
      applyEnd: todayInKorea(30),
      howToApply: '소상공인24에서 신청합니다.',
    };
    const onceProgram = await apiAs<{ program: { id: string; version: number } }>(
      staff,
      'POST',
      '/api/staff/programs',
      {
        ...base,
        id: ONCE.id,
        title: ONCE.title,
        titleEn: 'Mapo first-step voucher',
        summary: '마포구 소상공인에게 한 번, 디지털 전환 바우처를 지원합니다.',
        benefit: { description: '바우처 최대 300만원', maxAmount: 3_000_000 },
        rule: {
          type: 'all',
          rules: [
            { type: 'region', op: 'in', codes: ['11440'] },
            { type: 'priorSupport', programId: ONCE.id, present: false },
          ],
        },
        application: {
          fields: [
            { id: 'plan', label: '바우처 사용 계획', type: 'text', required: true, maxLength: 500 },
            { id: 'employees', label: '상시근로자 수', type: 'number', required: true, prefill: 'employees' },
          ],
          documents: [
            { id: 'registration', kind: 'business-registration', label: '사업자등록증명', required: true },
          ],
          quota: { budget: 30_000_000, maxAwards: 10 },
        },
      },
    );
    const street = await apiAs<{ program: { id: string; version: number } }>(
      staff,
      'POST',
      '/api/staff/programs',
      {
        ...base,
        id: STREET.id,
        title: STREET.title,
        summary: '마포구 골목상권 소상공인의 간판·조명 교체를 지원합니다.',
        benefit: { description: '최대 200만원', maxAmount: 2_000_000 },
        rule: { type: 'region', op: 'in', codes: ['11440'] },
      },
    );
    for (const { program } of [onceProgram, street])
      await apiAs(staff, 'POST', `/api/staff/programs/${program.id}/publish`, { version: program.version });

    // The owner picks the new program and one more, and applies once.
    const owner = await newPage(browser.context);
    await loginAs(owner, portal.url, '김하늘');
    await owner.goto(`${portal.url}/my/businesses/${cafe.brn}`);
    await owner.getByText(/^받을 수 있는 사업 \d+건$/).waitFor();
    await owner.getByRole('tab', { name: /^지원사업 \(\d+\)$/ }).click();
    await tick(
      owner.getByRole('checkbox', {
        name: `${josa(`「${ONCE.title}」`, '을/를')} 함께 신청할 사업으로 선택`,
      }),
    );
    await tick(
      owner.getByRole('checkbox', {
        name: `${josa(`「${STREET.title}」`, '을/를')} 함께 신청할 사업으로 선택`,
      }),
    );
    await owner.getByText('선택한 사업 2개').waitFor();
    await review(owner, 'apply-select');
    await owner.getByRole('button', { name: '선택한 사업 한 번에 신청하기' }).click();

    await owner.getByRole('heading', { level: 1, name: '통합신청' }).waitFor();
    const once = owner.getByRole('region', { name: ONCE.title });
    expect(await once.getByLabel(/^상시근로자 수/).inputValue()).toBe(String(cafe.employees));
    await once.getByText('확인됨').first().waitFor();
    // Submitting without the required answer is refused at the field, with a summary linking to it.
    await owner.getByRole('button', { name: '신청서 제출' }).click();
    const summary = owner.getByRole('alert').filter({ hasText: '바우처 사용 계획' });
    await summary.waitFor();
    await review(owner, 'apply-form-error');
    await once.getByLabel(/^바우처 사용 계획/).fill('키오스크를 들여 주문 대기를 줄이겠습니다.');
    await owner.getByRole('button', { name: '신청서 제출' }).click();
    await owner.getByRole('heading', { level: 1, name: '신청이 접수되었습니다' }).waitFor();
    await owner.getByText('2개 사업의 신청이 접수되었습니다.', { exact: false }).waitFor();
    await review(owner, 'apply-done');

    // The agency asks for a supplement.
    await staff.goto(`${portal.url}/staff/programs/${ONCE.id}/applications`);
    await staff.getByRole('heading', { level: 1, name: `${ONCE.title} 신청 심사` }).waitFor();
    await staff.getByRole('link', { name: cafe.tradeName }).click();
    await staff.getByRole('heading', { level: 1, name: `${cafe.tradeName} 신청` }).waitFor();
    await review(staff, 'staff-application');
    await tick(staff.getByRole('radio', { name: '보완 요청' }));
    await staff.getByLabel(/^사유 또는 요청 내용/).fill('최근 3개월 매출 증빙을 첨부해 주세요.');
    await staff.getByRole('button', { name: '결정 저장' }).click();
    await staff.getByText('보완 요청 처리했습니다.').waitFor();

    // The owner responds with a file.
    await owner.goto(`${portal.url}/my/applications`);
    const card = owner.getByRole('listitem').filter({ has: owner.getByRole('link', { name: ONCE.title }) });
    await card.getByText('보완 요청이 있습니다. 내용을 확인하고 보완 자료를 제출해 주세요.').waitFor();
    await review(owner, 'my-applications');
    await card.getByRole('link', { name: ONCE.title }).click();
    const request = owner.getByRole('region', { name: '담당 기관의 보완 요청' });
    await request.getByText('최근 3개월 매출 증빙을 첨부해 주세요.').waitFor();
    await owner.getByLabel(/^첨부 파일/).setInputFiles(pdfFile());
    await owner.getByRole('button', { name: '매출증빙.pdf 삭제' }).waitFor();
    await owner.getByLabel(/^보완 내용/).fill('9~11월 매출 증빙을 첨부합니다.');
    await review(owner, 'supplement');
    await owner.getByRole('button', { name: '보완 자료 제출' }).click();
    await owner.getByText('보완 자료를 제출했습니다. 담당 기관이 다시 심사합니다.').waitFor();

    // The agency sees the file and approves, within the quota.
    await staff.reload();
    await staff.getByText('매출증빙.pdf').first().waitFor();
    await tick(staff.getByRole('radio', { name: '선정', exact: true }));
    await staff.getByLabel(/^선정 금액/).fill('3000000');
    await staff.getByRole('button', { name: '결정 저장' }).click();
    await staff.getByText('선정 처리했습니다.').waitFor();
    await staff.goto(`${portal.url}/staff/programs/${ONCE.id}/dashboard`);
    await staff.getByRole('img', { name: '상태별 신청 수' }).waitFor();
    await staff.getByText('300만원 / 3,000만원 사용 (10%)').waitFor();
    await review(staff, 'program-dashboard');

    // The owner sees 선정, the notification and the history entry, and the program no longer matches.
    await owner.reload();
    await owner.getByRole('heading', { level: 1, name: ONCE.title }).waitFor();
    const steps = owner.getByRole('list', { name: `${ONCE.title} 진행 단계` });
    expect(await steps.locator('[aria-current="step"]').textContent()).toContain('선정');
    await owner.getByText('선정되었습니다. 지원 금액은 300만원입니다.').waitFor();
    await review(owner, 'application-approved');

    await owner.goto(`${portal.url}/my/notifications`);
    await owner.getByRole('heading', { name: `선정되었습니다: ${ONCE.title}` }).waitFor();

    await owner.goto(`${portal.url}/my/businesses/${cafe.brn}/history`);
    const history = owner.getByRole('table', { name: '지원 이력 (최신순)' });
    const row = history.getByRole('row').filter({ hasText: ONCE.title });
    expect(await row.textContent()).toContain('포털 선정');
    expect(await row.textContent()).toContain('300만원');
    await review(owner, 'support-history');

    await owner.goto(`${portal.url}/my/businesses/${cafe.brn}`);
    await owner.getByText(/^받을 수 있는 사업 \d+건$/).waitFor();
    await owner.getByRole('tab', { name: /^지원사업 \(\d+\)$/ }).click();
    expect(await owner.getByRole('tabpanel').getByRole('link', { name: ONCE.title }).count()).toBe(0);
  });

  it('lets staff filter the queue and decide several at once after a confirmation', async () => {
    const staff = await newPage(browser.context);
    await loginAs(staff, portal.url, '정관리');
    await staff.waitForURL(/\/staff$/);
    // A program with submitted applications (the demo data and the journey above leave some).
    const { items } = await apiAs<{ items: { id: string }[] }>(staff, 'GET', '/api/staff/programs');
    let programId = '';
    for (const p of items) {
      const stats = await apiAs<{ counts: Record<string, number> }>(
        staff,
        'GET',
        `/api/staff/programs/${p.id}/applications/stats`,
      );
      if ((stats.counts.submitted ?? 0) > 0) {
        programId = p.id;
        break;
      }
    }
    expect(programId).not.toBe('');
    await staff.goto(`${portal.url}/staff/programs/${programId}/applications`);
    await staff.getByRole('region', { name: /상태별 신청 수/ }).waitFor();
    await staff.getByLabel('상태', { exact: true }).selectOption({ label: '접수' });
    await staff.getByRole('button', { name: '조건 적용' }).click();
    await staff.waitForURL(/status=submitted/);
    await staff.waitForLoadState('networkidle');
    const rows = staff.getByRole('checkbox', { name: /신청 선택$/ });
    await rows.first().waitFor();
    const n = Math.min(2, await rows.count());
    for (let i = 0; i < n; i++) await tick(rows.nth(i));
    await tick(staff.getByRole('radio', { name: '심사 시작' }));
    await staff.getByRole('button', { name: '처리하기' }).click();
    const dialog = staff.getByRole('dialog', { name: `선택한 신청 ${n}건을 처리할까요?` });
    await dialog.waitFor();
    await expectAccessible(staff, 'bulk-confirm');
    await dialog.getByRole('button', { name: `${n}건 처리` }).click();
    await staff.getByText(`${n}건을 처리했습니다.`).waitFor();
    await review(staff, 'review-queue');
  });
});
