import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProgramSummary } from '../../api/types';
import Catalog from './Catalog';

function reply(status: number, body: unknown) {
  return Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

const program: ProgramSummary = {
  id: 'youth-fund',
  title: '청년고용연계자금',
  titleEn: null,
  kind: 'policy-fund',
  agencyId: 'semas',
  agencyName: '소상공인시장진흥공단',
  stages: ['startup', 'growth'],
  summary: '대표자가 만 39세 이하인 청년 소상공인에게 운영자금을 빌려 드립니다.',
  summaryEn: null,
  benefit: { description: '최대 1억원', loanLimit: 100_000_000 },
  applyStart: '2026-01-02',
  applyEnd: '2026-12-31',
  status: 'open',
  dDay: 34,
};

function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/programs" element={<Catalog />} />
      </Routes>
    </MemoryRouter>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('Catalog', () => {
  it('sends the filters of the address to the API and lists the results with their count', async () => {
    const fetch = vi.fn(() => reply(200, { items: [program], page: 1, pageSize: 10, total: 1 }));
    vi.stubGlobal('fetch', fetch);

    renderAt('/programs?q=%EC%B2%AD%EB%85%84&stage=startup&openNow=true');

    expect(await screen.findByText('총 1건')).toBeTruthy();
    const url = new URL((fetch.mock.calls[0] as unknown as [string])[0], 'http://x');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: '청년',
      stage: 'startup',
      openNow: 'true',
      page: '1',
      pageSize: '10',
    });
    expect(screen.getByRole('link', { name: '청년고용연계자금' }).getAttribute('href')).toBe(
      '/programs/youth-fund',
    );
    expect(screen.getByText('1억원')).toBeTruthy();
    expect((screen.getByLabelText('생애주기') as HTMLSelectElement).value).toBe('startup');
  });

  it('survives a server error and recovers on retry', async () => {
    const fetch = vi
      .fn()
      .mockImplementationOnce(() =>
        reply(500, { error: { code: 'INTERNAL', message: '일시적인 오류가 발생했습니다.' } }),
      )
      .mockImplementation(() => reply(200, { items: [program], page: 1, pageSize: 10, total: 1 }));
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();

    renderAt('/programs');

    expect((await screen.findByRole('alert')).textContent).toContain('일시적인 오류가 발생했습니다.');
    expect(screen.getByLabelText('검색어')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '다시 시도' }));
    expect(await screen.findByRole('link', { name: '청년고용연계자금' })).toBeTruthy();
  });

  it('says so when nothing matches', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => reply(200, { items: [], page: 1, pageSize: 10, total: 0 })),
    );

    renderAt('/programs?q=없는사업');

    expect(await screen.findByText('조건에 맞는 사업이 없습니다. 검색 조건을 바꿔 보세요.')).toBeTruthy();
  });
});
