import { useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { Program } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorSummary, useFocusRequest } from '../../components/ErrorSummary';
import { useLang } from '../../i18n/i18n';

interface Mismatch {
  list: 'mustMatch' | 'mustNotMatch';
  index: number;
  name: string;
  expected: boolean;
  eligible: boolean;
  reasons?: { path: string; met: boolean | null; text: string }[];
}

/** Publish (drafts) and close (open or scheduled), each after a confirmation; example mismatches listed. */
export function ProgramActions({
  program,
  onChanged,
  dirty,
}: {
  program: Program;
  onChanged: (p: Program, message: string) => void;
  /** Unsaved edits: publishing acts on the saved version, so save first. */
  dirty: boolean;
}) {
  const { t } = useLang();
  const [confirm, setConfirm] = useState<'publish' | 'close' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The dialog has closed by the time the answer comes: without this, focus would be left on the page body.
  const [summaryRef, focusSummary] = useFocusRequest();
  const run = async (action: 'publish' | 'close') => {
    setConfirm(null);
    setBusy(true);
    setError(null);
    try {
      const res = await api<{ program: Program }>(
        `/api/staff/programs/${encodeURIComponent(program.id)}/${action}`,
        { method: 'POST', body: { version: program.version } },
      );
      onChanged(
        res.program,
        action === 'publish'
          ? t('editor.published', { status: t(`status.${res.program.status}`) })
          : t('editor.closed'),
      );
    } catch (e) {
      setError(e);
      focusSummary();
    } finally {
      setBusy(false);
    }
  };
  const mismatches =
    error instanceof ApiError && error.code === 'EXAMPLE_MISMATCH' && Array.isArray(error.rawDetails)
      ? (error.rawDetails as Mismatch[])
      : null;
  return (
    <div className="app-program-actions">
      <div className="app-actions">
        {program.status === 'draft' ? (
          <button
            type="button"
            className="krds-btn primary large"
            disabled={busy || dirty}
            onClick={() => setConfirm('publish')}
          >
            {t('editor.publish')}
          </button>
        ) : null}
        {program.status === 'open' || program.status === 'scheduled' ? (
          <button
            type="button"
            className="krds-btn tertiary large"
            disabled={busy}
            onClick={() => setConfirm('close')}
          >
            {t('editor.close')}
          </button>
        ) : null}
      </div>
      {mismatches ? (
        <ErrorSummary
          focusRef={summaryRef}
          title={error instanceof ApiError ? error.message : t('editor.exampleMismatch')}
          entries={mismatches.map((m) => ({
            target: `ex-${m.list}-${m.index}-name`,
            label: `${t(`examples.${m.list}`)} · ${m.name}`,
            message:
              m.reasons && m.reasons.length > 0
                ? m.reasons.map((r) => r.text).join(' / ')
                : t('editor.exampleMismatch'),
          }))}
        />
      ) : error ? (
        <ErrorSummary
          focusRef={summaryRef}
          title={t('common.errorTitle')}
          entries={[{ message: error instanceof ApiError ? error.message : t('common.unexpected') }]}
        />
      ) : null}
      <ConfirmDialog
        open={confirm === 'publish'}
        title={t('editor.publish')}
        confirmLabel={t('editor.publish')}
        onConfirm={() => void run('publish')}
        onCancel={() => setConfirm(null)}
      >
        <p>{t('editor.publishConfirm', { title: program.title })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'close'}
        title={t('editor.close')}
        confirmLabel={t('editor.close')}
        danger
        onConfirm={() => void run('close')}
        onCancel={() => setConfirm(null)}
      >
        <p>{t('editor.closeConfirm', { title: program.title })}</p>
      </ConfirmDialog>
    </div>
  );
}
