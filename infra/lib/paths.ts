import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (two levels above this file), whatever the working directory. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The lock file NodejsFunction hashes and esbuild resolves against: the workspace root's. */
export const lockFile = join(repoRoot, 'package-lock.json');

/**
 * The Lambda entry points (thin handlers, each exporting `handler`), by function. Infra points at them by path
 * and never imports them, so that the CDK app does not load the AWS SDK or hono.
 */
export const handlerEntries = {
  api: 'functions/src/aws/handlers/api.ts',
  apiDocs: 'functions/src/aws/handlers/api-docs.ts',
  apiAlerts: 'functions/src/aws/handlers/api-alerts.ts',
  apiApplications: 'functions/src/aws/handlers/api-applications.ts',
  alertsSender: 'functions/src/aws/handlers/alerts-sender.ts',
  alertsDispatch: 'functions/src/aws/handlers/alerts-dispatch.ts',
  prepare: 'functions/src/aws/handlers/prepare.ts',
  segmentWorker: 'functions/src/aws/handlers/segment-worker.ts',
  finalize: 'functions/src/aws/handlers/finalize.ts',
  notifier: 'functions/src/aws/handlers/notifier.ts',
} as const;

export type HandlerName = keyof typeof handlerEntries;

/** Absolute path of a handler's entry file. */
export function entryPath(name: HandlerName): string {
  return join(repoRoot, handlerEntries[name]);
}

/** The web app's production build, deployed by the Web construct. */
export const webDist = join(repoRoot, 'web', 'dist');

/**
 * The web build folder to deploy, or a clear error: the stack never deploys an empty or stale site by
 * accident. Tests pass their own placeholder folder instead of calling this.
 */
export function requireWebBuild(dir: string = webDist): string {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(
      `The web build is missing (${join(dir, 'index.html')}). Run \`npm run build:web\` first ` +
        '(`npm run synth` does it for you).',
    );
  }
  return dir;
}
