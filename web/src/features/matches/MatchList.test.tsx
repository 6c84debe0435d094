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
        titleEn: 'Youth fund',
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
        titleEn: null,
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
        titleEn: null,
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
      titleEn: null,
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
  /** Like 재도전특별자금: a restart, or (closure stage and Hope Return support) together; no tax arrears. */
  function groupedResult(members: { met: boolean | null; path: string; text: string }[]): MatchesResponse {
    return {
      ...result,
      groups: {
        'policy-fund': [
          {
            id: 'rechallenge-fund',
            title: '재도전특별자금',
            titleEn: 'Re-challenge fund',
            kind: 'policy-fund',
            eligible: true,
            applyEnd: null,
            dDay: null,
            reasons: [
              ...members.map((m) => ({ ...m, type: 'flag', textEn: `${m.text} (en)`, anyOf: 'rules.0' })),
              {
                path: 'rules.1',
                type: 'flag',
                met: true,
                text: '국세·지방세 체납에 해당하지 않아야 합니다',
                textEn: 'Excluded: tax arrears',
              },
            ],
          },
        ],
        support: [],
        'disaster-relief': [],
      },
      nearMisses: [],
    };
  }

  function renderGrouped(r: MatchesResponse) {
    render(
      <MemoryRouter>
        <MatchList result={r} />
      </MemoryRouter>,
    );
    const heading = screen.getByRole('heading', { level: 4, name: /다음 중 하나만 충족하면 됩니다/ });
    return { heading, group: heading.closest('li')! };
  }

  it('shows the group under a heading, its members as a nested list, and marks the member that passed', () => {
    const { heading, group } = renderGrouped(
      groupedResult([
        { path: 'rules.0.rules.0', met: true, text: '재창업 사업장이어야 합니다' },
        { path: 'rules.0.rules.1', met: null, text: '희망리턴패키지 지원을 받은 적이 있어야 합니다' },
      ]),
    );

    expect(heading.textContent).toBe('다음 중 하나만 충족하면 됩니다 (충족)');
    const list = within(group).getByRole('list', { name: /다음 중 하나만 충족하면 됩니다/ });
    const members = within(list).getAllByRole('listitem');
    expect(members.map((m) => m.textContent)).toEqual([
      '✓충족재창업 사업장이어야 합니다 — 이 조건으로 충족',
      '?확인 필요희망리턴패키지 지원을 받은 적이 있어야 합니다',
    ]);
    // The required condition stays outside the group.
    expect(within(group).queryByText(/체납/)).toBeNull();
  });

  it('reads an alternative of two conditions as one, met only when both are', () => {
    const { heading, group } = renderGrouped(
      groupedResult([
        { path: 'rules.0.rules.0', met: false, text: '재창업 사업장이어야 합니다' },
        { path: 'rules.0.rules.1.rules.0', met: true, text: '생애주기 단계가 폐업·재기여야 합니다' },
        {
          path: 'rules.0.rules.1.rules.1',
          met: false,
          text: '희망리턴패키지 지원을 받은 적이 있어야 합니다',
        },
      ]),
    );

    // One ✓ among the lines, yet no alternative holds: the group is not met.
    expect(heading.textContent).toBe('다음 중 하나만 충족하면 됩니다 (아직 충족한 것이 없습니다)');
    const both = within(group).getByText('다음을 모두 충족해야 합니다').closest('li')!;
    expect(within(both).getAllByRole('listitem')).toHaveLength(2);
    expect(within(group).queryByText(/이 조건으로 충족/)).toBeNull();
  });

  it('says the group needs checking when no alternative holds but one may', () => {
    const { heading } = renderGrouped(
      groupedResult([
        { path: 'rules.0.rules.0', met: false, text: '재창업 사업장이어야 합니다' },
        { path: 'rules.0.rules.1', met: null, text: '희망리턴패키지 지원을 받은 적이 있어야 합니다' },
      ]),
    );

    expect(heading.textContent).toBe('다음 중 하나만 충족하면 됩니다 (확인이 필요합니다)');
  });
});
