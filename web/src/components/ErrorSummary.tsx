import {
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
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
  entries: given,
  title,
  focusRef,
  scope,
  children,
}: {
  entries: SummaryEntry[];
  title?: ReactNode;
  focusRef?: RefObject<HTMLDivElement | null>;
  /**
   * The id of the form whose fields show these messages. An entry without a target is then tied to the
   * control its message is shown under (the n-th field showing the same text for the n-th such entry), and
   * named by that control's label: forms whose fields are built deep inside (rule conditions, examples)
   * need no map from error paths to ids.
   */
  scope?: string;
  /** More explanation under the entries (e.g. the examples that disagree with a rule). */
  children?: ReactNode;
}) {
  const { t } = useLang();
  const [found, setFound] = useState<Record<number, SummaryEntry>>({});
  const key = JSON.stringify(given);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the entries' content
  useLayoutEffect(() => {
    const next = scope ? locateEntries(scope, given, t('common.required')) : {};
    setFound((cur) => (JSON.stringify(cur) === JSON.stringify(next) ? cur : next));
  }, [key, scope]);
  const entries = given.map((e, i) => found[i] ?? e);
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

/** Ties each untargeted entry to the control that shows its message in the form `scope`, and its label. */
function locateEntries(
  scope: string,
  entries: SummaryEntry[],
  required: string,
): Record<number, SummaryEntry> {
  const root = document.getElementById(scope);
  if (!root) return {};
  const shown = [...root.querySelectorAll<HTMLElement>('.form-hint-invalid[id]')];
  const used = new Map<string, number>();
  const out: Record<number, SummaryEntry> = {};
  entries.forEach((e, i) => {
    if (e.target) return;
    const n = used.get(e.message) ?? 0;
    used.set(e.message, n + 1);
    const message = shown.filter((el) => el.textContent === e.message)[n];
    const control = message
      ? [...root.querySelectorAll<HTMLElement>('[aria-describedby]')].find((el) =>
          el.getAttribute('aria-describedby')?.split(' ').includes(message.id),
        )
      : undefined;
    if (!control?.id) return;
    const labelEl =
      control.tagName === 'FIELDSET'
        ? control.querySelector('legend')
        : [...root.querySelectorAll('label')].find((l) => l.htmlFor === control.id);
    const label = labelEl?.textContent?.replace(`(${required})`, '').trim();
    out[i] = { ...e, target: control.id, label: e.label ?? label };
  });
  return out;
}

/** Focuses a control, or the first control inside a group, and brings it into view. */
function focusField(el: HTMLElement): void {
  // A field inside a collapsed panel (an example) cannot take focus until the panel is open.
  const panel = el.closest('details');
  if (panel && !panel.open) panel.open = true;
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
