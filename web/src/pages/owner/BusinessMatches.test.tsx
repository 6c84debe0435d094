import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import BusinessMatches from './BusinessMatches';

afterEach(() => vi.unstubAllGlobals());

describe('BusinessMatches', () => {
  it("shows another owner's business as one refusal, titled in words rather than the number", async () => {
    const message = '사업자를 찾을 수 없습니다. 사업자등록번호를 다시 확인해 주세요.';
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(JSON.stringify({ error: { code: 'BUSINESS_NOT_FOUND', message } }), {
            status: 404,
            headers: { 'Content-Type': 'application/json' },
          }),
        ),
      ),
    );
    render(
      <MemoryRouter initialEntries={['/my/businesses/1012134564']}>
        <Routes>
          <Route path="/my/businesses/:brn" element={<BusinessMatches />} />
        </Routes>
      </MemoryRouter>,
    );

    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('사업장을 볼 수 없습니다');
    expect(await screen.findAllByText(message)).toHaveLength(1);
    expect(screen.queryByText(/1012134564/)).toBeNull();
    expect(screen.queryByRole('button', { name: '다시 시도' })).toBeNull();
    expect(screen.getByRole('link', { name: '내 사업장 목록' }).getAttribute('href')).toBe('/my');
  });
});
