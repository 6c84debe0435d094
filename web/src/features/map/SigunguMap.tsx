import { useEffect, useMemo, useState } from 'react';
import { loadShapes, type MapShape, sigunguByKostat } from './korea-map';

const W = 320;
const H = 420;

/**
 * A clickable map of 시군구 for pointer users; the list beside it is the keyboard and screen-reader way to
 * choose (the map is hidden from assistive technology). A click toggles every current 시군구 the 2018
 * polygon covers.
 */
export function SigunguMap({
  selected,
  onToggle,
}: {
  selected: string[];
  onToggle: (codes: string[], on: boolean) => void;
}) {
  const [shapes, setShapes] = useState<MapShape[] | null>(null);
  const byKostat = useMemo(() => sigunguByKostat(), []);
  useEffect(() => {
    const ctrl = new AbortController();
    loadShapes('municipalities-2018', W, H, ctrl.signal)
      .then(setShapes)
      .catch(() => undefined);
    return () => ctrl.abort();
  }, []);
  const chosen = new Set(selected);
  if (!shapes) return null;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} aria-hidden="true" className="app-map-svg app-map-pick">
      {shapes.map((s) => {
        const codes = byKostat.get(s.kostat) ?? [];
        const on = codes.length > 0 && codes.every((c) => chosen.has(c));
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the list beside the map is the accessible way
          <path
            key={s.kostat}
            d={s.d}
            className={`app-map-area${on ? ' is-selected' : ''}`}
            onClick={() => codes.length > 0 && onToggle(codes, !on)}
          >
            <title>{s.name}</title>
          </path>
        );
      })}
    </svg>
  );
}
