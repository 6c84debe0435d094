import { type ReactNode, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { useLang } from '../i18n/i18n';

/** One problem of a form: the message, the field's visible name, and the id of the control to go to. */
export interface SummaryEntry {
  /** The id of the control (or fieldset) the entry links to; absent for a problem of the whole form. */
  target?: string | undefined;
  /** The field's name as its label shows it, so that the entry says which field it is about. */
  label?: string | undefined;
  message: string;
}

/**
 * The KRDS error summary: at the top of a form, one entry per problem, each a link that moves focus to its
 * field. It is the place focus goes after a failed submit (see `useFocusRequest`), so that a screen reader
 * reads how many problems there are and a keyboard user can jump to each.
 */
export function ErrorSummary({
  entries,
  title,
  focusRef,
  children,
}: {
  entries: SummaryEntry[];
  title?: ReactNode;
  focusRef?: RefObject<HTMLDivElement | null>;
  /** More explanation under the entries (e.g. the examples that disagree with a rule). */
  children?: ReactNode;
}) {
  const { t } = useLang();
  if (entries.length === 0 && !children) return null;
  return (
    <div
      ref={focusRef}
      tabIndex={-1}
      className="app-alert app-alert-danger app-error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
    >
      <p className="app-alert-title" id="error-summary-title">
        {title ?? t('common.formHasErrors', { count: entries.length })}
      </p>
      <div className="app-alert-body">
        {entries.length > 0 ? (
          <ul>
            {entries.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the entries of one submit never reorder
              <li key={i}>
                {e.target ? (
                  <a
                    href={`#${e.target}`}
                    onClick={(ev) => {
                      const el = document.getElementById(e.target ?? '');
                      if (!el) return;
                      ev.preventDefault();
                      focusField(el);
                    }}
                  >
                    {entryText(e)}
                  </a>
                ) : (
                  entryText(e)
                )}
              </li>
            ))}
          </ul>
        ) : null}
        {children}
      </div>
    </div>
  );
}

/** "상호: 비어 있을 수 없습니다." — the field named first, as the summary is read out of context. */
export function entryText(e: SummaryEntry): string {
  return e.label && !e.message.startsWith(e.label) ? `${e.label}: ${e.message}` : e.message;
}

/** Focuses a control, or the first control inside a group, and brings it into view. */
function focusField(el: HTMLElement): void {
  const control =
    el.matches('input, select, textarea, button, [tabindex]') && !el.matches('fieldset')
      ? el
      : (el.querySelector<HTMLElement>('input, select, textarea, button') ?? el);
  control.focus();
  control.scrollIntoView?.({ block: 'center' });
}

/**
 * A ref for the summary and a function that moves focus to it once the next render has put it in the
 * page (a summary that appears in the same event as the submit does not exist yet when the handler runs).
 */
export function useFocusRequest(): [RefObject<HTMLDivElement | null>, () => void] {
  const ref = useRef<HTMLDivElement>(null);
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    if (nonce > 0) ref.current?.focus();
  }, [nonce]);
  return [ref, useCallback(() => setNonce((n) => n + 1), [])];
}
