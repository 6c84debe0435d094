import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applicationSteps } from '../../features/applications/parts';
import { application, fakeFetch, queueItem, staffProgram } from '../../test/applications';
import ProgramDashboard from './ProgramDashboard';
import ReviewQueue from './ReviewQueue';
import StaffApplicationPage from './StaffApplicationPage';

afterEach(() => vi.unstubAllGlobals());

const counts = {
  submitted: 2,
  'in-review': 1,
  'supplement-requested': 0,
  approved: 1,
  paid: 0,
  rejected: 0,
  withdrawn: 0,
};
const stats = {
  programId: 'youth-fund',
  counts,
  total: 4,
  quota: { budget: 100_000_000, maxAwards: 10, awards: 1, budgetUsed: 32_000_000 },
  perDay: [
    { date: '2026-11-24', count: 1 },
    { date: '2026-11-25', count: 0 },
    { date: '2026-11-26', count: 3 },
  ],
  approvalsBySido: { '11': 1 },
  scanned: 4,
  truncated: false,
};

function renderAt(path: string, route: string, element: React.ReactNode) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path={route} element={element} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('review queue', () => {
  const rows = [
    queueItem(),
    queueItem({ id: 'app0000000000000002', tradeName: '하늘공방', status: 'in-review', version: 2 }),
    queueItem({
      id: 'app0000000000000003',
      tradeName: '준호정밀',
      sido: '41',
      sidoName: '경기도',
      stage: 'growth',
    }),
  ];

  it('shows counts per status, filters from the URL, and decides the selected rows after saying how many', async () => {
    const { calls } = fakeFetch({
      'GET /api/staff/programs/youth-fund': () => ({ status: 200, body: staffProgram() }),
      'GET /api/staff/programs/youth-fund/applications/stats': () => ({ status: 200, body: stats }),
      'GET /api/staff/applications': () => ({ status: 200, body: { items: rows, cursor: null } }),
      'POST /api/staff/applications/bulk-decision': () => ({
        status: 200,
        body: {
          results: [
            { id: 'app0000000000000001', ok: true, status: 'rejected', version: 2 },
            {
              id: 'app0000000000000002',
              ok: false,
              code: 'TRANSITION_NOT_ALLOWED',
              message: '선정된 신청은 미선정할 수 없습니다.',
            },
          ],
          decided: 1,
          refused: 1,
        },
      }),
    });
    renderAt(
      '/staff/programs/youth-fund/applications?sido=11',
      '/staff/programs/:id/applications',
      <ReviewQueue />,
    );
    const user = userEvent.setup();

    await screen.findByRole('heading', { level: 1, name: '청년고용연계자금 신청 심사' });
    const countList = await screen.findByRole('region', { name: /상태별 신청 수/ });
    expect(within(countList).getByRole('link', { name: '접수 2' }).getAttribute('href')).toContain(
      'status=submitted',
    );
    expect(calls.find((c) => c.url.startsWith('/api/staff/applications?'))!.url).toBe(
      '/api/staff/applications?programId=youth-fund&sido=11',
    );
    expect((screen.getByLabelText('시도') as HTMLSelectElement).value).toBe('11');

    // The rows come from their own request, after the counts: wait for them, not for the first render.
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    await user.click(screen.getByRole('checkbox', { name: '하늘카페 신청 선택' }));
    await user.click(screen.getByRole('checkbox', { name: '하늘공방 신청 선택' }));
    expect(screen.getByText('선택한 신청 2건')).toBeTruthy();

    // Rejecting needs a reason: refused here, with the summary linking to the field.
    await user.click(screen.getByRole('radio', { name: '미선정 결정' }));
    await user.click(screen.getByRole('button', { name: '처리하기' }));
    const summary = await screen.findByRole('alert');
    await user.click(within(summary).getByRole('link', { name: /미선정 사유를 입력해 주세요/ }));
    expect(document.activeElement).toBe(screen.getByLabelText(/^사유 또는 요청 내용/));

    await user.type(screen.getByLabelText(/^사유 또는 요청 내용/), '예산이 모두 배정되었습니다.');
    await user.click(screen.getByRole('button', { name: '처리하기' }));
    const dialog = screen.getByRole('dialog', { name: '선택한 신청 2건을 처리할까요?' });
    expect(dialog.textContent).toContain('선택한 신청 2건을 「미선정 결정」 처리합니다.');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: '2건 처리' }));

    const result = await screen.findByText('1건을 처리했습니다.');
    expect(result.closest('[role]')!.textContent).toContain('하늘공방: 선정된 신청은 미선정할 수 없습니다.');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      ids: ['app0000000000000001', 'app0000000000000002'],
      action: 'reject',
      message: '예산이 모두 배정되었습니다.',
    });
  });

  it('says when no row is selected, and sends nothing', async () => {
    const { calls } = fakeFetch({
      'GET /api/staff/programs/youth-fund': () => ({ status: 200, body: staffProgram() }),
      'GET /api/staff/programs/youth-fund/applications/stats': () => ({ status: 200, body: stats }),
      'GET /api/staff/applications': () => ({ status: 200, body: { items: rows, cursor: null } }),
    });
    renderAt('/staff/programs/youth-fund/applications', '/staff/programs/:id/applications', <ReviewQueue />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: '심사 시작' }));
    await user.click(screen.getByRole('button', { name: '처리하기' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('처리할 신청을 하나 이상 선택해 주세요.');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});

describe('one application for review', () => {
  const staffApp = {
    ...application({ status: 'in-review', version: 2 }),
    reasonsNow: [
      {
        path: 'rules.0',
        type: 'region',
        met: false,
        text: '소재지가 서울특별시가 아닙니다.',
        textEn: 'Not in Seoul.',
      },
    ],
    eligibleNow: false,
  };

  it('shows the profile and the reasons then and now, needs an amount to approve, and sends the version', async () => {
    let reads = 0;
    const { calls } = fakeFetch({
      'GET /api/staff/applications/app0000000000000001': () => {
        reads += 1;
        return { status: 200, body: { application: staffApp } };
      },
      'POST /api/staff/applications/app0000000000000001/decision': () => ({
        status: 200,
        body: { application: application({ status: 'approved', version: 3, amount: 30_000_000 }) },
      }),
    });
    renderAt('/staff/applications/app0000000000000001', '/staff/applications/:id', <StaffApplicationPage />);
    const user = userEvent.setup();

    await screen.findByRole('heading', { level: 1, name: '하늘카페 신청' });
    const then = screen.getByRole('region', { name: '신청 당시 판단 근거 (2026년 11월 26일)' });
    expect(within(then).getByText('소재지가 서울특별시입니다.')).toBeTruthy();
    const now = screen.getByRole('region', { name: '지금 다시 판단한 근거' });
    expect(now.textContent).toContain('지금은 자격 미충족');
    const profile = screen.getByRole('region', { name: '신청 당시 사업장 정보' });
    expect(profile.textContent).toContain('서울특별시 마포구');
    expect(profile.textContent).toContain('1억 8,000만원');
    // In review: pay is not offered (only approved applications are paid).
    expect(screen.queryByRole('radio', { name: '지급' })).toBeNull();

    await user.click(screen.getByRole('radio', { name: '선정' }));
    await user.click(screen.getByRole('button', { name: '결정 저장' }));
    expect((await screen.findByRole('alert')).textContent).toContain('선정 금액을 입력해 주세요.');
    await user.type(screen.getByLabelText(/^선정 금액/), '30,000,000');
    expect(screen.getByText('3,000만원')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '결정 저장' }));

    await screen.findByText('선정 처리했습니다.');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      version: 2,
      action: 'approve',
      amount: 30_000_000,
    });
    await waitFor(() => expect(reads).toBe(2));
  });

  it("shows a rapid-payment account masked, with the bank's refusal", async () => {
    fakeFetch({
      'GET /api/staff/applications/app0000000000000001': () => ({
        status: 200,
        body: {
          application: {
            ...staffApp,
            status: 'approved',
            amount: 2_000_000,
            account: { bankCode: '004', holder: '김하늘', masked: '110-***-***789' },
            paymentFailure: { at: '2026-11-27T01:00:00.000Z', reason: '계좌 번호 오류' },
          },
        },
      }),
    });
    renderAt('/staff/applications/app0000000000000001', '/staff/applications/:id', <StaffApplicationPage />);
    const profile = await screen.findByRole('region', { name: '신청 당시 사업장 정보' });
    expect(profile.textContent).toContain('KB국민은행');
    expect(profile.textContent).toContain('110-***-***789');
    expect(profile.textContent).toContain('지급 실패 사유 (은행): 계좌 번호 오류');
  });

  it('reloads and says so when another decision came first', async () => {
    let reads = 0;
    fakeFetch({
      'GET /api/staff/applications/app0000000000000001': () => {
        reads += 1;
        return { status: 200, body: { application: staffApp } };
      },
      'POST /api/staff/applications/app0000000000000001/decision': () => ({
        status: 409,
        body: { error: { code: 'VERSION_CONFLICT', message: '다른 곳에서 먼저 바뀌었습니다.' } },
      }),
    });
    renderAt('/staff/applications/app0000000000000001', '/staff/applications/:id', <StaffApplicationPage />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: '보완 요청' }));
    await user.type(screen.getByLabelText(/^사유 또는 요청 내용/), '통장 사본을 첨부해 주세요.');
    await user.click(screen.getByRole('button', { name: '결정 저장' }));
    await screen.findByText(/다른 곳에서 먼저 바뀌었습니다. 최신 상태를 불러왔으니/);
    await waitFor(() => expect(reads).toBe(2));
  });
});

describe('program dashboard', () => {
  it('draws each chart as a named image with the same numbers in a table, and the quota used', async () => {
    fakeFetch({
      'GET /api/staff/programs/youth-fund': () => ({ status: 200, body: staffProgram() }),
      'GET /api/staff/programs/youth-fund/applications/stats': () => ({ status: 200, body: stats }),
    });
    renderAt('/staff/programs/youth-fund/dashboard', '/staff/programs/:id/dashboard', <ProgramDashboard />);

    await screen.findByRole('img', { name: '날짜별 신청 수' });
    expect(screen.getByRole('img', { name: '상태별 신청 수' })).toBeTruthy();
    expect(screen.getByRole('img', { name: '시도별 선정 수' })).toBeTruthy();
    const perDay = screen.getByRole('table', { name: '날짜별 신청 수' });
    expect(
      within(perDay)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['날짜건수', '2026년 11월 24일1', '2026년 11월 25일0', '2026년 11월 26일3']);
    const bySido = screen.getByRole('table', { name: '시도별 선정 수' });
    expect(within(bySido).getAllByRole('row')[1]!.textContent).toBe('서울특별시1');
    expect(screen.getByText('3,200만원 / 1억원 사용 (32%)')).toBeTruthy();
    expect(screen.getByText('1 / 10 사용 (10%)')).toBeTruthy();
  });
});

describe('application steps', () => {
  it('follows 접수 → 심사 → 선정 → 지급, with the supplement in the review step and early ends', () => {
    expect(applicationSteps('submitted')).toEqual({
      keys: ['submitted', 'review', 'approved', 'paid'],
      current: 0,
    });
    expect(applicationSteps('supplement-requested')).toEqual({
      keys: ['submitted', 'supplement', 'approved', 'paid'],
      current: 1,
    });
    expect(applicationSteps('paid').current).toBe(3);
    expect(applicationSteps('rejected')).toEqual({ keys: ['submitted', 'review', 'rejected'], current: 2 });
    expect(applicationSteps('withdrawn')).toEqual({ keys: ['submitted', 'withdrawn'], current: 1 });
  });
});
