import { DEMO_OWNED_BUSINESSES } from '../local/demo-data';
import { application, idempotency, stepped, submitAudit } from './application-data';
import type { TestApp } from './test-app';

/**
 * Owner A's (김하늘, the first demo business) applications in a test app: one submitted to youth-fund (semas)
 * with a checked file as an answer, one to online-sales waiting for a supplement; and a checked file and a
 * pending one (its bytes uploaded, not yet checked). The authorization matrix and the contract test use them.
 */
const kimCafe = DEMO_OWNED_BUSINESSES[0]!.profile.brn;
export const SUBMITTED = 'matrixSubmitted0001';
export const SUPPLEMENT = 'matrixSupplement0001';
export const READY_FILE = 'matrix-ready-file';
export const PENDING_FILE = 'matrix-pending-file';
const PDF = new TextEncoder().encode('%PDF-1.7\n%matrix\n');

export async function seedApplicationsOfA(t: TestApp): Promise<void> {
  const owner = { ownerId: 'owner-kim', createdAt: '2026-11-25T00:00:00.000Z' };
  await t.repos.files.create({
    ...owner,
    id: READY_FILE,
    name: '매출.pdf',
    type: 'application/pdf',
    size: PDF.length,
    status: 'pending',
  });
  t.storage.put(`uploads/${READY_FILE}`, PDF);
  await t.repos.files.markReady(READY_FILE, {
    type: 'application/pdf',
    size: PDF.length,
    sha256: 'a'.repeat(64),
  });
  await t.repos.files.create({
    ...owner,
    id: PENDING_FILE,
    name: '계획.pdf',
    type: 'application/pdf',
    size: PDF.length,
    status: 'pending',
  });
  t.storage.put(`uploads/${PENDING_FILE}`, PDF);
  const profile = DEMO_OWNED_BUSINESSES[0]!.profile;
  const file = { id: READY_FILE, name: '매출.pdf', type: 'application/pdf' as const, size: PDF.length };
  const submitted = application(SUBMITTED, {
    brn: kimCafe,
    ownerId: 'owner-kim',
    programId: 'youth-fund',
    submittedAt: '2026-11-25T01:00:00.000Z',
    answers: { plan: file },
    snapshot: { ...application(SUBMITTED).snapshot, profile },
  });
  const waiting = application(SUPPLEMENT, {
    brn: kimCafe,
    ownerId: 'owner-kim',
    programId: 'online-sales',
    submittedAt: '2026-11-25T02:00:00.000Z',
    snapshot: { ...application(SUPPLEMENT).snapshot, profile },
  });
  await t.repos.applications.create({
    applications: [submitted, waiting],
    idempotency: idempotency('matrix-seed', [SUBMITTED, SUPPLEMENT], 'owner-kim'),
    audit: [submitAudit(submitted), submitAudit(waiting)],
  });
  await t.repos.applications.transition({
    next: stepped(waiting, 'supplement-requested', { supplementRounds: 1 }),
    expectedVersion: 1,
    from: 'submitted',
    releaseGuard: false,
    audit: { ...submitAudit(waiting), action: 'application.request-supplement', version: 2 },
  });
}
