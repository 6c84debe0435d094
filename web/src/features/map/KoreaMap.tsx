import { findSido } from '@sbiz24/shared/reference/regions';
import { useEffect, useId, useState } from 'react';
import { useLang } from '../../i18n/i18n';
import { formatCount } from '../../lib/format';
import { KOSTAT_TO_SIDO, loadShapes, type MapShape, shade } from './korea-map';

const W = 320;
const H = 420;

/**
 * A map of Korea by 시도, shaded by a count per 시도 (choropleth, five steps), with a legend. The map is an
 * image for sighted users; the same numbers are in a table beside it for everyone.
 */
export function KoreaMap({ values, title }: { values: Record<string, number>; title: string }) {
  const { t, lang } = useLang();
  const [shapes, setShapes] = useState<MapShape[] | null>(null);
  const [failed, setFailed] = useState(false);
  const titleId = useId();
  useEffect(() => {
    const ctrl = new AbortController();
    loadShapes('provinces-2018', W, H, ctrl.signal)
      .then(setShapes)
      .catch((e: Error) => {
        if (e.name !== 'AbortError') setFailed(true);
      });
    return () => ctrl.abort();
  }, []);
  const max = Math.max(0, ...Object.values(values));
  if (failed) return null;
  return (
    <figure className="app-map">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} className="app-map-svg">
        <title id={titleId}>{title}</title>
        {(shapes ?? []).map((s) => {
          const code = KOSTAT_TO_SIDO[s.kostat] ?? s.kostat;
          const n = values[code] ?? 0;
          return (
            <path key={s.kostat} d={s.d} className={`app-map-area shade-${shade(n, max)}`}>
              <title>{`${findSido(code)?.name ?? s.name}: ${t('preview.count', { n: formatCount(n, lang) })}`}</title>
            </path>
          );
        })}
      </svg>
      <figcaption className="app-map-legend" aria-hidden="true">
        <span>0</span>
        {[1, 2, 3, 4, 5].map((i) => (
          <span key={i} className={`app-map-swatch shade-${i}`} />
        ))}
        <span>{formatCount(max, lang)}</span>
      </figcaption>
    </figure>
  );
}
