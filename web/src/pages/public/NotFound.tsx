import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { useLang } from '../../i18n/i18n';

export default function NotFound() {
  const { t } = useLang();
  return (
    <>
      <PageTitle text={t('common.notFound')} />
      <Link to="/" className="krds-btn primary medium">
        {t('common.goHome')}
      </Link>
    </>
  );
}
