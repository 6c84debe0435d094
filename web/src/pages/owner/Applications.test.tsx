import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MatchList } from '../../features/matches/MatchList';
import { application, business, fakeFetch, form } from '../../test/applications';
import ApplicationDetail from './ApplicationDetail';
import ApplyPage from './ApplyPage';
import MyApplications from './MyApplications';
import SupportHistory from './SupportHistory';

afterEach(() => vi.unstubAllGlobals());

const BRN = business.brn;
const FORM_PATH = `/api/me/businesses/${BRN}/application-form`;
const APPLY_PATH = `/api/me/businesses/${BRN}/applications`;

const youth = form({
  fields: [
    { id: 'tradeName', label: '상호', type: 'text', required: true, prefill: 'tradeName' },
    { id: 'employees', label: '상시근로자 수', type: 'number', required: true, prefill: 'employees', min: 0 },
    { id: 'plan', label: '사업 계획', type: 'text', required: true, maxLength: 500 },
  ],
  answers: { tradeName: '하늘카페', employees: 2 },
  documents: [
    {
      id: 'business-registration',
      kind: 'business-registration',
      label: '사업자등록증명',
      required: true,
      state: 'confirmed',
      source: '사업자 등록 정보(국세청)',
    },
    { id: 'plan-doc', kind: 'upload', label: '사업계획서', required: true, state: 'needed' },
  ],
});
const online = form({ programId: 'online-sales', title: '온라인 판로 지원', applyEnd: null });

function renderApply(programs: string) {
  render(
    <MemoryRouter initialEntries={[`/my/businesses/${BRN}/apply?programs=${programs}`]}>
      <Routes>
        <Route path="/my/businesses/:brn/apply" element={<ApplyPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('통합신청 (ApplyPage)', () => {
  it('shows each program with its questions prefilled and the documents the portal holds as 확인됨', async () => {
    fakeFetch({
      [`GET /api/me/businesses/${BRN}`]: () => ({ status: 200, body: { business } }),
      [`GET ${FORM_PATH}`]: () => ({ status: 200, body: { programs: [youth, online] } }),
    });
    renderApply('youth-fund,online-sales');

    const youthSection = await screen.findByRole('region', { name: '청년고용연계자금' });
    await waitFor(() =>
      expect((within(youthSection).getByLabelText(/^상호/) as HTMLInputElement).value).toBe('하늘카페'),
    );
    expect((within(youthSection).getByLabelText(/^상시근로자 수/) as HTMLInputElement).value).toBe('2');
    expect(within(youthSection).getAllByText('사업장 정보로 미리 채움')).toHaveLength(2);
    const docs = within(youthSection).getAllByRole('listitem');
    expect(docs[0]!.textContent).toContain('확인됨');
    expect(docs[0]!.textContent).toContain('사업자 등록 정보(국세청)');
    expect(docs[1]!.textContent).toContain('제출 필요');
    const onlineSection = screen.getByRole('region', { name: '온라인 판로 지원' });
    expect(within(onlineSection).getByText('이 사업은 추가로 묻는 항목이 없습니다.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '신청할 사업 2개' })).toBeTruthy();
  });

  it('names a missing answer in a summary that links to the field, and sends nothing', async () => {
    const { calls } = fakeFetch({
      [`GET /api/me/businesses/${BRN}`]: () => ({ status: 200, body: { business } }),
      [`GET ${FORM_PATH}`]: () => ({ status: 200, body: { programs: [youth, online] } }),
    });
    renderApply('youth-fund,online-sales');
    const user = userEvent.setup();
    await screen.findByRole('region', { name: '청년고용연계자금' });

    await user.click(screen.getByRole('button', { name: '신청서 제출' }));

    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const link = within(summary).getByRole('link', { name: /사업 계획/ });
    expect(link.textContent).toBe('청년고용연계자금 · 사업 계획: 「사업 계획」 항목을 입력해 주세요.');
    await user.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText(/^사업 계획/));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('shows a refused 통합신청 at each program, with a summary linking to them, and a new key after a change', async () => {
    const failures = [
      {
        programId: 'youth-fund',
        code: 'ALREADY_APPLIED',
        message: '이미 신청한 사업입니다. 진행 중인 신청이 끝난 뒤 다시 신청할 수 있습니다.',
      },
      { programId: 'online-sales', code: 'NOT_ELIGIBLE', message: '지금은 자격 조건을 충족하지 않습니다.' },
    ];
    const { calls } = fakeFetch({
      [`GET /api/me/businesses/${BRN}`]: () => ({ status: 200, body: { business } }),
      [`GET ${FORM_PATH}`]: () => ({ status: 200, body: { programs: [youth, online] } }),
      [`POST ${APPLY_PATH}`]: () => ({
        status: 409,
        body: {
          error: {
            code: 'ALREADY_APPLIED',
            message: '신청할 수 없는 사업이 있습니다.',
            details: { failures },
          },
        },
      }),
    });
    renderApply('youth-fund,online-sales');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/^사업 계획/), '온라인 주문을 늘립니다');
    await user.clear(screen.getByLabelText(/^상시근로자 수/));
    await user.type(screen.getByLabelText(/^상시근로자 수/), '3');

    await user.click(screen.getByRole('button', { name: '신청서 제출' }));

    const summary = await screen.findByRole('alert', { name: /신청하지 못했습니다/ });
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      `청년고용연계자금: ${failures[0]!.message}`,
      `온라인 판로 지원: ${failures[1]!.message}`,
    ]);
    expect(
      within(screen.getByRole('region', { name: '온라인 판로 지원' })).getByText(failures[1]!.message),
    ).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST')!;
    const sent = post.body as {
      programIds: string[];
      answers: Record<string, Record<string, unknown>>;
      idempotencyKey: string;
    };
    expect(sent.programIds).toEqual(['youth-fund', 'online-sales']);
    expect(sent.answers).toEqual({
      'youth-fund': { tradeName: '하늘카페', employees: 3, plan: '온라인 주문을 늘립니다' },
    });
    expect(sent.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{8,64}$/);

    // The same body again replays the same key; dropping a program makes a new request with a new key.
    await user.click(screen.getByRole('button', { name: '신청서 제출' }));
    await user.click(screen.getByRole('button', { name: '「온라인 판로 지원」을 신청 목록에서 빼기' }));
    await user.click(screen.getByRole('button', { name: '신청서 제출' }));
    const keys = calls
      .filter((c) => c.method === 'POST')
      .map((c) => (c.body as { idempotencyKey: string }).idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect((calls.at(-1)!.body as { programIds: string[] }).programIds).toEqual(['youth-fund']);
  });

  it('lists the applications created, linking to each', async () => {
    fakeFetch({
      [`GET /api/me/businesses/${BRN}`]: () => ({ status: 200, body: { business } }),
      [`GET ${FORM_PATH}`]: () => ({ status: 200, body: { programs: [online] } }),
      [`POST ${APPLY_PATH}`]: () => ({
        status: 201,
        body: {
          items: [
            application({
              id: 'app0000000000000009',
              programId: 'online-sales',
              snapshot: { ...application().snapshot, programTitle: '온라인 판로 지원' },
            }),
          ],
        },
      }),
    });
    renderApply('online-sales');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '신청서 제출' }));

    await screen.findByRole('heading', { level: 1, name: '신청이 접수되었습니다' });
    expect(screen.getByRole('link', { name: '온라인 판로 지원' }).getAttribute('href')).toBe(
      '/my/applications/app0000000000000009',
    );
    expect(screen.getByRole('link', { name: '신청 현황 보기' })).toBeTruthy();
  });
});

function Where() {
  const l = useLocation();
  return <p data-testid="where">{l.pathname + l.search}</p>;
}

describe('신청하기 on the matches', () => {
  const match = (id: string, title: string) => ({
    id,
    title,
    titleEn: null,
    kind: 'policy-fund' as const,
    eligible: true as const,
    reasons: [],
    applyEnd: '2026-12-31',
    dDay: 35,
  });
  const result = {
    asOf: '2026-11-26',
    stage: 'startup' as const,
    groups: {
      'policy-fund': [
        match('youth-fund', '청년고용연계자금'),
        match('general-fund', '일반경영안정자금'),
        match('smart-fund', '스마트자금'),
      ],
      support: [],
      'disaster-relief': [],
    },
    nearMisses: [],
  };

  it('applies to one, picks several for one 통합신청, and shows an active application instead', async () => {
    render(
      <MemoryRouter initialEntries={['/m']}>
        <Routes>
          <Route
            path="*"
            element={
              <>
                <MatchList
                  result={result}
                  apply={{
                    brn: BRN,
                    active: { 'smart-fund': { id: 'app0000000000000003', status: 'in-review' } },
                  }}
                />
                <Where />
              </>
            }
          />
        </Routes>
      </MemoryRouter>,
    );
    const user = userEvent.setup();

    expect(screen.getByRole('link', { name: '청년고용연계자금 신청하기' }).getAttribute('href')).toBe(
      `/my/businesses/${BRN}/apply?programs=youth-fund`,
    );
    expect(screen.getByText('신청함: 심사 중')).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: /스마트자금/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: '선택한 사업 한 번에 신청하기' }));
    expect(screen.getByText('함께 신청할 사업을 하나 이상 선택해 주세요.')).toBeTruthy();

    await user.click(
      screen.getByRole('checkbox', { name: '「청년고용연계자금」을 함께 신청할 사업으로 선택' }),
    );
    await user.click(
      screen.getByRole('checkbox', { name: '「일반경영안정자금」을 함께 신청할 사업으로 선택' }),
    );
    expect(screen.getByText('선택한 사업 2개')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '선택한 사업 한 번에 신청하기' }));
    expect(screen.getByTestId('where').textContent).toBe(
      `/my/businesses/${BRN}/apply?programs=youth-fund,general-fund`,
    );
  });
});

function renderDetail() {
  render(
    <MemoryRouter initialEntries={['/my/applications/app0000000000000001']}>
      <Routes>
        <Route path="/my/applications/:id" element={<ApplicationDetail />} />
      </Routes>
    </MemoryRouter>,
  );
}

const asked = application({
  status: 'supplement-requested',
  version: 3,
  supplementRounds: 1,
  timeline: [
    ...application().timeline,
    {
      at: '2026-11-27T01:00:00.000Z',
      action: 'start-review',
      from: 'submitted',
      to: 'in-review',
      actor: 'staff',
      actorId: 'staff-lee',
    },
    {
      at: '2026-11-28T01:00:00.000Z',
      action: 'request-supplement',
      from: 'in-review',
      to: 'supplement-requested',
      actor: 'staff',
      actorId: 'staff-lee',
      message: '최근 3개월 매출 증빙을 첨부해 주세요.',
    },
  ],
});

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a]);

describe('신청 현황 (ApplicationDetail)', () => {
  it('shows the steps, the timeline and the request, and sends the response with an uploaded file', async () => {
    const fileMeta = { id: 'file00000001', name: '매출증빙.pdf', type: 'application/pdf', size: PDF.length };
    const { calls } = fakeFetch({
      'GET /api/me/applications/app0000000000000001': () => ({ status: 200, body: { application: asked } }),
      'POST /api/me/files': () => ({
        status: 200,
        body: {
          file: { ...fileMeta, status: 'pending' },
          upload: {
            url: '/api/dev/uploads/file00000001',
            method: 'POST',
            fields: { key: 'uploads/file00000001' },
            fileField: 'file',
            expiresAt: '2026-11-28T02:00:00.000Z',
            maxBytes: 10 * 1024 * 1024,
          },
        },
      }),
      'POST /api/dev/uploads/file00000001': () => ({ status: 204 }),
      'POST /api/me/files/file00000001/complete': () => ({ status: 200, body: { file: fileMeta } }),
      'POST /api/me/applications/app0000000000000001/supplement': () => ({
        status: 200,
        body: {
          application: application({
            status: 'submitted',
            version: 4,
            supplementRounds: 1,
            timeline: [
              ...asked.timeline,
              {
                at: '2026-11-28T02:00:00.000Z',
                action: 'respond-supplement',
                from: 'supplement-requested',
                to: 'submitted',
                actor: 'owner',
                actorId: 'owner-kim',
                message: '매출 증빙을 첨부합니다.',
                files: [fileMeta as never],
              },
            ],
          }),
        },
      }),
    });
    renderDetail();
    const user = userEvent.setup();

    await screen.findByRole('heading', { level: 1, name: '청년고용연계자금' });
    const steps = screen.getByRole('list', { name: '청년고용연계자금 진행 단계' });
    expect(within(steps).getByRole('listitem', { current: 'step' }).textContent).toContain('보완 요청');
    const request = screen.getByRole('region', { name: '담당 기관의 보완 요청' });
    expect(within(request).getByText('최근 3개월 매출 증빙을 첨부해 주세요.')).toBeTruthy();

    // A text file named .pdf is refused from its content, before anything is uploaded.
    const fileInput = screen.getByLabelText(/^첨부 파일/) as HTMLInputElement;
    await user.upload(fileInput, new File(['<html>'], '가짜.pdf', { type: 'application/pdf' }));
    await screen.findByText('가짜.pdf: PDF, JPG, PNG 파일만 올릴 수 있습니다(파일 내용으로 확인합니다).');
    expect(calls.some((c) => c.url === '/api/me/files')).toBe(false);

    await user.upload(fileInput, new File([PDF], '매출증빙.pdf', { type: 'application/pdf' }));
    await screen.findByRole('button', { name: '매출증빙.pdf 삭제' });
    await user.type(screen.getByLabelText(/^보완 내용/), '매출 증빙을 첨부합니다.');
    await user.click(screen.getByRole('button', { name: '보완 자료 제출' }));

    await screen.findByText('보완 자료를 제출했습니다. 담당 기관이 다시 심사합니다.');
    const ticket = calls.find((c) => c.url === '/api/me/files')!;
    expect(ticket.body).toEqual({ name: '매출증빙.pdf', type: 'application/pdf', size: PDF.length });
    const sent = calls.find((c) => c.url.endsWith('/supplement'))!.body;
    expect(sent).toEqual({ version: 3, message: '매출 증빙을 첨부합니다.', files: ['file00000001'] });
    expect(screen.queryByRole('region', { name: '담당 기관의 보완 요청' })).toBeNull();
    expect(screen.getAllByText('보완 제출').length).toBeGreaterThan(0);
  });

  it('asks before withdrawing, and says when the application changed elsewhere first', async () => {
    let reads = 0;
    const { calls } = fakeFetch({
      'GET /api/me/applications/app0000000000000001': () => {
        reads += 1;
        return { status: 200, body: { application: application({ version: reads }) } };
      },
      'POST /api/me/applications/app0000000000000001/withdraw': () => ({
        status: 409,
        body: { error: { code: 'VERSION_CONFLICT', message: '다른 곳에서 먼저 바뀌었습니다.' } },
      }),
    });
    renderDetail();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '신청 취소' }));
    const dialog = screen.getByRole('dialog', { name: '신청을 취소할까요?' });
    expect(dialog.textContent).toContain('「청년고용연계자금」을 취소하면');
    await user.click(within(dialog).getByRole('button', { name: '신청 취소' }));

    await screen.findByText(/다른 곳에서 먼저 바뀌었습니다. 최신 상태를 불러왔으니/);
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ version: 1 });
    await waitFor(() => expect(reads).toBe(2));
  });
});

describe('신청 현황 and 지원 이력 lists', () => {
  it('lists each business’s applications with their steps, and says when a supplement is asked for', async () => {
    fakeFetch({
      'GET /api/me/businesses': () => ({ status: 200, body: { items: [business] } }),
      [`GET ${APPLY_PATH}`]: () => ({
        status: 200,
        body: {
          items: [
            asked,
            application({ id: 'app0000000000000002', status: 'approved', amount: 32_000_000, version: 3 }),
          ],
          cursor: null,
        },
      }),
    });
    render(<MyApplications />, { wrapper: MemoryRouter });

    const section = await screen.findByRole('region', { name: /하늘카페/ });
    await within(section).findByText('보완 요청이 있습니다. 내용을 확인하고 보완 자료를 제출해 주세요.');
    expect(within(section).getByText('3,200만원')).toBeTruthy();
    expect(within(section).getAllByRole('list', { name: '청년고용연계자금 진행 단계' })).toHaveLength(2);
    expect(within(section).getByRole('link', { name: '하늘카페 지원 이력' }).getAttribute('href')).toBe(
      `/my/businesses/${BRN}/history`,
    );
  });

  it('tells portal awards from self-reported support', async () => {
    fakeFetch({
      [`GET /api/me/businesses/${BRN}`]: () => ({ status: 200, body: { business } }),
      [`GET /api/me/businesses/${BRN}/support-history`]: () => ({
        status: 200,
        body: {
          items: [
            {
              programId: 'youth-fund',
              programTitle: '청년고용연계자금',
              year: 2026,
              amount: 32_000_000,
              source: 'portal',
              sourceLabel: '포털 선정',
              applicationId: 'app0000000000000002',
            },
            { programId: 'hope-return-closure', year: 2024, source: 'self', sourceLabel: '자가 입력' },
          ],
        },
      }),
    });
    render(
      <MemoryRouter initialEntries={[`/my/businesses/${BRN}/history`]}>
        <Routes>
          <Route path="/my/businesses/:brn/history" element={<SupportHistory />} />
        </Routes>
      </MemoryRouter>,
    );
    const table = await screen.findByRole('table', { name: '지원 이력 (최신순)' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      '2026청년고용연계자금3,200만원포털 선정',
      '2024hope-return-closure—자가 입력',
    ]);
    expect(within(rows[0]!).getByRole('link').getAttribute('href')).toBe(
      '/my/applications/app0000000000000002',
    );
  });

  it('adds support received elsewhere: checks the fields first, sends program, year and version, shows a refusal', async () => {
    let history: unknown[] = [];
    const { calls } = fakeFetch({
      [`GET /api/me/businesses/${BRN}`]: () => ({ status: 200, body: { business } }),
      [`GET /api/me/businesses/${BRN}/support-history`]: () => ({ status: 200, body: { items: history } }),
      'GET /api/programs': () => ({
        status: 200,
        body: {
          items: [
            {
              id: 'hope-return-closure',
              title: '희망리턴패키지',
              titleEn: null,
              kind: 'support',
              agencyId: 'semas',
              agencyName: '소상공인시장진흥공단',
              stages: ['closure'],
              summary: '폐업 소상공인의 재기를 돕습니다.',
              summaryEn: null,
              benefit: { description: '재기 지원' },
              applyStart: null,
              applyEnd: null,
              status: 'open',
              dDay: null,
            },
          ],
          total: 1,
          page: 1,
          pageSize: 100,
        },
      }),
      [`POST /api/me/businesses/${BRN}/support-history`]: (body) => {
        const { year } = body as { year: number };
        if (year === 2023)
          return {
            status: 409,
            body: {
              error: { code: 'SUPPORT_EXISTS', message: '같은 사업·연도의 지원 이력이 이미 있습니다.' },
            },
          };
        history = [
          {
            programId: 'hope-return-closure',
            programTitle: '희망리턴패키지',
            year,
            source: 'self',
            sourceLabel: '자가 입력',
          },
        ];
        return { status: 201, body: { items: history } };
      },
    });
    render(
      <MemoryRouter initialEntries={[`/my/businesses/${BRN}/history`]}>
        <Routes>
          <Route path="/my/businesses/:brn/history" element={<SupportHistory />} />
        </Routes>
      </MemoryRouter>,
    );
    const user = userEvent.setup();
    const form = await screen.findByRole('region', { name: '다른 곳에서 받은 지원 입력' });
    await user.clear(within(form).getByLabelText(/^지원받은 연도/));
    await user.type(within(form).getByLabelText(/^지원받은 연도/), '1980');
    await user.click(within(form).getByRole('button', { name: '지원 이력에 추가' }));
    expect(within(form).getByText('사업을 선택해 주세요.')).toBeTruthy();
    expect(within(form).getByText(/연도는 1990년부터/)).toBeTruthy();
    expect(document.activeElement).toBe(within(form).getByLabelText(/^사업/));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await within(form).findByRole('option', { name: '희망리턴패키지' });
    await user.selectOptions(within(form).getByLabelText(/^사업/), 'hope-return-closure');
    await user.clear(within(form).getByLabelText(/^지원받은 연도/));
    await user.type(within(form).getByLabelText(/^지원받은 연도/), '2023');
    await user.click(within(form).getByRole('button', { name: '지원 이력에 추가' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      '같은 사업·연도의 지원 이력이 이미 있습니다.',
    );

    await user.clear(within(form).getByLabelText(/^지원받은 연도/));
    await user.type(within(form).getByLabelText(/^지원받은 연도/), '2024');
    await user.click(within(form).getByRole('button', { name: '지원 이력에 추가' }));
    expect((await within(form).findByRole('status')).textContent).toBe(
      '2024년 「희망리턴패키지」를 지원 이력에 추가했습니다.',
    );
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.at(-1)!.body).toEqual({
      version: business.version,
      programId: 'hope-return-closure',
      year: 2024,
    });
    const table = await screen.findByRole('table', { name: '지원 이력 (최신순)' });
    expect(within(table).getAllByRole('row')[1]!.textContent).toBe('2024희망리턴패키지—자가 입력');
  });
});
