import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ProgramListResponse } from '../../api/types';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { Check, Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { Pagination } from '../../components/Pagination';
import { ProgramCard } from '../../components/ProgramCard';
import { SidoOptions } from '../../features/pickers/SidoOptions';
import { useLang } from '../../i18n/i18n';
import { formatCount } from '../../lib/format';
import { useApi } from '../../lib/use-api';

const PAGE_SIZE = 10;
const KINDS = ['policy-fund', 'support', 'disaster-relief'] as const;
const STAGES = ['startup', 'growth', 'closure'] as const;

interface Filters {
  q: string;
  kind: string;
  stage: string;
  region: string;
  openNow: boolean;
  closingSoon: boolean;
}

function filtersFrom(params: URLSearchParams): Filters {
  return {
    q: params.get('q') ?? '',
    kind: params.get('kind') ?? '',
    stage: params.get('stage') ?? '',
    region: params.get('region') ?? '',
    openNow: params.get('openNow') === 'true',
    closingSoon: params.get('closingWithinDays') !== null,
  };
}

function paramsFrom(f: Filters, page: number): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.kind) p.set('kind', f.kind);
  if (f.stage) p.set('stage', f.stage);
  if (f.region) p.set('region', f.region);
  if (f.openNow) p.set('openNow', 'true');
  if (f.closingSoon) p.set('closingWithinDays', '30');
  if (page > 1) p.set('page', String(page));
  return p;
}

/** The public catalog: search and filters kept in the URL, results with paging. */
export default function Catalog() {
  const { t, lang } = useLang();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const applied = filtersFrom(params);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [form, setForm] = useState<Filters>(applied);
  const query = paramsFrom(applied, page);
  query.set('pageSize', String(PAGE_SIZE));
  if (page === 1) query.set('page', '1');
  const { data, error, loading, reload } = useApi<ProgramListResponse>(`/api/programs?${query}`);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the form follows the URL (back/forward)
  useEffect(() => setForm(filtersFrom(params)), [params.toString()]);

  const go = (f: Filters, p: number) => {
    const s = paramsFrom(f, p).toString();
    navigate(s ? `/programs?${s}` : '/programs');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go(form, 1);
  };
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setForm((f) => ({ ...f, [k]: v }));
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <Breadcrumbs items={[{ label: t('catalog.title') }]} />
      <PageTitle text={t('catalog.title')} />
      <search>
        <form className="app-filters" aria-label={t('catalog.filters')} onSubmit={submit}>
          <Field id="f-q" label={t('catalog.searchLabel')}>
            {(p) => (
              <input
                {...p}
                type="search"
                className="krds-input"
                placeholder={t('catalog.searchPlaceholder')}
                value={form.q}
                onChange={(e) => set('q', e.target.value)}
              />
            )}
          </Field>
          <div className="app-filter-row">
            <Field id="f-kind" label={t('catalog.kindLabel')}>
              {(p) => (
                <select
                  {...p}
                  className="krds-form-select"
                  value={form.kind}
                  onChange={(e) => set('kind', e.target.value)}
                >
                  <option value="">{t('common.all')}</option>
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`kind.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="f-stage" label={t('catalog.stageLabel')}>
              {(p) => (
                <select
                  {...p}
                  className="krds-form-select"
                  value={form.stage}
                  onChange={(e) => set('stage', e.target.value)}
                >
                  <option value="">{t('common.all')}</option>
                  {STAGES.map((s) => (
                    <option key={s} value={s}>
                      {t(`stage.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="f-region" label={t('catalog.regionLabel')}>
              {(p) => (
                <select
                  {...p}
                  className="krds-form-select"
                  value={form.region}
                  onChange={(e) => set('region', e.target.value)}
                >
                  <option value="">{t('common.all')}</option>
                  <SidoOptions />
                </select>
              )}
            </Field>
          </div>
          <div className="krds-check-area">
            <Check
              id="f-open"
              label={t('catalog.openNow')}
              checked={form.openNow}
              onChange={(v) => set('openNow', v)}
            />
            <Check
              id="f-soon"
              label={t('catalog.closingSoon')}
              checked={form.closingSoon}
              onChange={(v) => set('closingSoon', v)}
            />
          </div>
          <div className="app-actions">
            <button type="submit" className="krds-btn primary medium">
              {t('catalog.apply')}
            </button>
            <button type="button" className="krds-btn tertiary medium" onClick={() => navigate('/programs')}>
              {t('catalog.reset')}
            </button>
          </div>
        </form>
      </search>

      <section aria-labelledby="results-title">
        <h2 id="results-title" className="app-h2">
          {t('catalog.results')}{' '}
          <span className="app-muted" role="status">
            {data && !loading ? t('catalog.total', { n: formatCount(data.total, lang) }) : ''}
          </span>
        </h2>
        {loading ? <Loading /> : null}
        {error ? <ErrorState error={error} onRetry={reload} /> : null}
        {data && !loading && !error ? (
          data.items.length === 0 ? (
            <EmptyState>{t('catalog.empty')}</EmptyState>
          ) : (
            <ul className="app-cards cols-2">
              {data.items.map((p) => (
                <ProgramCard key={p.id} program={p} />
              ))}
            </ul>
          )
        ) : null}
        <Pagination
          page={page}
          pages={pages}
          hrefFor={(p) => `/programs?${paramsFrom(applied, p)}`}
          onNavigate={(p) => {
            go(applied, p);
            document.getElementById('results-title')?.scrollIntoView();
          }}
        />
      </section>
    </>
  );
}
