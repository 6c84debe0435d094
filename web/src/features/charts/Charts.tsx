import { type ReactNode, useId } from 'react';
import { useLang } from '../../i18n/i18n';

/**
 * Small SVG charts for the program dashboard, written by hand: a few hundred bytes each against the tens of
 * kilobytes a chart library adds, and every chart is an image with a name (role="img", aria-labelledby the
 * caption) followed by the same numbers as a table, so that nothing is shown only as a picture.
 */

export interface Datum {
  key: string;
  label: string;
  value: number;
  /** The value as people read it (3,200만원); the count with digit grouping by default. */
  display?: string;
}

function DataTable({
  caption,
  data,
  labelHeader,
  valueHeader,
}: {
  caption: string;
  data: Datum[];
  labelHeader: string;
  valueHeader: string;
}) {
  const { t, lang } = useLang();
  return (
    <details className="app-details">
      <summary>{t('dashboard.table')}</summary>
      <table className="app-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col" className="app-num">
              {valueHeader}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.key}>
              <th scope="row">{d.label}</th>
              <td className="app-num">
                {d.display ?? d.value.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function ChartFrame({ title, children }: { title: string; children: (titleId: string) => ReactNode }) {
  const titleId = useId();
  return (
    <figure className="app-chart">
      <figcaption id={titleId} className="app-h3">
        {title}
      </figcaption>
      {children(titleId)}
    </figure>
  );
}

const ROW = 28;
const LABEL_W = 120;
const VALUE_W = 110;
const WIDTH = 560;

/** Horizontal bars, one row per datum, the value written at the end of each bar. */
export function BarChart({
  title,
  data,
  labelHeader,
  valueHeader,
}: {
  title: string;
  data: Datum[];
  labelHeader: string;
  valueHeader: string;
}) {
  const { lang } = useLang();
  const max = Math.max(1, ...data.map((d) => d.value));
  const barSpace = WIDTH - LABEL_W - VALUE_W;
  const height = Math.max(ROW, data.length * ROW);
  return (
    <ChartFrame title={title}>
      {(titleId) => (
        <>
          <svg
            className="app-chart-svg"
            viewBox={`0 0 ${WIDTH} ${height}`}
            role="img"
            aria-labelledby={titleId}
            preserveAspectRatio="xMinYMin meet"
          >
            <title>{title}</title>
            {data.map((d, i) => {
              const y = i * ROW;
              const w = (d.value / max) * barSpace;
              return (
                <g key={d.key}>
                  <text
                    x={LABEL_W - 8}
                    y={y + ROW / 2}
                    textAnchor="end"
                    dominantBaseline="middle"
                    className="app-chart-label"
                  >
                    {d.label}
                  </text>
                  <rect
                    x={LABEL_W}
                    y={y + 6}
                    width={Math.max(d.value > 0 ? 2 : 0, w)}
                    height={ROW - 12}
                    className="app-chart-bar"
                    rx={3}
                  />
                  <text
                    x={LABEL_W + w + 6}
                    y={y + ROW / 2}
                    dominantBaseline="middle"
                    className="app-chart-value"
                  >
                    {d.display ?? d.value.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US')}
                  </text>
                </g>
              );
            })}
          </svg>
          <DataTable caption={title} data={data} labelHeader={labelHeader} valueHeader={valueHeader} />
        </>
      )}
    </ChartFrame>
  );
}

/** Vertical columns over time (applications per day); every n-th date is written under the axis. */
export function ColumnChart({
  title,
  data,
  labelHeader,
  valueHeader,
}: {
  title: string;
  data: Datum[];
  labelHeader: string;
  valueHeader: string;
}) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const height = 180;
  const top = 16;
  const axis = 24;
  const left = 32;
  const step = data.length > 0 ? (WIDTH - left) / data.length : 0;
  const every = Math.max(1, Math.ceil(data.length / 8));
  return (
    <ChartFrame title={title}>
      {(titleId) => (
        <>
          <svg
            className="app-chart-svg"
            viewBox={`0 0 ${WIDTH} ${height}`}
            role="img"
            aria-labelledby={titleId}
          >
            <title>{title}</title>
            <g>
              <line x1={left} x2={WIDTH} y1={height - axis} y2={height - axis} className="app-chart-axis" />
              <text
                x={left - 6}
                y={top}
                textAnchor="end"
                dominantBaseline="middle"
                className="app-chart-label"
              >
                {max}
              </text>
              <text
                x={left - 6}
                y={height - axis}
                textAnchor="end"
                dominantBaseline="middle"
                className="app-chart-label"
              >
                0
              </text>
              {data.map((d, i) => {
                const h = (d.value / max) * (height - axis - top);
                const x = left + i * step;
                return (
                  <g key={d.key}>
                    <rect
                      x={x + step * 0.15}
                      y={height - axis - h}
                      width={Math.max(1, step * 0.7)}
                      height={h}
                      className="app-chart-bar"
                    />
                    {i % every === 0 ? (
                      <text x={x + step / 2} y={height - 8} textAnchor="middle" className="app-chart-label">
                        {d.key.slice(5).replace('-', '/')}
                      </text>
                    ) : null}
                  </g>
                );
              })}
            </g>
          </svg>
          <DataTable caption={title} data={data} labelHeader={labelHeader} valueHeader={valueHeader} />
        </>
      )}
    </ChartFrame>
  );
}

/** How much of a limit is used: a bar and the same in words (the words are what a screen reader reads). */
export function UsageBar({
  label,
  used,
  total,
  text,
}: {
  label: string;
  used: number;
  total?: number | undefined;
  text: string;
}) {
  const share = total ? Math.min(1, used / total) : 0;
  return (
    <div className="app-usage">
      <p className="app-strong">{label}</p>
      <svg className="app-usage-svg" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
        <rect x={0} y={0} width={100} height={8} className="app-usage-track" rx={2} />
        {total ? <rect x={0} y={0} width={share * 100} height={8} className="app-chart-bar" rx={2} /> : null}
      </svg>
      <p>{text}</p>
    </div>
  );
}
