import { findSido, findSigungu } from '@sbiz24/shared/reference/regions';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLang } from '../../i18n/i18n';
import { loadShapes, type MapShape, sigunguByKostat, viewAt, ZOOM_STEPS } from './korea-map';

const W = 600;
const H = 760;

interface Area extends MapShape {
  /** The current 시군구 codes the 2018 polygon covers. */
  codes: string[];
  /** "경상북도 안동시", for the accessible name and the table. */
  label: string;
}

/**
 * The map of 시군구 to choose disaster areas on: large enough to read, zoomable (buttons, or + and - on
 * the map), and usable from the keyboard: the map is one tab stop, the arrow keys move between 시군구 (in
 * 시도 and name order, the view following when zoomed in) and Space or Enter selects. Each area is a
 * checkbox with its full name. A table beside it lists the selection for screen readers and for anyone
 * checking the choice. A click toggles every current 시군구 the 2018 polygon covers (부천시's three 구).
 */
export function SigunguMap({
  selected,
  onToggle,
}: {
  selected: string[];
  onToggle: (codes: string[], on: boolean) => void;
}) {
  const { t } = useLang();
  const [shapes, setShapes] = useState<MapShape[] | null>(null);
  const [zoom, setZoom] = useState(0);
  const [active, setActive] = useState(0);
  const [centre, setCentre] = useState({ x: W / 2, y: H / 2 });
  const refs = useRef<(SVGPathElement | null)[]>([]);
  const helpId = useId();
  const byKostat = useMemo(() => sigunguByKostat(), []);
  useEffect(() => {
    const ctrl = new AbortController();
    loadShapes('municipalities-2018', W, H, ctrl.signal)
      .then(setShapes)
      .catch(() => undefined);
    return () => ctrl.abort();
  }, []);
  const areas: Area[] = useMemo(
    () =>
      (shapes ?? [])
        .map((s) => {
          const codes = byKostat.get(s.kostat) ?? [];
          const first = codes[0] ? findSigungu(codes[0]) : undefined;
          const sido = first ? findSido(first.sidoCode)?.name : undefined;
          return { ...s, codes, label: sido ? `${sido} ${s.name}` : s.name };
        })
        .filter((a) => a.codes.length > 0)
        .sort((a, b) => (a.codes[0] ?? '').localeCompare(b.codes[0] ?? '')),
    [shapes, byKostat],
  );
  if (!shapes) return null;

  const chosen = new Set(selected);
  const isOn = (a: Area) => a.codes.every((c) => chosen.has(c));
  const scale = ZOOM_STEPS[zoom] ?? 1;
  const view = viewAt(W, H, scale, centre.x, centre.y);
  const zoomTo = (next: number, around?: Area) => {
    const z = Math.min(Math.max(next, 0), ZOOM_STEPS.length - 1);
    const on = around ?? areas[active];
    if (on && z > 0) setCentre({ x: on.cx, y: on.cy });
    if (z === 0) setCentre({ x: W / 2, y: H / 2 });
    setZoom(z);
  };
  const moveTo = (i: number) => {
    const n = (i + areas.length) % areas.length;
    setActive(n);
    const a = areas[n];
    if (a && zoom > 0) setCentre({ x: a.cx, y: a.cy });
    refs.current[n]?.focus();
  };
  const onKey = (e: KeyboardEvent<SVGPathElement>, i: number) => {
    const a = areas[i];
    if (!a) return;
    const toggle = () => onToggle(a.codes, !isOn(a));
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        moveTo(i + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        moveTo(i - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(areas.length - 1);
        break;
      case ' ':
      case 'Enter':
        toggle();
        break;
      case '+':
      case '=':
        zoomTo(zoom + 1, a);
        break;
      case '-':
        zoomTo(zoom - 1, a);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div className="app-map-pick-wrap">
      <div className="app-map-tools">
        <button
          type="button"
          className="krds-btn secondary small"
          onClick={() => zoomTo(zoom + 1)}
          disabled={zoom === ZOOM_STEPS.length - 1}
        >
          {t('regionMap.zoomIn')}
        </button>
        <button
          type="button"
          className="krds-btn secondary small"
          onClick={() => zoomTo(zoom - 1)}
          disabled={zoom === 0}
        >
          {t('regionMap.zoomOut')}
        </button>
        <button
          type="button"
          className="krds-btn tertiary small"
          onClick={() => zoomTo(0)}
          disabled={zoom === 0}
        >
          {t('regionMap.reset')}
        </button>
        <span className="app-muted" aria-live="polite">
          {t('regionMap.zoomLevel', { n: scale })}
        </span>
      </div>
      <p id={helpId} className="app-muted app-map-help">
        {t('regionMap.help')}
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot hold a fieldset; role=group names the map */}
      <svg
        viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
        role="group"
        aria-label={t('regionMap.label')}
        aria-describedby={helpId}
        className="app-map-svg app-map-pick"
        data-zoom={scale}
      >
        {areas.map((a, i) => {
          const on = isOn(a);
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be an <input>; it is a checkbox by role, state and keys
            <path
              key={a.kostat}
              ref={(el) => {
                refs.current[i] = el;
              }}
              d={a.d}
              role="checkbox"
              aria-checked={on}
              aria-label={a.label}
              tabIndex={i === active ? 0 : -1}
              className={`app-map-area${on ? ' is-selected' : ''}`}
              onClick={() => {
                setActive(i);
                onToggle(a.codes, !on);
              }}
              onKeyDown={(e) => onKey(e, i)}
              onFocus={() => setActive(i)}
            >
              <title>{a.label}</title>
            </path>
          );
        })}
      </svg>
      <table className="app-table app-map-table">
        <caption>{t('regionMap.caption', { count: selected.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('regionMap.sido')}</th>
            <th scope="col">{t('regionMap.sigungu')}</th>
          </tr>
        </thead>
        <tbody>
          {selected.length === 0 ? (
            <tr>
              <td colSpan={2}>{t('regionMap.none')}</td>
            </tr>
          ) : (
            selected.map((c) => {
              const s = findSigungu(c);
              return (
                <tr key={c}>
                  <td>{s ? findSido(s.sidoCode)?.name : ''}</td>
                  <td>{s?.name ?? c}</td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
