import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DeclareDisaster from './DeclareDisaster';

afterEach(() => vi.unstubAllGlobals());

describe('DeclareDisaster', () => {
  it('lists every problem at once, each naming its field and linking to it, and focuses the list', async () => {
    const fetch = vi.fn((_url: string) => Promise.resolve(new Response('', { status: 404 })));
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    render(<DeclareDisaster />, { wrapper: MemoryRouter });

    await user.click(screen.getByRole('button', { name: '선포하기' }));

    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(summary.contains(document.activeElement)).toBe(true));
    const links = within(summary).getAllByRole('link');
    const texts = links.map((a) => a.textContent ?? '');
    expect(texts.some((x) => x.startsWith('재난 이름'))).toBe(true);
    expect(texts.some((x) => x.startsWith('시작일'))).toBe(true);
    expect(texts.some((x) => x.startsWith('피해 지역 (시군구)'))).toBe(true);
    const startLink = links.find((a) => a.textContent?.startsWith('시작일'))!;
    await user.click(startLink);
    expect(document.activeElement).toBe(screen.getByLabelText(/^시작일/));
    // Only the maps were asked for: nothing was declared.
    expect(fetch.mock.calls.every(([url]) => String(url).startsWith('/maps/'))).toBe(true);
  });
});
