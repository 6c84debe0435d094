import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider } from '../../auth/AuthProvider';
import { switchLanguage } from '../../i18n/i18n';
import { business, fakeFetch } from '../../test/applications';
import Notifications from './Notifications';

afterEach(async () => {
  vi.unstubAllGlobals();
  await switchLanguage('ko');
});

const rapidNotice = {
  id: 'n-rapid',
  createdAt: '2026-12-03T01:00:00.000Z',
  kind: 'disaster',
  title: '재난지원금 300만원 신속지급 대상입니다: 집중호우 재난지원금',
  body: "하늘카페는 「집중호우 재난지원금」 신속지급 대상입니다. 받으실 금액은 300만원입니다. '신청하기'에서 입금받을 계좌만 입력하시면 한 번에 신청이 끝납니다.",
  brn: business.brn,
  programId: 'flood-rapid',
  rapid: { programTitle: '집중호우 재난지원금', amountWon: 3_000_000, tradeName: '하늘카페' },
  read: false,
};
const ordinary = {
  id: 'n-plain',
  createdAt: '2026-12-02T01:00:00.000Z',
  kind: 'new-match',
  title: '새로 신청할 수 있는 지원사업: 희망리턴패키지',
  body: '사업장이 「희망리턴패키지」 신청 자격을 갖추었습니다.',
  brn: business.brn,
  programId: 'hope-return',
  read: false,
};

function renderInbox() {
  fakeFetch({
    'GET /api/me/notifications': () => ({
      status: 200,
      body: { items: [rapidNotice, ordinary], unread: 2, cursor: null },
    }),
    'GET /api/me/businesses': () => ({ status: 200, body: { items: [business] } }),
  });
  render(
    <AuthProvider>
      <MemoryRouter>
        <Notifications />
      </MemoryRouter>
    </AuthProvider>,
  );
}

describe('inbox', () => {
  it('links a rapid-payment notice straight to the apply page with 신청하기, and only that one', async () => {
    renderInbox();
    expect(await screen.findByText(/받으실 금액은 300만원입니다/)).toBeTruthy();
    const apply = screen.getAllByRole('link', { name: /: 신청하기$/ });
    expect(apply).toHaveLength(1);
    expect(apply[0]!.textContent).toBe('신청하기');
    expect(apply[0]!.getAttribute('href')).toBe(`/my/businesses/${business.brn}/apply?programs=flood-rapid`);
    expect(screen.getByText('사업장이 「희망리턴패키지」 신청 자격을 갖추었습니다.')).toBeTruthy();
  });

  it('says the rapid-payment notice in English, with the amount', async () => {
    await switchLanguage('en');
    renderInbox();
    expect(
      await screen.findByRole('link', { name: 'Rapid payment of KRW 3 million: 집중호우 재난지원금' }),
    ).toBeTruthy();
    expect(screen.getByText(/you will receive KRW 3 million/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /: Apply$/ }).getAttribute('href')).toBe(
      `/my/businesses/${business.brn}/apply?programs=flood-rapid`,
    );
  });
});
