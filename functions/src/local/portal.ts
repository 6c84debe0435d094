import { rmSync, writeFileSync } from 'node:fs';

import type { AddressInfo } from 'node:net';

import { join, resolve } from 'node:path';

import { serve } from '@hono/node-server';
import { todayInKorea } from '@sbiz24/shared';
import { createApp } from '../http/app';
import { applicationRoutes } from '../http/application-routes';
import { openApiDocs } from '../http/docs';
import { alertsResource } from '../http/routes/alerts';
import { devMailboxResource } from '../http/routes/dev-mailbox';
import { createAccountVault } from '../services/account-vault';
import { createCatalogCache } from '../services/catalog-cache';
import { createLogger } from '../services/logger';
import { ensureTable } from '../store/create-table';
import { createDynamoClient, toDocumentClient } from '../store/dynamo-client';
import { createRepositories } from '../store/repositories';
import { TABLE_DESIGN } from '../store/table-design';
import { localAccountKeys } from './account-key-file';
import { type LocalAlerts, startLocalAlerts } from './alerts';
import { DEMO_USERS } from './demo-data';
import { createDevIssuer } from './dev-auth';
import { startDynalite } from './dynalite';
import { createLocalFileStorage } from './file-storage';
import { startLocalBatch } from './local-batch';
import { localDynamoDir, type PortalRuntimeInfo, portalInfoPath } from './local-table';
import { acquirePortalLock } from './lock';
import { mountDevMailbox } from './mailbox-page';
import { seedIfEmpty } from './seed';
import { createSeedProgress } from './seed-progress';
import { syntheticBusinesses } from './synthetic-businesses';
import { mountWebApp, webSecurityHeaders } from './web-app';

export interface PortalOptions {
  /** @default 3000; 0 picks a free port */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Where the table (and the lock file) live. @default './.data' */
  dataDir?: string;
  /** Synthetic businesses seeded on the first start. @default 20000 */
  seedBusinesses?: number;
  /** The built web app. @default 'web/dist' */
  webDist?: string;
  /** Where start-up progress goes. @default console */
  log?: Pick<Console, 'log' | 'error'>;
  /** The portal's clock ("today" for stages and deadlines). @default the system clock */
  clock?: () => Date;
  /** Powertools level of the API's request logs. @default LOG_LEVEL or 'WARN' */
  logLevel?: string;
}

export interface RunningPortal {
  /** `http://<host>:<port>` */
  url: string;
  port: number;
  dataDir: string;
  /** The development mailbox's SMTP port. */
  smtpPort: number;
  /** The alert channels (development mailbox, text-message log, sender). */
  alerts: LocalAlerts;
  /** Closes the server, the local DynamoDB and the lock; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The whole portal in one process, with no AWS account: dynalite persisted under `dataDir`, the table,
 * the demo data (seeded once), the dev identity issuer, and the same Hono app as on Lambda serving
 * `/api/*` beside the built web app. Used by `npm start` (main.ts) and by browser tests.
 */
export async function startPortal(options: PortalOptions = {}): Promise<RunningPortal> {
  const {
    port = 3000,
    host = '127.0.0.1',
    seedBusinesses = 20_000,
    webDist = 'web/dist',
    log = console,
    clock = () => new Date(),
  } = options;
  const dataDir = resolve(options.dataDir ?? './.data');
  const lock = acquirePortalLock(dataDir, port);
  const cleanups: (() => Promise<void> | void)[] = [() => lock.release()];
  const runCleanups = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (err) {
        log.error(err);
      }
    }
  };

  try {
    const db = await startDynalite({ dir: localDynamoDir(dataDir), host: '127.0.0.1' });
    cleanups.push(() => db.stop());
    const client = createDynamoClient({ endpoint: db.endpoint });
    cleanups.push(() => client.destroy());
    const tableName = TABLE_DESIGN.defaultTableName;
    await ensureTable(client, tableName);
    const doc = toDocumentClient(client);
    const repos = createRepositories(doc, tableName, { clock });

    const progress = createSeedProgress(log);
    const seeded = await seedIfEmpty({
      doc,
      tableName,
      repos,
      clock,
      businesses: seedBusinesses,
      synthetic: (count) => syntheticBusinesses(count, todayInKorea(clock)),
      onProgress: progress.update,
    });
    progress.finish(seeded);

    // Background recompute after publish/close/disaster, and the snapshot the staff preview reads.
    const batch = await startLocalBatch({
      doc,
      tableName,
      dataDir,
      clock,
      log,
      disasters: () => repos.disasters.list(),
    });
    cleanups.push(() => batch.stop());

    // E-mail and text messages: the development mailbox (a real SMTP server) and the outbox sender.
    let portalUrl = `http://${host}:${port}`;
    const alerts = await startLocalAlerts({
      dataDir,
      doc,
      tableName,
      repos,
      clock,
      baseUrl: () => portalUrl,
    });
    cleanups.push(() => alerts.stop());

    const issuer = await createDevIssuer(DEMO_USERS);
    const logger = createLogger({
      serviceName: 'sbiz24-local',
      level: options.logLevel ?? process.env.LOG_LEVEL ?? 'WARN',
    });
    // One catalog cache for the core and the application routes (on AWS they are two functions).
    const catalogCache = createCatalogCache({ programs: repos.programs, disasters: repos.disasters, clock });
    // Application files in the data folder, uploaded by the browser to /local-uploads (signed like S3's POST).
    const fileStorage = createLocalFileStorage({ dir: join(dataDir, 'uploads'), clock });
    const app = createApp({
      docs: openApiDocs,
      repos,
      clock,
      verifyToken: issuer.verifyToken,
      logger,
      catalogCache,
      devAuth: issuer,
      routes: [
        applicationRoutes({
          repos,
          clock,
          logger,
          catalogCache,
          fileStorage,
          onProgramChanged: batch.onProgramChanged,
          // Rapid-payment account numbers, sealed under a key file in the data folder (KMS on AWS).
          accountVault: createAccountVault(localAccountKeys(dataDir)),
        }),
        alertsResource({ repos, clock, alerts: { secret: alerts.secret, mail: alerts.email } }),
        devMailboxResource(alerts.mail.mailbox),
      ],
      onProgramChanged: batch.onProgramChanged,
      preview: batch.preview,
    });
    fileStorage.mount(app);
    app.use('*', webSecurityHeaders);
    mountDevMailbox(app, alerts);
    const web = mountWebApp(app, webDist);
    if (!web.built)
      log.log('웹 앱 빌드(web/dist)가 없어 API만 제공합니다. (web/dist not found: serving the API only)');

    const server = serve({ fetch: app.fetch, port, hostname: host });
    cleanups.push(
      () =>
        new Promise<void>((done) => {
          server.close(() => done());
          if ('closeAllConnections' in server) server.closeAllConnections();
        }),
    );
    await new Promise<void>((ready, fail) => {
      server.once('listening', ready);
      server.once('error', fail);
    });
    const actualPort = (server.address() as AddressInfo).port;
    lock.setPort(actualPort);
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
    portalUrl = url;
    // Tells CLIs (npm run recompute) where this portal's database listens: LevelDB allows one process per folder.
    const info: PortalRuntimeInfo = { pid: process.pid, url, dynamoEndpoint: db.endpoint, tableName };
    writeFileSync(portalInfoPath(dataDir), `${JSON.stringify(info, null, 2)}\n`);
    cleanups.push(() => rmSync(portalInfoPath(dataDir), { force: true }));
    return {
      url,
      port: actualPort,
      dataDir,
      smtpPort: alerts.mail.port,
      alerts,
      stop: runCleanups,
    };
  } catch (err) {
    await runCleanups();
    throw err;
  }
}
