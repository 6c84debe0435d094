import type { Rule } from '@sbiz24/shared/rules/types';
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImpactPreview } from './ImpactPreview';

function reply(status: number, body: unknown) {
  return Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

const rule: Rule = { type: 'all', rules: [{ type: 'region', op: 'in', codes: ['11'] }] };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ImpactPreview', () => {
  it('shows the qualifying count by stage once the preview answers', async () => {
    const fetch = vi.fn((url: string) =>
      url.startsWith('/maps/')
        ? reply(404, {})
        : reply(200, {
            total: 1234,
            bySido: { '11': 1000, '26': 234 },
            byStage: { startup: 400, growth: 800, closure: 30, unknown: 4 },
            samples: [],
            rows: 50_000,
            snapshotRunId: 'run-1',
            snapshotAt: '2026-11-27T00:00:00Z',
            snapshotAgeSeconds: 3600,
            asOf: '2026-11-27',
            tookMs: 12,
          }),
    );
    vi.stubGlobal('fetch', fetch);

    render(<ImpactPreview rule={rule} delayMs={0} />);

    await waitFor(() => expect(screen.getByText('1,234곳')).toBeTruthy());
    const [url, init] = fetch.mock.calls.find(([u]) => u === '/api/staff/preview')! as unknown as [
      string,
      RequestInit,
    ];
    expect(url).toBe('/api/staff/preview');
    expect(JSON.parse(init.body as string)).toEqual({ rule });
    expect(screen.getByText('800')).toBeTruthy();
    expect(screen.getByRole('row', { name: '서울특별시 1,000' })).toBeTruthy();
  });

  it('shows a placeholder while the preview API does not exist', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => reply(404, { error: { code: 'NOT_FOUND', message: '없음' } })),
    );

    render(<ImpactPreview rule={rule} delayMs={0} />);

    await waitFor(() => expect(screen.getByText('영향 미리보기는 준비 중입니다.')).toBeTruthy());
  });

  it('asks for a complete rule before previewing, without calling the API', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);

    render(
      <ImpactPreview rule={{ type: 'all', rules: [{ type: 'region', op: 'in', codes: [] }] }} delayMs={0} />,
    );

    expect(screen.getByText('조건을 모두 올바르게 입력하면 미리보기가 표시됩니다.')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('offers a retry when the preview fails with a server error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => reply(500, {})),
    );

    render(<ImpactPreview rule={rule} delayMs={0} />);

    await waitFor(() => expect(screen.getByRole('button', { name: '다시 시도' })).toBeTruthy());
    expect(screen.getByText('일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.')).toBeTruthy();
  });
});
