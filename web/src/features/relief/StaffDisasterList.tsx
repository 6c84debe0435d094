import type { Disaster } from '@sbiz24/shared/disaster/disaster';
import { Link } from 'react-router';
import { ErrorState } from '../../components/Feedback';
import { useLang } from '../../i18n/i18n';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/use-api';

/** Declared disasters on the staff page, newest first, each with its damage list upload. */
export function StaffDisasterList() {
  const { t, lang } = useLang();
  const { data, error, reload } = useApi<{ items: Disaster[] }>('/api/disasters');
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const items = [...(data?.items ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate));
  if (items.length === 0) return null;
  return (
    <div className="app-table-wrap app-mt-2">
      <table className="app-table">
        <caption>{t('damageImport.listTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('disasterForm.name')}</th>
            <th scope="col">{t('disasters.period')}</th>
            <th scope="col">{t('damageImport.link')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id}>
              <th scope="row">{d.name}</th>
              <td>
                {formatDate(d.startDate, lang)} ~ {formatDate(d.endDate, lang)}
              </td>
              <td>
                <Link
                  to={`/staff/disasters/${encodeURIComponent(d.id)}/damage-imports`}
                  aria-label={`${d.name}: ${t('damageImport.link')}`}
                >
                  {t('damageImport.link')}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
