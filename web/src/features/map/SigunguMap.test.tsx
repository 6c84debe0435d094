import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SigunguMap } from './SigunguMap';

const topology = readFileSync(resolve(__dirname, '../../../public/maps/municipalities-2018.json'), 'utf8');

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(new Response(topology, { headers: { 'Content-Type': 'application/json' } }))),
  );
});
afterEach(() => vi.unstubAllGlobals());

function Harness() {
  const [codes, setCodes] = useState<string[]>([]);
  return (
    <SigunguMap
      selected={codes}
      onToggle={(c, on) => setCodes((cur) => (on ? [...cur, ...c] : cur.filter((x) => !c.includes(x))))}
    />
  );
}

/** The map, once its shapes are in: an SVG group named by its label. */
async function findMap(): Promise<SVGSVGElement> {
  const map = await waitFor(
    () => {
      const svg = document.querySelector<SVGSVGElement>('svg[role="group"]');
      if (!svg?.querySelector('path')) throw new Error('map not drawn yet');
      return svg;
    },
    { timeout: 10_000 },
  );
  expect(map.getAttribute('aria-label')).toBe('피해 지역 지도');
  return map;
}

describe('SigunguMap', () => {
  it('is one tab stop whose 시군구 are checkboxes reached with the arrow keys and chosen with Space', async () => {
    const user = userEvent.setup();
    render(
      <>
        <button type="button">before</button>
        <Harness />
      </>,
    );
    const map = await findMap();
    const areas = [...map.querySelectorAll<SVGPathElement>('[role="checkbox"]')];
    expect(areas.length).toBeGreaterThan(200);
    expect(areas.filter((a) => a.getAttribute('tabindex') === '0')).toHaveLength(1);
    expect(areas[0]?.getAttribute('aria-label')).toBe('서울특별시 종로구');

    areas[0]?.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('서울특별시 중구');
    await user.keyboard(' ');

    expect(document.activeElement?.getAttribute('aria-checked')).toBe('true');
    const table = screen.getByRole('table', { name: /선택한 피해 지역 \(1개 시군구\)/ });
    expect(within(table).getByRole('row', { name: '서울특별시 중구' })).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(within(screen.getByRole('table')).getByText('아직 선택한 시군구가 없습니다.')).toBeTruthy();
  });

  it('zooms in on the area in focus and back out, with buttons and with + and -', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const map = await findMap();
    const whole = map.getAttribute('viewBox');

    await user.click(screen.getByRole('button', { name: '확대' }));
    const [, , w] = (map.getAttribute('viewBox') ?? '').split(' ').map(Number);
    expect(w).toBeCloseTo(300);
    expect(screen.getByText('배율 2배')).toBeTruthy();

    const area = [...map.querySelectorAll<SVGPathElement>('[role="checkbox"]')][0]!;
    fireEvent.keyDown(area, { key: '+' });
    expect(Number((map.getAttribute('viewBox') ?? '').split(' ')[2])).toBeCloseTo(150);
    fireEvent.keyDown(area, { key: '-' });
    fireEvent.keyDown(area, { key: '-' });
    expect(map.getAttribute('viewBox')).toBe(whole);
    expect((screen.getByRole('button', { name: '전체 보기' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
