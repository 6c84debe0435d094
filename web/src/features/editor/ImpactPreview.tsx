import { SIDOS } from '@sbiz24/shared/reference/regions';
import { validateRule } from '@sbiz24/shared/rules/schema';
import type { Rule } from '@sbiz24/shared/rules/types';
import { useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { PreviewResponse } from '../../api/types';
import { ErrorState } from '../../components/Feedback';
import { useLang } from '../../i18n/i18n';
import { formatCount, formatDateTime } from '../../lib/format';
import { KoreaMap } from '../map/KoreaMap';

const STAGES = ['startup', 'growth', 'closure', 'unknown'] as const;
const RETRY_MS = 5_000;

type State =
  | { kind: 'invalid' }
  | { kind: 'loading'; last?: PreviewResponse }
  | { kind: 'ready'; data: PreviewResponse }
  | { kind: 'unavailable' }
  | { kind: 'noSnapshot'; message: string }
  | { kind: 'error'; error: unknown };

/**
 * The live impact preview: how many businesses the rule being edited would qualify, by 시도 (map and
 * table) and by stage. Recomputed (debounced) as the rule changes; a placeholder while the preview API
 * does not exist yet (404/501).
 */
export function ImpactPreview({ rule, delayMs = 500 }: { rule: Rule; delayMs?: number }) {
  const { t, lang } = useLang();
  const [state, setState] = useState<State>({ kind: 'invalid' });
  const [nonce, setNonce] = useState(0);
  const unavailable = useRef(false);
  const last = useRef<PreviewResponse | undefined>(undefined);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ruleKey = JSON.stringify(rule);

  // biome-ignore lint/correctness/useExhaustiveDependencies: ruleKey stands for the rule; nonce retries
  useEffect(() => {
    if (unavailable.current) return;
    if (!validateRule(rule).ok) {
      setState({ kind: 'invalid' });
      return;
    }
    const ctrl = new AbortController();
    setState({ kind: 'loading', ...(last.current ? { last: last.current } : {}) });
    const timer = setTimeout(() => {
      api<PreviewResponse>('/api/staff/preview', { method: 'POST', body: { rule }, signal: ctrl.signal })
        .then((data) => {
          last.current = data;
          setState({ kind: 'ready', data });
        })
        .catch((e: Error) => {
          if (e.name === 'AbortError') return;
          if (e instanceof ApiError && (e.status === 404 || e.status === 501)) {
            unavailable.current = true;
            setState({ kind: 'unavailable' });
          } else if (e instanceof ApiError && e.code === 'SNAPSHOT_UNAVAILABLE') {
            // The first batch run has not written a snapshot yet: say so, and ask again shortly.
            setState({ kind: 'noSnapshot', message: e.message });
            retry.current = setTimeout(() => setNonce((n) => n + 1), RETRY_MS);
          } else setState({ kind: 'error', error: e });
        });
    }, delayMs);
    return () => {
      clearTimeout(timer);
      clearTimeout(retry.current);
      ctrl.abort();
    };
  }, [ruleKey, nonce, delayMs]);

  const data = state.kind === 'ready' ? state.data : state.kind === 'loading' ? state.last : undefined;
  const stageMax = data ? Math.max(1, ...STAGES.map((s) => data.byStage[s] ?? 0)) : 1;
  return (
    <section className="app-preview" aria-labelledby="preview-title" aria-busy={state.kind === 'loading'}>
      <h3 id="preview-title" className="app-h3">
        {t('preview.title')}
      </h3>
      {state.kind === 'unavailable' ? (
        <div className="app-alert app-alert-info" role="status">
          <p className="app-alert-title">{t('preview.pending')}</p>
          <p>{t('preview.pendingDetail')}</p>
        </div>
      ) : null}
      {state.kind === 'invalid' ? <p className="app-muted">{t('preview.invalid')}</p> : null}
      {state.kind === 'noSnapshot' ? (
        <div className="app-alert app-alert-info" role="status">
          <p>{state.message}</p>
        </div>
      ) : null}
      {state.kind === 'error' ? (
        <ErrorState error={state.error} onRetry={() => setNonce((n) => n + 1)} />
      ) : null}
      <p className="app-preview-total" role="status" aria-live="polite">
        {state.kind === 'loading' ? (
          <span className="app-muted">{t('preview.updating')}</span>
        ) : data ? (
          <>
            <span className="app-preview-label">{t('preview.total')}</span>{' '}
            <strong className="app-preview-number">
              {t('preview.count', { n: formatCount(data.total, lang) })}
            </strong>
          </>
        ) : null}
      </p>
      {data ? (
        <div className={state.kind === 'loading' ? 'app-stale' : undefined}>
          <h4 className="app-h4">{t('preview.byStage')}</h4>
          <ul className="app-bars">
            {STAGES.map((s) => {
              const n = data.byStage[s] ?? 0;
              return (
                <li key={s} className="app-bar-row">
                  <span className="app-bar-label">{t(`stage.${s}`)}</span>
                  <span className="app-bar-track" aria-hidden="true">
                    <span className="app-bar-fill" style={{ width: `${(n / stageMax) * 100}%` }} />
                  </span>
                  <span className="app-bar-value">{formatCount(n, lang)}</span>
                </li>
              );
            })}
          </ul>
          <h4 className="app-h4">{t('preview.bySido')}</h4>
          <KoreaMap values={data.bySido} title={t('preview.mapTitle')} />
          <details className="app-details">
            <summary>{t('preview.tableCaption')}</summary>
            <table className="app-table">
              <caption className="sr-only">{t('preview.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('preview.sido')}</th>
                  <th scope="col" className="app-num">
                    {t('preview.businesses')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {SIDOS.map((s) => (
                  <tr key={s.code}>
                    <th scope="row">{s.name}</th>
                    <td className="app-num">{formatCount(data.bySido[s.code] ?? 0, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          {data.snapshotAt ? (
            <p className="app-muted app-small">
              {t('preview.snapshot', { time: formatDateTime(data.snapshotAt, lang) })}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
