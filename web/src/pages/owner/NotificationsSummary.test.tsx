import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Notifications from './Notifications';

vi.mock('../../auth/AuthProvider', () => ({ useAuth: () => ({ refreshUnread: () => undefined }) }));

function reply(status: number, body: unknown) {
  return Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

afterEach(() => vi.unstubAllGlobals());

const summary = {
  id: 'sum-1',
  createdAt: '2026-12-03T05:00:00.000Z',
  kind: 'system',
  title: '가입 전 소식 1,215건을 모았습니다',
  body: '가입 전에 새로 맞는 지원사업 1,212건, 마감이 다가오는 지원사업 3건이 있습니다.',
  read: false,
  summary: { 'new-match': 1212, deadline: 3 },
};
const folded = {
  id: 'n-1',
  createdAt: '2026-12-01T01:00:00.000Z',
  kind: 'new-match',
  title: '청년고용연계자금',
  body: '신청할 수 있습니다.',
  programId: 'youth-fund',
  read: true,
};

describe('the inbox after a first sign-in', () => {
  it('shows the summary as one unread item with counts by kind and a link to the matches', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        String(url).includes('/api/me/notifications')
          ? reply(200, { items: [summary, folded], unread: 1, cursor: null })
          : reply(200, { items: [] }),
      ),
    );
    render(
      <MemoryRouter>
        <Notifications />
      </MemoryRouter>,
    );
    const title = await screen.findByRole('heading', { name: '가입 전 소식 1,215건을 모았습니다' });
    const card = title.closest('li')!;
    expect(within(card).getByText('새 알림')).toBeTruthy();
    const counts = within(card).getByRole('list', { name: '종류별 건수' });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['새로 맞는 지원사업 1,212건', '마감이 다가오는 지원사업 3건']);
    expect(
      within(card).getByRole('link', { name: '내 사업장에서 맞는 지원사업 보기' }).getAttribute('href'),
    ).toBe('/my');
    expect(screen.getByText('읽지 않은 알림 1건')).toBeTruthy();
    // The folded ones are still listed, read (no "새 알림" mark, no "읽음으로 표시" button).
    const old = screen.getByRole('link', { name: '청년고용연계자금' }).closest('li')!;
    expect(within(old).queryByText('새 알림')).toBeNull();
    expect(within(old).queryByRole('button')).toBeNull();
  });
});
