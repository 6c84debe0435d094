import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Match, MatchesResponse } from '../../api/types';
import { MatchList } from './MatchList';

const result: MatchesResponse = {
  asOf: '2026-11-27',
  stage: 'startup',
  groups: {
    'policy-fund': [
      {
        id: 'youth-fund',
        title: '청년고용연계자금',
        kind: 'policy-fund',
        eligible: true,
        applyEnd: '2026-12-31',
        dDay: 34,
        reasons: [
          {
            path: 'rules.0',
            type: 'range',
            met: true,
            text: '대표자 나이 39세 이하여야 합니다 (현재 32세)',
            textEn: 'Owner aged 39 or under (now 32)',
          },
          {
            path: 'rules.1',
            type: 'flag',
            met: null,
            text: '고용보험 가입 여부를 확인해야 합니다',
            textEn: 'Employment insurance unknown',
          },
        ],
      },
      {
        id: 'general-stability-fund',
        title: '일반경영안정자금',
        kind: 'policy-fund',
        eligible: true,
        applyEnd: '2026-12-03',
        dDay: 6,
        reasons: [
          {
            path: 'rules.0',
            type: 'smallBusiness',
            met: true,
            text: '소상공인이어야 합니다',
            textEn: 'Must be a small business',
          },
        ],
      },
    ],
    support: [
      {
        id: 'smart-store',
        title: '스마트상점 기술보급',
        kind: 'support',
        eligible: true,
        applyEnd: '2026-12-31',
        dDay: 34,
        reasons: [
          { path: 'rules.0', type: 'flag', met: true, text: '스마트기술 도입', textEn: 'Smart tech' },
        ],
      },
    ],
    'disaster-relief': [],
  },
  nearMisses: [
    {
      id: 'employment-insurance-support',
      title: '1인 자영업자 고용보험료 지원',
      kind: 'support',
      change: '직원 수가 1명 미만이면 신청할 수 있습니다',
      changeEn: 'Eligible with fewer than 1 employee',
      blocking: {
        path: 'rules.0',
        type: 'range',
        met: false,
        text: '상시근로자 수가 1명 미만이어야 합니다 (현재 2명)',
        textEn: 'Fewer than 1 employee (now 2)',
      },
    },
  ],
};

function renderList(r: MatchesResponse = result) {
  render(
    <MemoryRouter>
      <MatchList result={r} />
    </MemoryRouter>,
  );
}

describe('MatchList', () => {
  it('groups the eligible programs by kind with counts in the tab names', () => {
    renderList();

    expect(screen.getByRole('tab', { name: '정책자금 (2)' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: '지원사업 (1)' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '재난지원금 (0)' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('받을 수 있는 사업 3건');
    expect(screen.getByRole('heading', { level: 2, name: '받을 수 있는 사업 3건' })).toBeTruthy();
    const panel = screen.getByRole('tabpanel');
    expect(within(panel).getByRole('link', { name: '청년고용연계자금' }).getAttribute('href')).toBe(
      '/programs/youth-fund',
    );
    expect(within(panel).getByRole('link', { name: '일반경영안정자금' })).toBeTruthy();
  });

  it('states each reason with its verdict in words, not colour alone', () => {
    renderList();

    const item = screen.getByRole('link', { name: '청년고용연계자금' }).closest('li')!;
    const reasons = within(item).getAllByRole('listitem');
    expect(reasons.map((r) => r.textContent)).toEqual([
      '✓충족대표자 나이 39세 이하여야 합니다 (현재 32세)',
      '?확인 필요고용보험 가입 여부를 확인해야 합니다',
    ]);
  });

  it('shows the days left before the deadline and says them to screen readers', () => {
    renderList();

    const item = screen.getByRole('link', { name: '일반경영안정자금' }).closest('li')!;
    expect(within(item).getByText('D-6')).toBeTruthy();
    expect(within(item).getByText('마감까지 6일 남음')).toBeTruthy();
  });

  it('switches groups with the tabs and says when a group is empty', async () => {
    const user = userEvent.setup();
    renderList();

    await user.click(screen.getByRole('tab', { name: '재난지원금 (0)' }));

    expect(screen.getByRole('tabpanel').textContent).toBe('지금 받을 수 있는 재난지원금이 없습니다.');
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: '지원사업 (1)' }).getAttribute('aria-selected')).toBe('true');
    expect(
      within(screen.getByRole('tabpanel')).getByRole('link', { name: '스마트상점 기술보급' }),
    ).toBeTruthy();
  });

  it('lists the near misses with the one change that would qualify', () => {
    renderList();

    const section = screen.getByRole('region', { name: '조건 하나만 바뀌면 받을 수 있어요' });
    expect(within(section).getByRole('link', { name: '1인 자영업자 고용보험료 지원' })).toBeTruthy();
    expect(within(section).getByText('직원 수가 1명 미만이면 신청할 수 있습니다')).toBeTruthy();
    expect(within(section).getByText(/막힌 조건: 상시근로자 수가 1명 미만이어야 합니다/)).toBeTruthy();
  });

  it('opens on the first kind that has matches', () => {
    renderList({
      ...result,
      groups: {
        'policy-fund': [],
        support: [],
        'disaster-relief': result.groups['policy-fund'].map((m) => ({
          ...m,
          kind: 'disaster-relief' as const,
        })),
      },
      nearMisses: [],
    });

    expect(screen.getByRole('tab', { name: '재난지원금 (2)' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('가까운 사업이 없습니다.')).toBeTruthy();
  });

  it('leaves out programs the business is not eligible for', () => {
    // The contract says a grouped match is always eligible; the list still guards against one that is not.
    const notEligible = { ...result.groups.support[0]!, eligible: false } as unknown as Match;
    renderList({ ...result, groups: { ...result.groups, support: [notEligible] } });

    expect(screen.getByRole('tab', { name: '지원사업 (0)' })).toBeTruthy();
  });
});

describe('MatchList "one of" groups', () => {
  it('shows the members of a "다음 중 하나" group together, saying one of them is met', () => {
    const grouped: MatchesResponse = {
      ...result,
      groups: {
        'policy-fund': [
          {
            id: 'innovation-growth-fund',
            title: '혁신성장촉진자금',
            kind: 'policy-fund',
            eligible: true,
            applyEnd: null,
            dDay: null,
            reasons: [
              {
                path: 'rules.0',
                type: 'smallBusiness',
                met: true,
                text: '소상공인이어야 합니다',
                textEn: 'x',
              },
              ...['exporter', 'revenueGrowth', 'smartTech'].map((flag, i) => ({
                path: `rules.1.rules.${i}`,
                type: 'flag',
                met: i === 2 ? true : null,
                text: `${flag}에 해당해야 합니다`,
                textEn: flag,
                anyOf: 'rules.1',
              })),
            ],
          },
        ],
        support: [],
        'disaster-relief': [],
      },
      nearMisses: [],
    };
    render(
      <MemoryRouter>
        <MatchList result={grouped} />
      </MemoryRouter>,
    );
    const group = screen.getByText(/다음 중 하나/).closest('li')!;
    expect(group.textContent).toContain('하나 이상 충족');
    const members = within(group).getAllByRole('listitem');
    expect(members.map((m) => m.textContent)).toEqual([
      expect.stringContaining('exporter에 해당해야 합니다'),
      expect.stringContaining('revenueGrowth에 해당해야 합니다'),
      expect.stringContaining('smartTech에 해당해야 합니다'),
    ]);
    // The required condition stays outside the group.
    expect(within(group).queryByText(/소상공인이어야/)).toBeNull();
  });
});
