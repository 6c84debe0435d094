import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContractDriftError } from './check-answer';
import { api } from './client';

function reply(status: number, body: unknown) {
  return Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client in development and tests', () => {
  it('returns an answer that matches the contract', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => reply(200, { status: 'ok', time: '2026-11-26T01:00:00.000Z' })),
    );

    await expect(api('/api/health')).resolves.toEqual({ status: 'ok', time: '2026-11-26T01:00:00.000Z' });
  });

  it('fails on an answer that drifted from the contract, naming the field', async () => {
    // `titleEn` absent instead of null: the drift the hand-copied types once hid.
    const drifted = {
      items: [{ id: 'youth-fund', title: '청년고용연계자금', kind: 'policy-fund' }],
      page: 1,
      pageSize: 20,
      total: 1,
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(() => reply(200, drifted)),
    );

    const failure = api('/api/programs?kind=policy-fund');
    await expect(failure).rejects.toBeInstanceOf(ContractDriftError);
    await expect(failure).rejects.toThrow(/items\.0\.titleEn/);
  });

  it('checks by the route template, so a concrete id finds its schema', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => reply(200, { program: { id: 'x' } })),
    );

    await expect(api('/api/programs/youth-fund')).rejects.toBeInstanceOf(ContractDriftError);
  });
});
