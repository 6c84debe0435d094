import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AlertSettings from './AlertSettings';

const settings = {
  version: 0,
  channels: { email: true, sms: false },
  kinds: { newMatch: true, deadline: true, application: true, disaster: true },
  quietHours: { start: '21:00', end: '08:00' },
  disasterIgnoresQuietHours: true,
  digest: 'none',
  phone: null,
  email: null,
  pendingEmail: null,
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
    <MemoryRouter>
      <AlertSettings />
    </MemoryRouter>,
  );
}

describe('AlertSettings', () => {
  it('saves the chosen channels, kinds and digest with the version it read', async () => {
    const fetch = vi.fn((_url: string, init?: RequestInit) =>
      init?.method === 'PUT'
        ? reply(200, { ...settings, ...JSON.parse(String(init.body)), version: 1 })
        : reply(200, settings),
    );
    renderPage(fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText('문자(알림톡)'));
    await user.type(screen.getByLabelText('휴대전화 번호'), '010-2345-6789');
    await user.click(screen.getByLabelText('신청 마감'));
    await user.click(screen.getByLabelText(/한 주에 한 번 모아 받기/));
    await user.click(screen.getByRole('button', { name: '저장' }));
    expect(await screen.findByText('알림 설정을 저장했습니다.')).toBeTruthy();
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(JSON.parse(String(put[1]!.body))).toEqual({
      ...settings,
      channels: { email: true, sms: true },
      kinds: { ...settings.kinds, deadline: false },
      digest: 'weekly',
      phone: '010-2345-6789',
      email: undefined,
      pendingEmail: undefined,
    });
  });

  it('shows the server’s message at the phone field when it refuses the number', async () => {
    const fetch = vi.fn((_url: string, init?: RequestInit) =>
      init?.method === 'PUT'
        ? reply(400, {
            error: {
              code: 'VALIDATION_FAILED',
              message: '입력값이 올바르지 않습니다.',
              details: [{ path: 'phone', message: '문자 알림을 받으려면 휴대전화 번호를 입력해 주세요.' }],
            },
          })
        : reply(200, settings),
    );
    renderPage(fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText('문자(알림톡)'));
    await user.click(screen.getByRole('button', { name: '저장' }));
    const phone = screen.getByLabelText('휴대전화 번호');
    expect(await screen.findByText('문자 알림을 받으려면 휴대전화 번호를 입력해 주세요.')).toBeTruthy();
    expect(phone.getAttribute('aria-invalid')).toBe('true');
  });

  it('sends a code to a new address and verifies it', async () => {
    const fetch = vi.fn((url: string, _init?: RequestInit) => {
      if (url === '/api/me/contacts/email')
        return reply(202, {
          address: 'owner@example.com',
          expiresAt: '2026-12-03T01:10:00Z',
          resendAfter: '2026-12-03T01:01:00Z',
        });
      if (url === '/api/me/contacts/email/verify')
        return reply(200, { ...settings, email: { address: 'owner@example.com', verified: true } });
      return reply(200, settings);
    });
    renderPage(fetch);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('새 전자우편 주소'), 'owner@example.com');
    await user.click(screen.getByRole('button', { name: '인증번호 받기' }));
    expect(await screen.findByText(/owner@example.com 주소로 보냈습니다/)).toBeTruthy();
    await user.type(screen.getByLabelText('인증번호 6자리'), '123456');
    await user.click(screen.getByRole('button', { name: '인증하기' }));
    expect(await screen.findByText('owner@example.com (인증됨)')).toBeTruthy();
    const verify = fetch.mock.calls.find(([url]) => url === '/api/me/contacts/email/verify')!;
    expect(JSON.parse(String(verify[1]!.body))).toEqual({ code: '123456' });
  });

  it('shows a wrong code at the code field, tied to it by aria-describedby', async () => {
    const fetch = vi.fn((url: string, _init?: RequestInit) => {
      if (url === '/api/me/contacts/email')
        return reply(202, {
          address: 'owner@example.com',
          expiresAt: '2026-12-03T01:10:00Z',
          resendAfter: '2026-12-03T01:01:00Z',
        });
      if (url === '/api/me/contacts/email/verify')
        return reply(422, {
          error: {
            code: 'CODE_MISMATCH',
            message: '인증번호가 맞지 않습니다.',
            details: { attemptsLeft: 4 },
          },
        });
      return reply(200, settings);
    });
    renderPage(fetch);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('새 전자우편 주소'), 'owner@example.com');
    await user.click(screen.getByRole('button', { name: '인증번호 받기' }));
    await user.type(await screen.findByLabelText('인증번호 6자리'), '000000');
    await user.click(screen.getByRole('button', { name: '인증하기' }));
    const message = await screen.findByText('인증번호가 맞지 않습니다.');
    const code = screen.getByLabelText('인증번호 6자리');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(code.getAttribute('aria-describedby')?.split(' ')).toContain(message.closest('[id]')!.id);
    expect(screen.queryByText('owner@example.com (인증됨)')).toBeNull();
  });
});
