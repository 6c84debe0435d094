import type { LifecycleStage, ProgramKind, ProgramStatus } from '../api/types';
import { useLang } from '../i18n/i18n';
import { describeDDay, formatDDay } from '../lib/format';

const KIND_TONE: Record<ProgramKind, string> = {
  'policy-fund': 'bg-light-primary',
  support: 'bg-light-secondary',
  'disaster-relief': 'bg-light-danger',
};

const STATUS_TONE: Record<ProgramStatus, string> = {
  draft: 'outline-gray',
  scheduled: 'outline-information',
  open: 'outline-success',
  closed: 'outline-disabled',
};

export function KindBadge({ kind }: { kind: ProgramKind }) {
  const { t } = useLang();
  return <span className={`krds-badge ${KIND_TONE[kind]}`}>{t(`kind.${kind}`)}</span>;
}

export function StatusBadge({ status }: { status: ProgramStatus }) {
  const { t } = useLang();
  return <span className={`krds-badge ${STATUS_TONE[status]}`}>{t(`status.${status}`)}</span>;
}

export function StageBadge({ stage }: { stage: LifecycleStage | null }) {
  const { t } = useLang();
  return <span className="krds-badge bg-secondary">{t(`stage.${stage ?? 'unknown'}`)}</span>;
}

/** D-day counter; red within a week of the deadline. The spoken text says how many days are left. */
export function DDayBadge({ dDay }: { dDay: number | null | undefined }) {
  const { lang } = useLang();
  const text = formatDDay(dDay, lang);
  if (!text) return null;
  const tone = dDay !== null && dDay !== undefined && dDay >= 0 && dDay <= 7 ? 'bg-danger' : 'bg-gray';
  return (
    <span className={`krds-badge ${tone} app-dday`}>
      <span aria-hidden="true">{text}</span>
      <span className="sr-only">{describeDDay(dDay, lang)}</span>
    </span>
  );
}
