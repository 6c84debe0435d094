import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ClaimBusiness from './ClaimBusiness';

function reply(status: number, body: unknown) {
  return Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

afterEach(() => vi.unstubAllGlobals());

async function fill(user: ReturnType<typeof userEvent.setup>, brn: string, name: string) {
  await user.type(screen.getByLabelText(/사업자등록번호/), brn);
  await user.type(screen.getByLabelText(/대표자 성명/), name);
  await user.type(screen.getByLabelText(/개업일/), '2021-06-14');
  await user.click(screen.getByRole('button', { name: '입력 내용 확인' }));
  await user.click(screen.getByRole('button', { name: '등록하기' }));
}

/** The step the indicator marks as current. */
function currentStep(): string | null | undefined {
  return document.querySelector('[aria-current="step"] .step-tit')?.textContent;
}

/** A claimed business as the API returns it (the contract checks every reply in tests). */
const CLAIMED = {
  business: {
    brn: '3014111117',
    brnFormatted: '301-41-11117',
    tradeName: '팔달편의점',
    stage: 'growth',
    stageLabel: '성장기',
    regionName: '경기도 수원시 팔달구',
    ksicName: '편의점',
    version: 2,
    profile: {
      brn: '3014111117',
      tradeName: '팔달편의점',
      representativeName: '홍길동',
      openingDate: '2019-03-04',
      regionCode: '41115',
      ksic: '47121',
      flags: {},
      priorSupport: [],
      disasterDamage: [],
    },
  },
};

describe('ClaimBusiness', () => {
  it('validates the check digit as the number is typed and ties the message to the field', async () => {
    const user = userEvent.setup();
    render(<ClaimBusiness />, { wrapper: MemoryRouter });

    const input = screen.getByLabelText(/사업자등록번호/);
    await user.type(input, '220-81-62518');

    const message = screen.getByText(/검증번호 불일치/);
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('says clearly when the name or opening date does not match the registry', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        reply(422, {
          error: {
            code: 'CLAIM_MISMATCH',
            message: '대표자명 또는 개업일이 사업자 등록 정보와 일치하지 않습니다',
          },
        }),
      ),
    );
    const user = userEvent.setup();
    render(<ClaimBusiness />, { wrapper: MemoryRouter });

    await fill(user, '3014111117', '홍길동');

    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('일치하지 않습니다'));
    expect(document.activeElement).toBe(screen.getByRole('alert'));
    expect(currentStep()).toBe('사업자 정보 입력');
  });

  it('names every missing field at once in a summary that takes focus and links to the fields', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    render(<ClaimBusiness />, { wrapper: MemoryRouter });

    await user.click(screen.getByRole('button', { name: '입력 내용 확인' }));

    const summary = screen.getByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const links = within(summary).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '#claim-brn',
      '#claim-representativeName',
      '#claim-openingDate',
    ]);
    expect(links[0]?.textContent).toMatch(/^사업자등록번호/);
    expect(links[1]?.textContent).toMatch(/^대표자 성명/);
    await user.click(links[2]!);
    expect(document.activeElement).toBe(screen.getByLabelText(/개업일/));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('moves the step indicator through input, check and done', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => reply(201, CLAIMED)),
    );
    const user = userEvent.setup();
    render(<ClaimBusiness />, { wrapper: MemoryRouter });
    expect(currentStep()).toBe('사업자 정보 입력');

    await user.type(screen.getByLabelText(/사업자등록번호/), '3014111117');
    await user.type(screen.getByLabelText(/대표자 성명/), '김하늘');
    await user.type(screen.getByLabelText(/개업일/), '2021-06-14');
    await user.click(screen.getByRole('button', { name: '입력 내용 확인' }));

    expect(currentStep()).toBe('등록 정보 확인');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: '등록 정보 확인' }));
    expect(screen.getByText('301-41-11117')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '등록하기' }));

    await screen.findByText('사업장이 등록되었습니다');
    expect(currentStep()).toBe('등록 완료');
    expect(document.querySelectorAll('.krds-step-wrap li.done')).toHaveLength(2);
  });

  it('puts an unknown number under the number field', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        reply(404, { error: { code: 'BUSINESS_NOT_FOUND', message: '사업자를 찾을 수 없습니다.' } }),
      ),
    );
    const user = userEvent.setup();
    render(<ClaimBusiness />, { wrapper: MemoryRouter });

    await fill(user, '220-81-62517', '홍길동');

    const message = await screen.findByText('사업자를 찾을 수 없습니다.');
    expect(screen.getByLabelText(/사업자등록번호/).getAttribute('aria-describedby')).toContain(message.id);
  });

  it('shows the registered business and the way to its programs', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => reply(201, CLAIMED)),
    );
    const user = userEvent.setup();
    render(<ClaimBusiness />, { wrapper: MemoryRouter });

    await fill(user, '3014111117', '김하늘');

    expect(await screen.findByText('사업장이 등록되었습니다')).toBeTruthy();
    expect(screen.getByRole('link', { name: '맞춤 지원사업 보기' }).getAttribute('href')).toBe(
      '/my/businesses/3014111117',
    );
  });
});
