import { ApplicationSettingsSchema } from '@sbiz24/shared/application/settings';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ApplicationSettingsEditor } from './ApplicationSettingsEditor';
import { type ApplicationSettingsForm, settingsBody, settingsFormOf } from './application-settings';

const loaded = ApplicationSettingsSchema.parse({
  fields: [
    { id: 'plan', label: '사업 계획', labelEn: 'Plan', type: 'text', required: true, maxLength: 500 },
    { id: 'channel', label: '판로', type: 'choice', options: ['온라인', '오프라인'] },
  ],
  documents: [
    { id: 'business-registration', kind: 'business-registration', label: '사업자등록증명' },
    { id: 'damage', kind: 'damage-confirmation', label: '피해사실확인서', disasterId: 'flood-2025' },
    { id: 'doc-1', kind: 'upload', label: '사업계획서', required: false },
  ],
  quota: { budget: 100_000_000, maxAwards: 20 },
});

/** The editor with its own state; every value it holds is reported to the test. */
function Harness({ onValue }: { onValue: (v: ApplicationSettingsForm) => void }) {
  const [v, setV] = useState(settingsFormOf(loaded));
  onValue(v);
  return (
    <ApplicationSettingsEditor
      value={v}
      onChange={setV}
      errors={{ 'application.fields.0.label': '질문을 입력해 주세요.' }}
    />
  );
}

describe('application settings in the program editor', () => {
  it('gives back what it loaded, including what the editor does not show', () => {
    const body = settingsBody(settingsFormOf(loaded));
    expect(ApplicationSettingsSchema.parse(body)).toEqual(loaded);
  });

  it('adds a prefilled question and a choice with its options, drops a document, and sets the quota', async () => {
    let latest: ApplicationSettingsForm | undefined;
    render(<Harness onValue={(v) => (latest = v)} />);
    const user = userEvent.setup();

    expect(screen.getByLabelText(/^사업 계획|^질문/, { selector: '#p-app-q-0-label' })).toBeTruthy();
    expect(screen.getByText('질문을 입력해 주세요.').id).toBe('p-app-q-0-label-msg');
    await user.clear(screen.getByLabelText(/^최대 선정 건수/));
    await user.type(screen.getByLabelText(/^최대 선정 건수/), '10');
    await user.click(screen.getByRole('checkbox', { name: '피해사실확인서' }));
    await user.click(screen.getByRole('button', { name: '항목 추가' }));
    await user.type(screen.getByLabelText(/^질문/, { selector: '#p-app-q-2-label' }), '직원 수');
    await user.selectOptions(
      screen.getByLabelText('사업장 정보로 미리 채우기', { selector: '#p-app-q-2-prefill' }),
      '상시근로자 수',
    );
    await user.selectOptions(screen.getByLabelText('답변 형식', { selector: '#p-app-q-2-type' }), '숫자');

    const body = ApplicationSettingsSchema.parse(settingsBody(latest!));
    expect(body.quota).toEqual({ budget: 100_000_000, maxAwards: 10 });
    expect(body.documents.map((d) => d.id)).toEqual(['business-registration', 'doc-1']);
    expect(body.fields[2]).toEqual({
      id: 'q1',
      label: '직원 수',
      type: 'number',
      required: true,
      prefill: 'employees',
    });
    expect(body.fields[1]!.options).toEqual(['온라인', '오프라인']);
  });
});
