import { validateRule } from '@sbiz24/shared/rules/schema';
import type { Rule } from '@sbiz24/shared/rules/types';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { RuleBuilder } from './RuleBuilder';

/** Holds the rule like the editor page does and exposes the latest value to the test. */
function Harness({
  initial,
  errors,
  onRule,
}: {
  initial?: Rule;
  errors?: Record<string, string>;
  onRule: (r: Rule) => void;
}) {
  const [rule, setRule] = useState<Rule | undefined>(initial);
  return (
    <RuleBuilder
      value={rule}
      errors={errors}
      onChange={(r) => {
        setRule(r);
        onRule(r);
      }}
    />
  );
}

function setup(initial?: Rule, errors?: Record<string, string>) {
  let latest: Rule | undefined = initial;
  const user = userEvent.setup();
  render(<Harness initial={initial} errors={errors} onRule={(r) => (latest = r)} />);
  return { user, rule: () => latest };
}

/** Adds a condition to the root group (whose add bar comes last, after any nested group's). */
async function addCondition(user: ReturnType<typeof userEvent.setup>, label: string) {
  await user.selectOptions(screen.getAllByLabelText('추가할 조건').at(-1)!, label);
  await user.click(screen.getAllByRole('button', { name: '조건 추가' }).at(-1)!);
}

describe('RuleBuilder', () => {
  it('builds a rule of three kinds of condition from form inputs', async () => {
    const { user, rule } = setup();

    await addCondition(user, '지역');
    const region = screen.getByRole('region', { name: /^조건 1 / });
    await user.selectOptions(within(region).getByLabelText('시도'), '47');
    await user.click(within(region).getByLabelText('의성군'));

    await addCondition(user, '숫자 범위 (업력·직원 수·매출 등)');
    const range = screen.getByRole('region', { name: /^조건 2 / });
    await user.selectOptions(within(range).getByLabelText('항목'), '상시근로자 수 (명)');
    await user.clear(within(range).getByLabelText('상한'));
    await user.type(within(range).getByLabelText('상한'), '10');
    await user.selectOptions(within(range).getByLabelText('상한 기준'), '이하');

    await addCondition(user, '사업자 특성');
    const flag = screen.getByRole('region', { name: /^조건 3 / });
    await user.click(within(flag).getByLabelText('해당하지 않음'));

    expect(rule()).toEqual({
      type: 'all',
      rules: [
        { type: 'region', op: 'in', codes: ['47730'] },
        { type: 'range', field: 'employees', lte: 10 },
        { type: 'flag', flag: 'taxArrears', present: false },
      ],
    });
    expect(validateRule(rule()).ok).toBe(true);
  });

  it('picks a whole 시도 and a KSIC section and division', async () => {
    const { user, rule } = setup();

    await addCondition(user, '지역');
    await user.selectOptions(screen.getByLabelText('시도'), '11');
    await user.click(screen.getByLabelText('서울특별시 전체'));
    await addCondition(user, '업종 (KSIC)');
    const industry = screen.getByRole('region', { name: /^조건 2 / });
    await user.selectOptions(within(industry).getByLabelText('포함/제외'), '제외');
    await user.selectOptions(within(industry).getByLabelText('대분류'), 'K');
    await user.click(within(industry).getByRole('button', { name: '추가' }));
    await user.type(within(industry).getByLabelText('산업분류 코드 직접 입력'), '56211');
    await user.click(within(industry).getByRole('button', { name: '코드 추가' }));

    expect(rule()).toEqual({
      type: 'all',
      rules: [
        { type: 'region', op: 'in', codes: ['11'] },
        { type: 'industry', op: 'notIn', codes: ['K', '56211'] },
      ],
    });
  });

  it('refuses an unknown KSIC code with a message tied to the input', async () => {
    const { user, rule } = setup();
    await addCondition(user, '업종 (KSIC)');

    const input = screen.getByLabelText('산업분류 코드 직접 입력');
    await user.type(input, '99999x');
    await user.click(screen.getByRole('button', { name: '코드 추가' }));

    expect(screen.getByText('알 수 없는 산업분류 코드입니다.').id).toBe(
      input.getAttribute('aria-describedby')?.split(' ')[1],
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(rule()).toEqual({ type: 'all', rules: [{ type: 'industry', op: 'in', codes: [] }] });
  });

  it('nests an "any" group and an exclusion, and switches the root to "any"', async () => {
    const { user, rule } = setup();

    await user.click(screen.getByRole('button', { name: '"하나 이상" 묶음 추가' }));
    await addCondition(user, '소상공인 해당');
    await user.click(screen.getAllByRole('button', { name: '제외 조건 추가' }).at(-1)!);
    const nested = screen.getByRole('region', { name: /^조건 1 / });
    await user.selectOptions(within(nested).getAllByLabelText('추가할 조건')[0]!, '예비창업자');
    await user.click(within(nested).getAllByRole('button', { name: '조건 추가' })[0]!);
    await user.click(screen.getAllByLabelText('다음 조건 중 하나 이상 충족')[0]!);

    expect(rule()).toEqual({
      type: 'any',
      rules: [
        { type: 'any', rules: [{ type: 'preStartup' }] },
        { type: 'smallBusiness' },
        { type: 'not', rule: { type: 'all', rules: [] } },
      ],
    });
  });

  it('moves and removes conditions', async () => {
    const { user, rule } = setup({
      type: 'all',
      rules: [{ type: 'smallBusiness' }, { type: 'preStartup' }, { type: 'operating' }],
    });

    await user.click(screen.getByRole('button', { name: '조건 3 위로' }));
    await user.click(screen.getByRole('button', { name: '조건 1 삭제' }));

    expect(rule()).toEqual({ type: 'all', rules: [{ type: 'operating' }, { type: 'preStartup' }] });
  });

  it('shows API errors next to the condition they concern', () => {
    setup(
      { type: 'all', rules: [{ type: 'smallBusiness' }, { type: 'region', op: 'in', codes: [] }] },
      { 'rule.rules.1.codes': '지역을 하나 이상 선택해야 합니다.' },
    );

    const region = screen.getByRole('region', { name: /^조건 2 / });
    const message = within(region).getByText('지역을 하나 이상 선택해야 합니다.');
    const picker = within(region).getByRole('group', { name: '지역' });
    expect(picker.getAttribute('aria-describedby')).toContain(message.id);
    expect(within(screen.getByRole('region', { name: /^조건 1 / })).queryByText(/지역을/)).toBeNull();
  });

  it('wraps a bare condition in an "all" group so that more can be added', async () => {
    const { user, rule } = setup({ type: 'smallBusiness' });
    await addCondition(user, '영업 중');
    expect(rule()).toEqual({ type: 'all', rules: [{ type: 'smallBusiness' }, { type: 'operating' }] });
  });
});
