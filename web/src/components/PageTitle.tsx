import { type ReactNode, useEffect, useRef } from 'react';
import { useLang } from '../i18n/i18n';

/**
 * The page's h1; also sets the document title and, after in-app navigation, moves focus to the heading so
 * that screen-reader users hear where they arrived.
 */
export function PageTitle({
  children,
  text,
  lead,
}: {
  children?: ReactNode;
  text: string;
  lead?: ReactNode;
}) {
  const { t } = useLang();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${text} | ${t('site.name')}`;
  }, [text, t]);
  useEffect(() => {
    if ((window.history.state as { idx?: number } | null)?.idx) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="app-page-title">
      <h1 ref={ref} tabIndex={-1} className="app-h1">
        {children ?? text}
      </h1>
      {lead ? <p className="app-lead">{lead}</p> : null}
    </div>
  );
}
