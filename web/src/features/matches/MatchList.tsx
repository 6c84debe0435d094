import { useState } from 'react';
import { Link } from 'react-router';
import type {
  Match as ApiMatch,
  NearMiss as ApiNearMiss,
  Reason as ApiReason,
  MatchesResponse,
  ProgramKind,
} from '../../api/types';
import { DDayBadge } from '../../components/Badges';
import { EmptyState } from '../../components/Feedback';
import { Tabs } from '../../components/Tabs';
import { useLang } from '../../i18n/i18n';

const KINDS: ProgramKind[] = ['policy-fund', 'support', 'disaster-relief'];

/** What the matching engine adds to the API's shapes: the "one of" group of a reason, English titles. */
type Reason = ApiReason & { anyOf?: string };
type Match = Omit<ApiMatch, 'reasons'> & { reasons: Reason[]; titleEn?: string | null };
type NearMiss = ApiNearMiss & { titleEn?: string | null };

/** The reasons in order, consecutive members of one "one of" group gathered together. */
export function groupReasons(reasons: readonly Reason[]): (Reason | { anyOf: string; members: Reason[] })[] {
  const out: (Reason | { anyOf: string; members: Reason[] })[] = [];
  for (const r of reasons) {
    const last = out[out.length - 1];
    if (r.anyOf === undefined) out.push(r);
    else if (last && 'members' in last && last.anyOf === r.anyOf) last.members.push(r);
    else out.push({ anyOf: r.anyOf, members: [r] });
  }
  return out;
}

/** "다음 중 하나" with its members; says whether one of them is met, so no line reads as required alone. */
function ReasonGroup({ members }: { members: Reason[] }) {
  const { t } = useLang();
  const passed = members.some((m) => m.met === true);
  return (
    <li className="app-reason-group">
      <span className="app-reason-verdict">
        {t('owner.anyOf')} ({passed ? t('owner.anyOfMet') : t('owner.anyOfUnmet')})
      </span>
      <ul>
        {members.map((r) => (
          <ReasonItem key={`${r.path}-${r.type}`} reason={r} />
        ))}
      </ul>
    </li>
  );
}

/** A reason with its verdict in words and a symbol, so that it never relies on colour alone. */
export function ReasonItem({ reason }: { reason: Reason }) {
  const { t, lang } = useLang();
  const verdict = reason.met === true ? 'met' : reason.met === false ? 'unmet' : 'unknown';
  const symbol = verdict === 'met' ? '✓' : verdict === 'unmet' ? '✕' : '?';
  return (
    <li className={`app-reason app-reason-${verdict}`}>
      <span className="app-reason-mark" aria-hidden="true">
        {symbol}
      </span>
      <span className="app-reason-verdict">{t(`owner.${verdict}`)}</span>
      <span className="app-reason-text">{lang === 'en' && reason.textEn ? reason.textEn : reason.text}</span>
    </li>
  );
}

function MatchItem({ match }: { match: Match }) {
  const { t, lang } = useLang();
  return (
    <li className="app-card app-match">
      <div className="app-match-head">
        <h3 className="app-card-title">
          <Link to={`/programs/${encodeURIComponent(match.id)}`}>
            {lang === 'en' && match.titleEn ? match.titleEn : match.title}
          </Link>
        </h3>
        <DDayBadge dDay={match.dDay} />
      </div>
      <details className="app-reasons" open>
        <summary>{t('owner.reasons')}</summary>
        <ul>
          {groupReasons(match.reasons).map((r) =>
            'members' in r ? (
              <ReasonGroup key={`group-${r.anyOf}`} members={r.members} />
            ) : (
              <ReasonItem key={`${r.path}-${r.type}`} reason={r} />
            ),
          )}
        </ul>
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
export function MatchList({ result }: { result: MatchesResponse }) {
  const { t } = useLang();
  const eligible = (kind: ProgramKind): Match[] => (result.groups[kind] ?? []).filter((m) => m.eligible);
  const firstWithMatches = KINDS.find((k) => eligible(k).length > 0) ?? KINDS[0]!;
  const [active, setActive] = useState<string>(firstWithMatches);
  const total = KINDS.reduce((n, k) => n + eligible(k).length, 0);
  return (
    <>
      <div role="status">
        <h2 className="app-h2">{t('owner.eligibleCount', { count: total })}</h2>
      </div>
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
                  <MatchItem key={m.id} match={m} />
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
            {(result.nearMisses as NearMiss[]).map((m) => (
              <NearMissItem key={m.id} miss={m} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
