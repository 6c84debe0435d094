import { useEffect, useRef } from 'react';
import type { AuditEntry } from '../../api/types';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { useLang } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';

/** Who changed the program, when, what, and which version it made. `refreshKey` refetches after a change. */
export function AuditHistory({ programId, refreshKey }: { programId: string; refreshKey: number }) {
  const { t, lang } = useLang();
  const { data, error, loading, reload } = useApi<{ items: AuditEntry[] }>(
    `/api/staff/programs/${encodeURIComponent(programId)}/audit`,
  );
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch when the program changed, not on mount
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [refreshKey]);
  if (loading && !data) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const items = [...(data?.items ?? [])].reverse();
  if (items.length === 0) return <EmptyState>{t('editor.auditEmpty')}</EmptyState>;
  return (
    <div className="app-table-wrap">
      <table className="app-table">
        <caption className="sr-only">{t('editor.audit')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('editor.auditColumns.at')}</th>
            <th scope="col">{t('editor.auditColumns.actor')}</th>
            <th scope="col">{t('editor.auditColumns.action')}</th>
            <th scope="col">{t('editor.auditColumns.summary')}</th>
            <th scope="col" className="app-num">
              {t('editor.auditColumns.version')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={`${a.at}-${a.action}-${a.version}`}>
              <td>{formatDateTime(a.at, lang)}</td>
              <td>{a.actorId}</td>
              <td>{t(`editor.actions.${a.action}`, { defaultValue: a.action })}</td>
              <td>{a.summary}</td>
              <td className="app-num">{a.version}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
