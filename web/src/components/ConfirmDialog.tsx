import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useLang } from '../i18n/i18n';

/**
 * A modal confirmation on the native <dialog>: the browser traps focus, Escape cancels, and focus returns
 * to the opener when it closes.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  danger,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
}) {
  const { t } = useLang();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    } else if (!open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="app-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="app-dialog-title">
        {title}
      </h2>
      <div className="app-dialog-body">{children}</div>
      <div className="app-actions">
        <button type="button" className="krds-btn tertiary medium" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={`krds-btn ${danger ? 'primary app-danger' : 'primary'} medium`}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
