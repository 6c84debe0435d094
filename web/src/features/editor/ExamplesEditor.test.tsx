import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { ExampleForm } from './draft-form';
import { ExamplesEditor } from './ExamplesEditor';

/** The editor with its lists kept in state, as the program editor keeps them. */
function Harness({ errors = {} }: { errors?: Record<string, string> }) {
  const [lists, setLists] = useState<Record<'mustMatch' | 'mustNotMatch', ExampleForm[]>>({
    mustMatch: [],
    mustNotMatch: [],
  });
  return (
    <ExamplesEditor
      mustMatch={lists.mustMatch}
      mustNotMatch={lists.mustNotMatch}
      errors={errors}
      onChange={(list, items) => setLists((l) => ({ ...l, [list]: items }))}
    />
  );
}

describe('ExamplesEditor', () => {
  it("keeps an example's panel open and every keystroke while its name is typed", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: /^예시 추가: 대상이어야/ }));

    const name = screen.getByLabelText('예시 이름');
    await user.type(name, '마포 카페');

    expect((name as HTMLInputElement).value).toBe('마포 카페');
    expect(document.activeElement).toBe(name);
    expect((name.closest('details') as HTMLDetailsElement).open).toBe(true);
    expect(screen.getByText('예시 1: 마포 카페')).toBeTruthy();
  });

  it('opens a closed example when an error arrives for it', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Harness />);
    await user.click(screen.getByRole('button', { name: /^예시 추가: 대상이어야/ }));
    await user.type(screen.getByLabelText('예시 이름'), '공방');
    const panel = screen.getByLabelText('예시 이름').closest('details') as HTMLDetailsElement;
    await user.click(screen.getByText('예시 1: 공방'));
    expect(panel.open).toBe(false);

    rerender(
      <Harness errors={{ 'examples.mustMatch.0.profile.ksic': '알 수 없는 산업분류(KSIC) 코드입니다.' }} />,
    );

    expect(panel.open).toBe(true);
  });
});
