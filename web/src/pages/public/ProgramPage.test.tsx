import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider } from '../../auth/AuthProvider';
import ProgramPage from './ProgramPage';

afterEach(() => vi.unstubAllGlobals());

function renderAt(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
      ),
    ),
  );
  render(
    <AuthProvider>
      <MemoryRouter initialEntries={['/programs/no-such-program']}>
        <Routes>
          <Route path="/programs/:id" element={<ProgramPage />} />
        </Routes>
      </MemoryRouter>
    </AuthProvider>,
  );
}

describe('ProgramPage', () => {
  it('says that a missing program does not exist, with the way back to the catalog and no retry', async () => {
    renderAt(404, { error: { code: 'NOT_FOUND', message: '지원사업을 찾을 수 없습니다.' } });

    expect(await screen.findByRole('heading', { level: 1, name: '없는 사업입니다' })).toBeTruthy();
    const links = screen.getAllByRole('link', { name: '지원사업 찾기' });
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/programs', '/programs']);
    expect(screen.queryByRole('button', { name: '다시 시도' })).toBeNull();
  });

  it('offers a retry when the server fails', async () => {
    renderAt(500, {});

    expect(await screen.findByRole('button', { name: '다시 시도' })).toBeTruthy();
  });
});
