import { groupReasons, isReasonGroup, type ReasonGroup } from '@sbiz24/shared/rules/reason-groups';
import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ApplicationStatus } from '../../api/applications';
import type {
  Match as ApiMatch,
  NearMiss as ApiNearMiss,
  Reason as ApiReason,
  MatchesResponse,
  ProgramKind,
} from '../../api/types';
import { DDayBadge } from '../../components/Badges';
import { Alert, EmptyState } from '../../components/Feedback';
import { Tabs } from '../../components/Tabs';
import { useLang } from '../../i18n/i18n';

const KINDS: ProgramKind[] = ['policy-fund', 'support', 'disaster-relief'];

type Reason = ApiReason;
type Match = ApiMatch;
type NearMiss = ApiNearMiss;

const VERDICT = { true: 'met', false: 'unmet', null: 'unknown' } as const;
const verdictOf = (met: boolean | null) => VERDICT[String(met) as keyof typeof VERDICT];

/**
 * "다음 중 하나만 충족하면 됩니다" as a heading, its alternatives as a nested list, the alternative(s) that
 * hold marked in words, and the group's own verdict (met when one alternative is, unknown when none is but one
 * may be). An alternative of several conditions reads "다음을 모두 충족해야 합니다" with its own nested list.
 */
function ReasonGroupItem({ group }: { group: ReasonGroup<Reason> }) {
  const { t } = useLang();
  const headingId = useId();
  const verdict = verdictOf(group.met);
  return (
    <li className={`app-reason-group app-reason-${verdict}`}>
      <h4 id={headingId} className="app-reason-group-title">
        {t('owner.anyOf')} <span className="app-reason-verdict">{t(`owner.anyOf_${verdict}`)}</span>
      </h4>
      <ul aria-labelledby={headingId}>
        {group.alternatives.map((alt) =>
          alt.reasons.length === 1 ? (
            <ReasonItem key={alt.path} reason={alt.reasons[0]!} passed={alt.met === true} />
          ) : (
            <li key={alt.path} className="app-reason-alternative">
              <span className="app-reason-group-title">
                {t('owner.allOf')}
                {alt.met === true ? (
                  <strong className="app-reason-passed"> {t('owner.passed')}</strong>
                ) : null}
              </span>
              <ul>
                {alt.reasons.map((r) => (
                  <ReasonItem key={`${r.path}-${r.type}`} reason={r} />
                ))}
              </ul>
            </li>
          ),
        )}
      </ul>
    </li>
  );
}

/** Reasons in rule order, each "다음 중 하나" group shown as a group (see shared/src/rules/reason-groups.ts). */
export function ReasonList({ reasons, className }: { reasons: readonly Reason[]; className?: string }) {
  return (
    <ul className={className}>
      {groupReasons(reasons).map((r) =>
        isReasonGroup(r) ? (
          <ReasonGroupItem key={`group-${r.anyOf}`} group={r} />
        ) : (
          <ReasonItem key={`${r.path}-${r.type}`} reason={r} />
        ),
      )}
    </ul>
  );
}

/** A reason with its verdict in words and a symbol, so that it never relies on colour alone. */
export function ReasonItem({ reason, passed = false }: { reason: Reason; passed?: boolean }) {
  const { t, lang } = useLang();
  const verdict = verdictOf(reason.met);
  const symbol = verdict === 'met' ? '✓' : verdict === 'unmet' ? '✕' : '?';
  return (
    <li className={`app-reason app-reason-${verdict}`}>
      <span className="app-reason-mark" aria-hidden="true">
        {symbol}
      </span>
      <span className="app-reason-verdict">{t(`owner.${verdict}`)}</span>
      <span className="app-reason-text">
        {lang === 'en' && reason.textEn ? reason.textEn : reason.text}
        {passed ? <strong className="app-reason-passed"> {t('owner.passed')}</strong> : null}
      </span>
    </li>
  );
}

/** What the match list needs to offer 신청하기: the business, and its active applications by program. */
export interface ApplyOptions {
  brn: string;
  /** The business's active application (id and status) per program: those show their status instead. */
  active: Record<string, { id: string; status: ApplicationStatus }>;
}

function ApplyControls({
  match,
  title,
  apply,
  selected,
  onToggle,
}: {
  match: Match;
  title: string;
  apply: ApplyOptions;
  selected: boolean;
  onToggle: (on: boolean) => void;
}) {
  const { t } = useLang();
  const current = apply.active[match.id];
  if (current) {
    return (
      <div className="app-actions app-apply-row">
        <span className="krds-badge bg-light-information">
          {t('apply.alreadyApplied', { status: t(`appStatus.${current.status}`) })}
        </span>
        <Link to={`/my/applications/${encodeURIComponent(current.id)}`} className="krds-btn text small">
          {t('apply.viewApplication')}
        </Link>
      </div>
    );
  }
  const checkId = `apply-select-${match.id}`;
  return (
    <div className="app-actions app-apply-row">
      <div className="krds-form-check">
        <input
          type="checkbox"
          id={checkId}
          checked={selected}
          onChange={(e) => onToggle(e.target.checked)}
          aria-label={t('apply.selectFor', { title })}
        />
        <label htmlFor={checkId}>{t('apply.select')}</label>
      </div>
      <Link
        to={`/my/businesses/${encodeURIComponent(apply.brn)}/apply?programs=${encodeURIComponent(match.id)}`}
        className="krds-btn primary small"
        aria-label={t('apply.actionFor', { title })}
      >
        {t('apply.action')}
      </Link>
    </div>
  );
}

function MatchItem({
  match,
  apply,
  selected = false,
  onToggle = () => undefined,
}: {
  match: Match;
  apply?: ApplyOptions | undefined;
  selected?: boolean;
  onToggle?: (on: boolean) => void;
}) {
  const { t, lang } = useLang();
  const title = lang === 'en' && match.titleEn ? match.titleEn : match.title;
  return (
    <li className="app-card app-match">
      <div className="app-match-head">
        <h3 className="app-card-title">
          <Link to={`/programs/${encodeURIComponent(match.id)}`}>{title}</Link>
        </h3>
        <DDayBadge dDay={match.dDay} />
      </div>
      {apply ? (
        <ApplyControls match={match} title={title} apply={apply} selected={selected} onToggle={onToggle} />
      ) : null}
      <details className="app-reasons" open>
        <summary>{t('owner.reasons')}</summary>
        <ReasonList reasons={match.reasons} />
      </details>
    </li>
  );
}

function NearMissItem({ miss }: { miss: NearMiss }) {
  const { t, lang } = useLang();
  return (
    <li className="app-card app-near-miss">
      <div className="app-badges">
        <span className="krds-badge bg-light-warning">{t(`kind.${miss.kind}`)}</span>
      </div>
      <h3 className="app-card-title">
        <Link to={`/programs/${encodeURIComponent(miss.id)}`}>
          {lang === 'en' && miss.titleEn ? miss.titleEn : miss.title}
        </Link>
      </h3>
      <p className="app-strong">{lang === 'en' && miss.changeEn ? miss.changeEn : miss.change}</p>
      <p className="app-muted">
        {t('owner.blocking')}:{' '}
        {lang === 'en' && miss.blocking.textEn ? miss.blocking.textEn : miss.blocking.text}
      </p>
    </li>
  );
}

/**
 * The matched programs of one business, grouped by kind in tabs (with counts), each with its reasons; and
 * the near misses: programs one change away, with the change in a sentence.
 */
export function MatchList({ result, apply }: { result: MatchesResponse; apply?: ApplyOptions }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<string[]>([]);
  const [selectionError, setSelectionError] = useState<string>();
  const eligible = (kind: ProgramKind): Match[] => (result.groups[kind] ?? []).filter((m) => m.eligible);
  const firstWithMatches = KINDS.find((k) => eligible(k).length > 0) ?? KINDS[0]!;
  const [active, setActive] = useState<string>(firstWithMatches);
  const total = KINDS.reduce((n, k) => n + eligible(k).length, 0);
  const toggle = (id: string) => (on: boolean) => {
    setSelectionError(undefined);
    setSelected((cur) => (on ? [...cur.filter((x) => x !== id), id] : cur.filter((x) => x !== id)));
  };
  const applySelected = () => {
    if (!apply) return;
    if (selected.length === 0) return setSelectionError(t('apply.noneSelected'));
    navigate(
      `/my/businesses/${encodeURIComponent(apply.brn)}/apply?programs=${selected.map(encodeURIComponent).join(',')}`,
    );
  };
  return (
    <>
      <div role="status">
        <h2 className="app-h2">{t('owner.eligibleCount', { count: total })}</h2>
      </div>
      {apply && total > 0 ? (
        <div className="app-apply-bar">
          <p className="app-muted">{t('apply.bulkHint')}</p>
          <div className="app-actions">
            <span role="status" className="app-strong">
              {t('apply.selectedCount', { count: selected.length })}
            </span>
            <button type="button" className="krds-btn primary medium" onClick={applySelected}>
              {t('apply.applySelected')}
            </button>
          </div>
          {selectionError ? <Alert tone="warning">{selectionError}</Alert> : null}
        </div>
      ) : null}
      <Tabs
        label={t('owner.seeMatches')}
        active={active}
        onChange={setActive}
        items={KINDS.map((k) => ({
          key: k,
          label: `${t(`kind.${k}`)} (${eligible(k).length})`,
          content:
            eligible(k).length === 0 ? (
              <EmptyState>{t('owner.noMatches', { kind: t(`kind.${k}`) })}</EmptyState>
            ) : (
              <ul className="app-cards">
                {eligible(k).map((m) => (
                  <MatchItem
                    key={m.id}
                    match={m}
                    apply={apply}
                    selected={selected.includes(m.id)}
                    onToggle={toggle(m.id)}
                  />
                ))}
              </ul>
            ),
        }))}
      />
      <section aria-labelledby="near-misses-title">
        <h2 id="near-misses-title" className="app-h2">
          {t('owner.nearMissesTitle')}
        </h2>
        {result.nearMisses.length === 0 ? (
          <EmptyState>{t('owner.nearMissesEmpty')}</EmptyState>
        ) : (
          <ul className="app-cards cols-2">
            {result.nearMisses.map((m) => (
              <NearMissItem key={m.id} miss={m} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
