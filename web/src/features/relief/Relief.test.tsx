import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ApplyPage from '../../pages/owner/ApplyPage';
import { application, business, fakeFetch, form } from '../../test/applications';
import { AccountForm } from './AccountForm';
import { AccountPanel } from './AccountPanel';
import { RapidPaymentPanel } from './RapidPaymentPanel';

afterEach(() => vi.unstubAllGlobals());

describe('account form', () => {
  it('checks the bank and the number before sending, says why next to the field, and focuses it', async () => {
    const onSubmit = vi.fn();
    render(
      <AccountForm
        idPrefix="t"
        initialHolder="김하늘"
        submitLabel="계좌로 신청하기"
        busyLabel="…"
        busy={false}
        onSubmit={onSubmit}
      />,
    );
    const user = userEvent.setup();
    expect((screen.getByLabelText(/^예금주/) as HTMLInputElement).value).toBe('김하늘');
    await user.selectOptions(screen.getByLabelText(/^은행/), '088');
    await user.type(screen.getByLabelText(/^계좌번호/), '110-123');
    await user.click(screen.getByRole('button', { name: '계좌로 신청하기' }));
    const number = screen.getByLabelText(/^계좌번호/);
    expect(document.activeElement).toBe(number);
    expect(number.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(number.getAttribute('aria-describedby')!.split(' ')[0]!)!;
    expect(message.textContent).toContain('10~14자리');
    expect(onSubmit).not.toHaveBeenCalled();

    await user.type(number, '-456789');
    await user.click(screen.getByRole('button', { name: '계좌로 신청하기' }));
    expect(onSubmit).toHaveBeenCalledWith({ bankCode: '088', number: '110-123-456789', holder: '김하늘' });
  });
});

describe('owner account panel', () => {
  it('shows the masked account and the bank reason, and corrects it at the version read', async () => {
    const app = {
      ...application(),
      status: 'approved' as const,
      version: 4,
      amount: 2_000_000,
      account: { bankCode: '088', holder: '김하늘', masked: '110-***-***789' },
      paymentFailure: { at: '2026-12-03T01:00:00.000Z', reason: '예금주 불일치' },
    };
    const { calls } = fakeFetch({
      [`POST /api/me/applications/${app.id}/account`]: () => ({
        status: 200,
        body: {
          application: {
            ...app,
            version: 5,
            paymentFailure: undefined,
            account: { bankCode: '004', holder: '김하늘', masked: '123-***-*****567' },
          },
        },
      }),
    });
    const onChanged = vi.fn();
    render(<AccountPanel app={app} onChanged={onChanged} onConflict={() => false} />);
    const user = userEvent.setup();
    expect(screen.getByText('110-***-***789')).toBeTruthy();
    expect(screen.getByText('신한은행')).toBeTruthy();
    expect(screen.getByText(/예금주 불일치/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '계좌 고치기' }));
    await user.selectOptions(screen.getByLabelText(/^은행/), '004');
    await user.type(screen.getByLabelText(/^계좌번호/), '123456-01-234567');
    await user.click(screen.getByRole('button', { name: '계좌 저장' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls[0]!.body).toEqual({
      version: 4,
      account: { bankCode: '004', number: '123456-01-234567', holder: '김하늘' },
    });
  });
});

describe('staff rapid payment panel', () => {
  it('counts first, asks with the number, then approves batch by batch with a progress bar', async () => {
    const url = 'POST /api/staff/programs/youth-fund/approve-eligible';
    let batch = 0;
    const { calls } = fakeFetch({
      [url]: (body) => {
        const b = body as { dryRun?: boolean; cursor?: string };
        if (b.dryRun)
          return {
            status: 200,
            body: {
              dryRun: true,
              pending: 150,
              approved: 140,
              refused: { NOT_ELIGIBLE: 10 },
              processed: 150,
              cursor: null,
              truncated: false,
            },
          };
        batch += 1;
        return {
          status: 200,
          body: {
            dryRun: false,
            pending: 150,
            approved: batch === 1 ? 95 : 45,
            refused: batch === 1 ? { NOT_ELIGIBLE: 5 } : { NOT_ELIGIBLE: 5 },
            processed: batch === 1 ? 100 : 50,
            cursor: batch === 1 ? 'next' : null,
            truncated: false,
          },
        };
      },
    });
    const onChanged = vi.fn();
    render(<RapidPaymentPanel programId="youth-fund" onChanged={onChanged} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '지원 대상 일괄 승인' }));
    const dialog = await screen.findByRole('dialog', { name: '지원 대상 일괄 승인' });
    expect(dialog.textContent).toContain('대기 150건 가운데 140건을 선정합니다.');
    expect(dialog.textContent).toContain('지금은 자격이 없음: 10');
    expect(calls).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: '140건 선정하기' }));
    await screen.findByText('140건을 선정했습니다.');
    expect(calls.map((c) => c.body)).toEqual([{ dryRun: true }, {}, { cursor: 'next' }]);
    expect(onChanged).toHaveBeenCalled();
  });

  it('shows the progress bar while batches run', async () => {
    let release: () => void = () => undefined;
    fakeFetch({
      'POST /api/staff/programs/youth-fund/approve-eligible': (body) =>
        (body as { dryRun?: boolean }).dryRun
          ? {
              status: 200,
              body: {
                dryRun: true,
                pending: 200,
                approved: 200,
                refused: {},
                processed: 200,
                cursor: null,
                truncated: false,
              },
            }
          : new Promise((resolve) => {
              release = () =>
                resolve({
                  status: 200,
                  body: {
                    dryRun: false,
                    pending: 200,
                    approved: 100,
                    refused: {},
                    processed: 100,
                    cursor: null,
                    truncated: false,
                  },
                });
            }),
    });
    render(<RapidPaymentPanel programId="youth-fund" onChanged={() => undefined} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '지원 대상 일괄 승인' }));
    await user.click(await screen.findByRole('button', { name: '200건 선정하기' }));
    const bar = await screen.findByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('200');
    release();
    await screen.findByText('100건을 선정했습니다.');
  });

  it('offers the next payment file while the server names one, and stops after the last', async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string | URL | Request) => {
        const url = String(input);
        urls.push(url);
        const part = url.includes('cursor=') ? 2 : 1;
        return new Response('\uFEFF은행코드,계좌번호\r\n', {
          status: 200,
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'X-Payment-File-Part': String(part),
            ...(part === 1 ? { 'X-Payment-File-Next': 'eyJjIjoieCIsInAiOjJ9' } : {}),
          },
        });
      }),
    );
    const objectUrls = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = () => 'blob:payment-file';
    URL.revokeObjectURL = () => undefined;
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      render(<RapidPaymentPanel programId="youth-fund" onChanged={() => undefined} />);
      const user = userEvent.setup();
      await user.click(screen.getByRole('button', { name: '지급 파일 내려받기' }));
      const next = await screen.findByRole('button', { name: '다음 지급 파일 내려받기 (2번째 파일)' });
      await user.click(next);
      await waitFor(() => expect(urls).toHaveLength(2));
      expect(urls).toEqual([
        '/api/staff/programs/youth-fund/payments.csv',
        '/api/staff/programs/youth-fund/payments.csv?cursor=eyJjIjoieCIsInAiOjJ9',
      ]);
      await waitFor(() => expect(screen.queryByRole('button', { name: /다음 지급 파일/ })).toBeNull());
      expect(click).toHaveBeenCalledTimes(2);
    } finally {
      click.mockRestore();
      URL.createObjectURL = objectUrls.create;
      URL.revokeObjectURL = objectUrls.revoke;
    }
  });
});

describe('one-click apply to a rapid-payment program', () => {
  it('shows only the account form, holder prefilled, and sends the program with the account', async () => {
    const brn = business.brn;
    const rapid = form({ rapid: { amountWon: 2_000_000, holder: '김하늘' } });
    const { calls } = fakeFetch({
      [`GET /api/me/businesses/${brn}`]: () => ({ status: 200, body: { business } }),
      [`GET /api/me/businesses/${brn}/application-form`]: () => ({
        status: 200,
        body: { programs: [rapid] },
      }),
      [`POST /api/me/businesses/${brn}/applications`]: () => ({
        status: 201,
        body: {
          items: [
            { ...application(), account: { bankCode: '088', holder: '김하늘', masked: '110-***-***789' } },
          ],
        },
      }),
    });
    render(
      <MemoryRouter initialEntries={[`/my/businesses/${brn}/apply?programs=${rapid.programId}`]}>
        <Routes>
          <Route path="/my/businesses/:brn/apply" element={<ApplyPage />} />
        </Routes>
      </MemoryRouter>,
    );
    const user = userEvent.setup();
    const region = await screen.findByRole('region', { name: '지원금을 받을 계좌' });
    expect(region.textContent).toContain('200만원');
    expect(screen.queryByRole('heading', { name: /신청할 사업/ })).toBeNull();
    expect((within(region).getByLabelText(/^예금주/) as HTMLInputElement).value).toBe('김하늘');
    await user.selectOptions(within(region).getByLabelText(/^은행/), '088');
    await user.type(within(region).getByLabelText(/^계좌번호/), '110123456789');
    await user.click(within(region).getByRole('button', { name: '계좌로 신청하기' }));
    await screen.findByRole('link', { name: '신청 현황 보기' });
    const sent = calls.find((c) => c.method === 'POST')!.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      programIds: [rapid.programId],
      account: { bankCode: '088', number: '110123456789', holder: '김하늘' },
    });
  });
});
