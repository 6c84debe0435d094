import type {
  AuditRepository,
  FirstSignInRepository,
  Notification,
  NotificationRepository,
} from '@sbiz24/shared';
import {
  countByKind,
  FIRST_SIGN_IN_DEDUPE_KEY,
  FIRST_SIGN_IN_FOLD_LIMIT,
  firstSignInSummaryText,
} from '@sbiz24/shared/alerts/first-sign-in';
import { notificationId } from './notifier';

export interface FirstSignInDeps {
  notifications: NotificationRepository;
  firstSignIn: FirstSignInRepository;
  audit: AuditRepository;
  clock: () => Date;
}

export interface FirstSignInResult {
  /** True when no earlier sign-in of the account was recorded (this call recorded it). */
  firstSignIn: boolean;
  /** Unread notifications from before it, now counted in one summary and marked read. */
  folded: number;
}

/**
 * An owner's sign-in (issue 14: "a first login that does not greet the owner with a wall of unread items").
 * The first one is recorded conditionally (`USER#<sub>` / `SIGNIN#FIRST`, put-if-absent): only the call that
 * records it folds, so two tabs signing in at once fold once. Everything unread that was created before it
 * (up to 1,000, oldest first) is marked read — each on the condition it is still unread — and one summary
 * notification takes its place ("가입 전 소식 15건을 모았습니다", counts by kind, kind `system`, dedupe key
 * `first-sign-in-summary`, so never two). Audited on the account with the counts only. Later sign-ins
 * change nothing.
 */
export async function recordSignIn(deps: FirstSignInDeps, userId: string): Promise<FirstSignInResult> {
  const at = deps.clock().toISOString();
  if (!(await deps.firstSignIn.recordFirstSignIn(userId, at))) return { firstSignIn: false, folded: 0 };
  const marked = await deps.firstSignIn.markReadBefore(userId, at, FIRST_SIGN_IN_FOLD_LIMIT);
  if (marked.length > 0) {
    const counts = countByKind(marked);
    const { title, body } = firstSignInSummaryText(counts);
    const summary: Notification = {
      id: notificationId(userId, FIRST_SIGN_IN_DEDUPE_KEY),
      userId,
      createdAt: at,
      kind: 'system',
      title,
      body,
      read: false,
      dedupeKey: FIRST_SIGN_IN_DEDUPE_KEY,
      summary: counts,
    };
    await deps.notifications.add(summary);
  }
  await deps.audit.append({
    entityType: 'account',
    entityId: userId,
    at,
    actorId: userId,
    action: 'first-sign-in',
    summary:
      marked.length > 0
        ? `first sign-in: ${marked.length} unread notifications folded into one summary`
        : 'first sign-in: nothing to fold',
  });
  return { firstSignIn: true, folded: marked.length };
}
