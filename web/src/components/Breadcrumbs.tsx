import { Link } from 'react-router';
import { useLang } from '../i18n/i18n';

export interface Crumb {
  label: string;
  to?: string;
}

/** KRDS breadcrumb: home, then the given trail; the last item is the current page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t, lang } = useLang();
  return (
    <nav className="krds-breadcrumb-wrap" aria-label={lang === 'ko' ? '현재 경로' : 'Breadcrumb'}>
      <ol className="breadcrumb">
        <li className="home">
          <Link to="/" className="txt">
            {t('common.home')}
          </Link>
        </li>
        {items.map((c, i) => (
          <li key={c.to ?? c.label}>
            {c.to && i < items.length - 1 ? (
              <Link to={c.to} className="txt">
                {c.label}
              </Link>
            ) : (
              <span className="txt" aria-current="page">
                {c.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
