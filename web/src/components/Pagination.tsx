import { useLang } from '../i18n/i18n';

/** The page numbers to show: first, last, and a window around the current page, with gaps as null. */
export function pageWindow(page: number, pages: number, radius = 2): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - page) <= radius) out.push(p);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}

/** KRDS pagination; `hrefFor` gives real links so that pages can be opened, bookmarked and shared. */
export function Pagination({
  page,
  pages,
  hrefFor,
  onNavigate,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  onNavigate: (page: number) => void;
}) {
  const { t } = useLang();
  if (pages <= 1) return null;
  const go = (p: number) => (e: React.MouseEvent) => {
    e.preventDefault();
    onNavigate(p);
  };
  return (
    <nav className="krds-pagination" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <a className="page-navi prev" href={hrefFor(page - 1)} onClick={go(page - 1)}>
          {t('pagination.prev')}
        </a>
      ) : (
        <span className="page-navi prev disabled" aria-disabled="true">
          {t('pagination.prev')}
        </span>
      )}
      <div className="page-links">
        {pageWindow(page, pages).map((p, i) =>
          p === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity
            <span key={`gap-${i}`} className="page-link link-dot" aria-hidden="true" />
          ) : (
            <a
              key={p}
              className={`page-link${p === page ? ' active' : ''}`}
              href={hrefFor(p)}
              onClick={go(p)}
              aria-current={p === page ? 'page' : undefined}
              aria-label={t('pagination.page', { page: p })}
            >
              {p}
            </a>
          ),
        )}
      </div>
      {page < pages ? (
        <a className="page-navi next" href={hrefFor(page + 1)} onClick={go(page + 1)}>
          {t('pagination.next')}
        </a>
      ) : (
        <span className="page-navi next disabled" aria-disabled="true">
          {t('pagination.next')}
        </span>
      )}
    </nav>
  );
}
