import type { DamageImportResponse } from '@sbiz24/shared/contract/relief';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DamageImportPage from './DamageImportPage';

afterEach(() => vi.unstubAllGlobals());

const flood = {
  id: '2026-07-flood',
  name: '2026년 7월 집중호우',
  kind: 'heavy-rain',
  regionCodes: ['11110'],
  startDate: '2026-07-10',
  endDate: '2026-07-20',
  specialArea: true,
};

const answer = (dryRun: boolean, over: Partial<DamageImportResponse> = {}): DamageImportResponse => ({
  dryRun,
  encoding: 'utf-8',
  counts: { total: 3, new: 2, updated: 0, unchanged: 0, rejected: 1 },
  rejectedBy: { BRN_CHECK_DIGIT: 1 },
  errors: [
    {
      line: 3,
      code: 'BRN_CHECK_DIGIT',
      message: '사업자등록번호의 검증번호가 맞지 않습니다. 번호를 다시 확인해 주세요.',
    },
  ],
  errorsTruncated: false,
  ...over,
});

function serve(answers: { dry: DamageImportResponse; real: DamageImportResponse }) {
  const posts: { url: string; type: string; body: string }[] = [];
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/disasters') return Response.json({ items: [flood] });
    if (url.includes('/damage-imports')) {
      const headers = init?.headers as Record<string, string>;
      posts.push({
        url,
        type: headers['Content-Type']!,
        body: new TextDecoder().decode(init?.body as Uint8Array),
      });
      return Response.json(url.endsWith('dryRun=true') ? answers.dry : answers.real);
    }
    return new Response('', { status: 404 });
  });
  vi.stubGlobal('fetch', fetch);
  return posts;
}

function renderPage(id = flood.id) {
  render(
    <MemoryRouter initialEntries={[`/staff/disasters/${id}/damage-imports`]}>
      <Routes>
        <Route path="/staff/disasters/:id/damage-imports" element={<DamageImportPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

const FILE = [
  '사업자등록번호,피해확인일',
  '1234567891,2026-07-12',
  '1234567890,2026-07-12',
  '2208162517,2026-07-13',
];

describe('DamageImportPage', () => {
  it('previews the file (counts and rejected lines), then applies it with a progress bar', async () => {
    const posts = serve({
      dry: answer(true),
      real: answer(false),
    });
    const user = userEvent.setup();
    renderPage();
    const input = await screen.findByLabelText(/^명단 파일 \(CSV\)/);
    expect(input.getAttribute('aria-describedby')).toContain('damage-file-hint');
    expect(screen.getByText(/최대 5MB·120,000행/)).toBeTruthy();
    await user.upload(input, new File([FILE.join('\n')], 'list.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: '미리 보기' }));

    const heading = await screen.findByRole('heading', { name: /미리 보기 결과/ });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(posts).toHaveLength(1);
    expect(posts[0]!.url).toBe('/api/staff/disasters/2026-07-flood/damage-imports?dryRun=true');
    expect(posts[0]!.type).toBe('text/csv');
    expect(posts[0]!.body.split('\n').slice(0, 4)).toEqual(FILE);
    const rejected = screen.getByRole('table', { name: '거부된 줄' });
    const row = within(rejected).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('3');
    expect(row.textContent).toContain('사업자등록번호 검증번호 오류');
    expect(screen.getByRole('table', { name: '거부 사유별' }).textContent).toContain('1');

    await user.click(screen.getByRole('button', { name: '반영하기' }));
    const done = await screen.findByRole('heading', { name: '반영했습니다' });
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(posts.map((p) => p.url.split('?')[1])).toEqual(['dryRun=true', 'dryRun=false']);
    expect(screen.queryByRole('button', { name: '반영하기' })).toBeNull();
  });

  it('shows the progress as a determinate progressbar while the chunks are sent', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url === '/api/disasters') return Response.json({ items: [flood] });
        await gate;
        return Response.json(answer(true));
      }),
    );
    const user = userEvent.setup();
    renderPage();
    await user.upload(
      await screen.findByLabelText(/^명단 파일 \(CSV\)/),
      new File([FILE.join('\n')], 'list.csv', { type: 'text/csv' }),
    );
    await user.click(screen.getByRole('button', { name: '미리 보기' }));
    const bar = await screen.findByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('3');
    expect(bar.getAttribute('aria-valuetext')).toBe('3행 중 0행');
    release();
    await screen.findByRole('heading', { name: /미리 보기 결과/ });
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('refuses a file that is not CSV or too large next to the field, without sending it', async () => {
    const posts = serve({ dry: answer(true), real: answer(false) });
    const user = userEvent.setup({ applyAccept: false });
    renderPage();
    const input = await screen.findByLabelText(/^명단 파일 \(CSV\)/);
    await user.upload(input, new File(['x'], 'photo.png', { type: 'image/png' }));
    await user.click(screen.getByRole('button', { name: '미리 보기' }));
    expect(await screen.findByText('CSV 파일(.csv)만 올릴 수 있습니다.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('damage-file-msg');
    const big = new File(['a'], 'big.csv', { type: 'text/csv' });
    Object.defineProperty(big, 'size', { value: 5 * 1024 * 1024 + 1 });
    await user.upload(input, big);
    expect(await screen.findByText('파일이 5MB보다 큽니다. 나누어 올려 주세요.')).toBeTruthy();
    expect(posts).toEqual([]);
  });

  it('says beside the field why the server refused the whole file, and focuses it', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url === '/api/disasters') return Response.json({ items: [flood] });
        const message =
          '첫 줄에 사업자등록번호와 피해확인일 열이 모두 있어야 합니다. 양식의 제목 줄을 확인해 주세요.';
        return Response.json(
          { error: { code: 'DAMAGE_FILE_NO_COLUMNS', message, details: [{ path: 'file', message }] } },
          { status: 400 },
        );
      }),
    );
    const user = userEvent.setup();
    renderPage();
    const input = await screen.findByLabelText(/^명단 파일 \(CSV\)/);
    await user.upload(input, new File(['사업자등록번호,상호\n1,2'], 'list.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: '미리 보기' }));
    expect(await screen.findByText(/첫 줄에 사업자등록번호와 피해확인일 열이/)).toBeTruthy();
    expect(input.getAttribute('aria-describedby')).toContain('damage-file-msg');
    await waitFor(() => expect(document.activeElement).toBe(input));
  });

  it('says so for a disaster that was never declared', async () => {
    serve({ dry: answer(true), real: answer(false) });
    renderPage('no-such-disaster');
    expect(await screen.findByText('선포된 재난 가운데 없는 재난입니다.')).toBeTruthy();
  });
});
