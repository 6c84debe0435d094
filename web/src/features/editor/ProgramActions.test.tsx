import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Program } from '../../api/types';
import { ProgramActions } from './ProgramActions';

afterEach(() => vi.unstubAllGlobals());

const draft = { id: 'mapo-digital', title: '마포 디지털 전환 지원', status: 'draft', version: 2 } as Program;

function reply(status: number, body: unknown) {
  return Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

async function publish() {
  const user = userEvent.setup();
  render(
    <>
      <label htmlFor="ex-mustMatch-0-name">예시 이름</label>
      <input id="ex-mustMatch-0-name" />
      <ProgramActions program={draft} dirty={false} onChanged={() => undefined} />
    </>,
  );
  await user.click(screen.getByRole('button', { name: '공고하기' }));
  const dialog = screen.getByRole('dialog', { hidden: true, name: '공고하기' });
  await user.click(within(dialog).getByRole('button', { name: '공고하기', hidden: true }));
  return user;
}

describe('ProgramActions', () => {
  it('moves focus to the problem after a refused publish, with links to the disagreeing examples', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        reply(422, {
          error: {
            code: 'EXAMPLE_MISMATCH',
            message: '예시 사업자 1곳이 규칙과 다르게 판정됩니다.',
            details: [
              {
                list: 'mustMatch',
                index: 0,
                name: '마포 카페',
                expected: true,
                eligible: false,
                reasons: [{ path: 'rules.0', met: false, text: '소재지가 마포구가 아닙니다.' }],
              },
            ],
          },
        }),
      ),
    );
    const user = await publish();

    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(summary.textContent).toContain('예시 사업자 1곳이 규칙과 다르게 판정됩니다.');
    const link = within(summary).getByRole('link');
    expect(link.textContent).toBe('대상이어야 하는 예시 · 마포 카페: 소재지가 마포구가 아닙니다.');
    await user.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText('예시 이름'));
  });

  it('moves focus to the message when publishing fails for another reason', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => reply(500, {})),
    );
    await publish();

    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(summary.textContent).toContain('일시적인 오류');
  });
});
