import { MAX_EMPLOYEES } from '@sbiz24/shared/profile/profile';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import EditProfile from './EditProfile';

const business = {
  brn: '1012134564',
  brnFormatted: '101-21-34564',
  tradeName: '하늘카페',
  stage: 'startup',
  stageLabel: '창업기',
  regionName: '서울특별시 마포구',
  ksicName: '커피 전문점',
  version: 3,
  profile: {
    brn: '1012134564',
    tradeName: '하늘카페',
    representativeName: '김하늘',
    openingDate: '2024-05-20',
    regionCode: '11440',
    ksic: '56221',
    employees: 2,
    flags: {},
    priorSupport: [],
    disasterDamage: [],
  },
};

function reply(status: number, body: unknown) {
  return Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

afterEach(() => vi.unstubAllGlobals());

function renderPage(fetch: ReturnType<typeof vi.fn>) {
  vi.stubGlobal('fetch', fetch);
  render(
    <MemoryRouter initialEntries={['/my/businesses/1012134564/edit']}>
      <Routes>
        <Route path="/my/businesses/:brn/edit" element={<EditProfile />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('EditProfile', () => {
  it('reports every problem of the form at once, in a summary that takes focus and links to the fields', async () => {
    const fetch = vi.fn(() => reply(200, { business }));
    renderPage(fetch);
    const user = userEvent.setup();
    const employees = await screen.findByLabelText(/상시근로자 수/);

    await user.clear(screen.getByLabelText(/상호/));
    await user.clear(employees);
    await user.type(employees, '열두 명');
    await user.clear(screen.getByLabelText(/최고 금리/));
    await user.type(screen.getByLabelText(/최고 금리/), '150');
    await user.click(screen.getByRole('button', { name: '저장' }));

    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const links = within(summary).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([
      expect.stringMatching(/^상호: /),
      expect.stringMatching(/^상시근로자 수 \(명\): 숫자만 입력해 주세요/),
      expect.stringMatching(/^보유 대출의 최고 금리 \(%\): 100 이하/),
    ]);
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '#profile-tradeName',
      '#profile-employees',
      '#profile-highestLoanRate',
    ]);
    await user.click(links[1]!);
    expect(document.activeElement).toBe(employees);
    expect(employees.getAttribute('aria-invalid')).toBe('true');
    // Nothing was sent: the only call is the page's GET.
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("takes its bounds from the shared profile schema (the server's own check)", async () => {
    const fetch = vi.fn(() => reply(200, { business }));
    renderPage(fetch);
    const user = userEvent.setup();
    const employees = await screen.findByLabelText(/상시근로자 수/);

    await user.clear(employees);
    await user.type(employees, String(MAX_EMPLOYEES + 1));
    await user.click(screen.getByRole('button', { name: '저장' }));

    const bound = `${MAX_EMPLOYEES.toLocaleString('en-US')}명 이하`;
    const message = await screen.findByText((text) => text.includes(bound), {
      selector: '.form-hint-invalid',
    });
    expect(employees.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('refuses a planned closure years ahead, next to the field, with the same words as the server', async () => {
    const fetch = vi.fn(() => reply(200, { business }));
    renderPage(fetch);
    const user = userEvent.setup();
    const date = await screen.findByLabelText(/폐업 예정일/);

    await user.type(date, '2999-01-01');
    await user.click(screen.getByRole('button', { name: '저장' }));

    const message = await screen.findByText(/^폐업 예정일은 \d{4}년 12월 31일까지여야 합니다\.$/, {
      selector: '.form-hint-invalid',
    });
    expect(date.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('asks to confirm an employee count above the 소상공인 limit, and sends the confirmation', async () => {
    const fetch = vi.fn((_url: string, init?: RequestInit) =>
      init?.method === 'PATCH'
        ? reply(200, { business: { ...business, version: 4 } })
        : reply(200, { business }),
    );
    renderPage(fetch);
    const user = userEvent.setup();
    const employees = await screen.findByLabelText(/상시근로자 수/);

    await user.clear(employees);
    await user.type(employees, '4');
    expect(screen.queryByLabelText(/인원이 맞습니다/)).toBeNull();
    await user.clear(employees);
    await user.type(employees, '12');
    await user.click(screen.getByRole('button', { name: '저장' }));

    const message = await screen.findByText(
      /상시근로자 12명은 이 업종의 소상공인 기준\(5명 미만\)을 넘습니다/,
      {
        selector: '.form-hint-invalid',
      },
    );
    expect(employees.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect(fetch).toHaveBeenCalledTimes(1);

    await user.click(screen.getByLabelText(/인원이 맞습니다/));
    await user.click(screen.getByRole('button', { name: '저장' }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    const sent = JSON.parse(String((fetch.mock.calls[1] as unknown as [string, RequestInit])[1].body));
    expect(sent).toEqual({ version: 3, changes: { employees: 12, employeesConfirmed: true } });
  });

  it('puts the API’s field problems in the summary and under the fields, and focuses the summary', async () => {
    const fetch = vi.fn((_url: string, init?: RequestInit) =>
      init?.method === 'PATCH'
        ? reply(400, {
            error: {
              code: 'VALIDATION_FAILED',
              message: '입력값이 올바르지 않습니다.',
              details: [{ path: 'changes.plannedClosureDate', message: '폐업 예정일이 너무 멉니다.' }],
            },
          })
        : reply(200, { business }),
    );
    renderPage(fetch);
    const user = userEvent.setup();
    const date = await screen.findByLabelText(/폐업 예정일/);

    await user.type(date, '2027-03-01');
    await user.click(screen.getByRole('button', { name: '저장' }));

    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getByRole('link').textContent).toBe('폐업 예정일이 너무 멉니다.');
    expect(date.getAttribute('aria-invalid')).toBe('true');
  });
});
