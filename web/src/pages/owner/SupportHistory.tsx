import { Link, useParams } from 'react-router';
import { type SupportHistoryEntry, supportHistoryPath } from '../../api/applications';
import type { BusinessItem } from '../../api/types';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { useLang } from '../../i18n/i18n';
import { formatWon } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { AddSupportForm } from './AddSupportForm';

/** 지원 이력: support awarded through the portal (포털 선정) and support the owner entered (자가 입력). */
export default function SupportHistory() {
  const { brn = '' } = useParams();
  const { t, lang } = useLang();
  const business = useApi<{ business: BusinessItem }>(`/api/me/businesses/${encodeURIComponent(brn)}`);
  const history = useApi<{ items: SupportHistoryEntry[] }>(supportHistoryPath(brn));
  const b = business.data?.business;
  if (business.loading && !b) return <Loading />;
  if (!b) return <ErrorState error={business.error} onRetry={business.reload} />;
  const title = t('history.title', { name: b.tradeName });
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('owner.title'), to: '/my' },
          { label: b.tradeName, to: `/my/businesses/${b.brn}` },
          { label: t('appNav.history') },
        ]}
      />
      <PageTitle text={title} lead={t('history.lead')} />
      {history.loading ? <Loading /> : null}
      {history.error ? <ErrorState error={history.error} onRetry={history.reload} /> : null}
      {history.data && history.data.items.length === 0 ? <EmptyState>{t('history.empty')}</EmptyState> : null}
      {history.data && history.data.items.length > 0 ? (
        <div className="app-table-wrap app-mt-2">
          <table className="app-table">
            <caption className="sr-only">{t('history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.year')}</th>
                <th scope="col">{t('history.program')}</th>
                <th scope="col" className="app-num">
                  {t('history.amount')}
                </th>
                <th scope="col">{t('history.source')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.items.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: self-reported entries have no id of their own
                <tr key={`${h.programId}-${h.year}-${i}`}>
                  <td>{h.year}</td>
                  <th scope="row">
                    {h.applicationId ? (
                      <Link to={`/my/applications/${encodeURIComponent(h.applicationId)}`}>
                        {h.programTitle ?? h.programId}
                      </Link>
                    ) : (
                      (h.programTitle ?? h.programId)
                    )}
                  </th>
                  <td className="app-num">
                    {h.amount !== undefined ? formatWon(h.amount, lang) : t('history.noAmount')}
                  </td>
                  <td>
                    <span
                      className={`krds-badge ${h.source === 'portal' ? 'bg-light-primary' : 'outline-gray'}`}
                    >
                      {t(`supportSource.${h.source}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <AddSupportForm
        brn={b.brn}
        version={b.version}
        onAdded={() => {
          history.reload();
          business.reload();
        }}
      />
    </>
  );
}
