import { APPLICATION_STATUSES } from '@sbiz24/shared/application/application';
import type { ProgramQuota } from '@sbiz24/shared/application/settings';
import { SIDOS } from '@sbiz24/shared/reference/regions';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type Application, type StaffQueuePage, staffQueuePath } from '../../api/applications';
import { api } from '../../api/client';
import type { ProgramResponse } from '../../api/types';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { applicationStats } from '../../features/applications/stats';
import { BarChart, ColumnChart, UsageBar } from '../../features/charts/Charts';
import { useLang } from '../../i18n/i18n';
import { formatCount, formatDate, formatWon } from '../../lib/format';
import { useApi } from '../../lib/use-api';

/** Pages of the queue read for the charts (50 each): the most recent 1,000 applications. */
const MAX_PAGES = 20;

/** What the queue answers, when the API also reports the quota counter. */
type QueueWithQuota = StaffQueuePage & { quota?: { awards?: number; budgetUsed?: number } };

/** Reads the program's applications, newest first, up to MAX_PAGES pages. */
function useRecentApplications(programId: string) {
  const [state, setState] = useState<{
    items: Application[];
    first?: QueueWithQuota;
    complete: boolean;
    error?: unknown;
    loading: boolean;
  }>({ items: [], complete: false, loading: true });
  const [nonce, setNonce] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: nonce is the reload trigger
  useEffect(() => {
    let live = true;
    setState({ items: [], complete: false, loading: true });
    void (async () => {
      const items: Application[] = [];
      let first: QueueWithQuota | undefined;
      let cursor: string | undefined;
      try {
        for (let page = 0; page < MAX_PAGES; page++) {
          const r = await api<QueueWithQuota>(staffQueuePath(programId, {}, cursor));
          first ??= r;
          items.push(...r.items);
          cursor = r.cursor;
          if (!cursor || !live) break;
        }
        if (live) setState({ items, first, complete: !cursor, loading: false });
      } catch (error) {
        if (live) setState({ items, first, complete: false, error, loading: false });
      }
    })();
    return () => {
      live = false;
    };
  }, [programId, nonce]);
  return { ...state, reload: () => setNonce((n) => n + 1) };
}

/**
 * A program's dashboard: applications per day and per status, approvals by 시도, and how much of the budget
 * and the award limit is used — each chart an SVG image with the same numbers in a table.
 */
export default function ProgramDashboard() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const program = useApi<ProgramResponse>(`/api/staff/programs/${encodeURIComponent(id)}`);
  const recent = useRecentApplications(id);
  const p = program.data?.program as
    | (ProgramResponse['program'] & { application?: { quota?: ProgramQuota } })
    | undefined;
  const title = p ? (lang === 'en' && p.titleEn ? p.titleEn : p.title) : id;
  const stats = applicationStats(recent.items);
  // Exact counts per status when the API gives them; otherwise counted over what was read.
  const counts = recent.first?.counts;
  const perStatus = APPLICATION_STATUSES.map((s) => ({
    key: s,
    label: t(`appStatus.${s}`),
    value: counts ? (counts[s] ?? 0) : stats.perStatus[s],
  }));
  const total = perStatus.reduce((n, d) => n + d.value, 0);
  const quota = p?.application?.quota;
  const awards =
    recent.first?.quota?.awards ??
    (counts ? (counts.approved ?? 0) + (counts.paid ?? 0) : stats.awarded.count);
  const budgetUsed = recent.first?.quota?.budgetUsed ?? stats.awarded.amount;
  const percent = (used: number, limit: number) => Math.round((used / limit) * 1000) / 10;

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('staff.title'), to: '/staff' },
          { label: title, to: `/staff/programs/${encodeURIComponent(id)}/applications` },
          { label: t('review.dashboard') },
        ]}
      />
      <PageTitle text={t('dashboard.title', { title })} lead={t('dashboard.lead')} />
      <p>
        <Link
          to={`/staff/programs/${encodeURIComponent(id)}/applications`}
          className="krds-btn secondary medium"
        >
          {t('review.applications')}
        </Link>
      </p>
      {recent.loading ? <Loading /> : null}
      {recent.error ? <ErrorState error={recent.error} onRetry={recent.reload} /> : null}
      {!recent.loading && !recent.error && total === 0 ? (
        <EmptyState>{t('dashboard.empty')}</EmptyState>
      ) : null}
      {!recent.loading && total > 0 ? (
        <>
          {!recent.complete ? (
            <p className="app-muted">
              {t('dashboard.sample', { count: formatCount(recent.items.length, lang) })}
            </p>
          ) : null}
          <div className="app-dashboard">
            <ColumnChart
              title={t('dashboard.perDay')}
              labelHeader={t('dashboard.date')}
              valueHeader={t('dashboard.count')}
              data={stats.perDay.map((d) => ({
                key: d.date,
                label: formatDate(d.date, lang),
                value: d.count,
              }))}
            />
            <BarChart
              title={t('dashboard.perStatus')}
              labelHeader={t('review.status')}
              valueHeader={t('dashboard.count')}
              data={perStatus}
            />
            <BarChart
              title={t('dashboard.bySido')}
              labelHeader={t('review.sido')}
              valueHeader={t('dashboard.count')}
              data={SIDOS.filter((s) => stats.awardsBySido[s.code]).map((s) => {
                const v = stats.awardsBySido[s.code] ?? { count: 0, amount: 0 };
                return {
                  key: s.code,
                  label: s.name,
                  value: v.count,
                  display: `${formatCount(v.count, lang)} (${formatWon(v.amount, lang)})`,
                };
              })}
            />
            <section className="app-chart" aria-labelledby="dash-quota">
              <h2 id="dash-quota" className="app-h3">
                {t('dashboard.quota')}
              </h2>
              <UsageBar
                label={t('dashboard.budget')}
                used={budgetUsed}
                total={quota?.budget}
                text={
                  quota?.budget
                    ? t('dashboard.used', {
                        used: formatWon(budgetUsed, lang),
                        total: formatWon(quota.budget, lang),
                        percent: percent(budgetUsed, quota.budget),
                      })
                    : t('dashboard.noLimit', { used: formatWon(budgetUsed, lang) })
                }
              />
              <UsageBar
                label={t('dashboard.awards')}
                used={awards}
                total={quota?.maxAwards}
                text={
                  quota?.maxAwards
                    ? t('dashboard.used', {
                        used: formatCount(awards, lang),
                        total: formatCount(quota.maxAwards, lang),
                        percent: percent(awards, quota.maxAwards),
                      })
                    : t('dashboard.noLimit', { used: formatCount(awards, lang) })
                }
              />
            </section>
          </div>
        </>
      ) : null}
    </>
  );
}
