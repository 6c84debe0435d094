import { randomBytes } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import type { ConstructorOptions } from '@aws-lambda-powertools/logger/types';
import { loadCatalog } from '@sbiz24/shared';
import { type App, createApp } from '../http/app';
import { applicationRoutes } from '../http/application-routes';
import { openApiDocs } from '../http/docs';
import { alertsResource } from '../http/routes/alerts';
import type { AppDeps } from '../http/types';
import { DEMO_CLAIMABLE_BUSINESSES, DEMO_OWNED_BUSINESSES } from '../local/demo-data';
import { type AccountVault, createAccountVault, masterKeyProvider } from '../services/account-vault';
import { createCatalogCache } from '../services/catalog-cache';
import type { OutgoingMessage } from '../services/delivery';
import type { Caller, ProgramChangeEvent } from '../services/types';
import { createUnsubscribeTokens } from '../services/unsubscribe';
import { createMemoryFileStorage, type MemoryFileStorage } from './memory-file-storage';
import { createMemoryRepositories, type MemoryRepositories } from './memory-repositories';

/** 10:00 in Korea on 2026-11-26: "today" of the route tests. */
export const TEST_NOW = new Date('2026-11-26T01:00:00Z');

/** The six kinds of caller of the authorization matrix (owners A and B are the demo owners). */
export const CALLERS = {
  ownerA: { sub: 'owner-kim', name: '김하늘', role: 'owner' },
  ownerB: { sub: 'owner-park', name: '박준호', role: 'owner' },
  staffSemas: { sub: 'staff-semas', name: '이소진', role: 'staff', agencyId: 'semas' },
  staffMss: { sub: 'staff-mss', name: '최민수', role: 'staff', agencyId: 'mss' },
  admin: { sub: 'admin', name: '정관리', role: 'admin' },
} as const satisfies Record<string, Caller>;
export type CallerKey = keyof typeof CALLERS;

/** Tokens of the test verifier: `test:<caller key>`. The real verifier has its own tests. */
export const tokenFor = (key: CallerKey) => `test:${key}`;

async function testVerifyToken(token: string): Promise<Caller> {
  const key = token.startsWith('test:') ? (token.slice(5) as CallerKey) : undefined;
  const caller = key && CALLERS[key];
  if (!caller) throw new Error('unknown token');
  return { ...caller };
}

/** The test app's alerts signing key, and tokens signed with it (unsubscribe links). */
export const TEST_ALERTS_SECRET = 'test-alerts-signing-key-0123456789abcdef';
export const testUnsubscribeTokens = createUnsubscribeTokens(TEST_ALERTS_SECRET);

export interface TestApp {
  app: App;
  repos: MemoryRepositories;
  /** Mails the API sent (verification codes), oldest first. */
  mails: OutgoingMessage[];
  /** Where uploads land: tests put bytes here as a browser would. */
  storage: MemoryFileStorage;
  events: ProgramChangeEvent[];
  /** Captured log lines (JSON strings). */
  logs: string[];
  /** The vault the application routes seal accounts with (a random master key per app). */
  accountVault: AccountVault;
  setNow(date: Date): void;
}

/** A Powertools logger (and its per-request children) writing JSON lines into an array instead of stdout. */
class CapturingLogger extends Logger {
  constructor(
    private readonly lines: string[],
    options: ConstructorOptions = {},
  ) {
    super(options);
    const write = (s: string) => lines.push(s);
    // Powertools writes through its own Console instance; point every level at the array.
    (this as unknown as { console: Record<string, (s: string) => void> }).console = {
      log: write,
      info: write,
      warn: write,
      error: write,
      debug: write,
      trace: write,
    };
  }

  protected override createLogger(options?: ConstructorOptions): Logger {
    return new CapturingLogger(this.lines, options);
  }
}

export function capturingLogger(lines: string[]): Logger {
  return new CapturingLogger(lines, { serviceName: 'sbiz24-test', logLevel: 'DEBUG' });
}

/** A disaster declaration as staff send it (`POST /api/staff/disasters`): heavy snow in one 시군구. */
export const SNOW_DECLARATION = {
  id: '2026-11-snow',
  name: '대설',
  kind: 'snow',
  regionCodes: ['51110'],
  startDate: '2026-11-20',
  endDate: '2026-11-21',
} as const;

/** The app over in-memory repositories holding the catalog, its disasters and the demo businesses. */
export async function createTestApp(overrides: Partial<AppDeps> = {}): Promise<TestApp> {
  let now = TEST_NOW;
  const clock = () => now;
  const repos = createMemoryRepositories(clock);
  const catalog = loadCatalog();
  for (const p of catalog.programs) await repos.programs.create(p);
  for (const d of catalog.disasters) await repos.disasters.create(d);
  await repos.businesses.createMany([...DEMO_OWNED_BUSINESSES, ...DEMO_CLAIMABLE_BUSINESSES]);
  const events: ProgramChangeEvent[] = [];
  const logs: string[] = [];
  const mails: OutgoingMessage[] = [];
  const alerts = alertsResource({
    repos,
    clock,
    alerts: {
      secret: TEST_ALERTS_SECRET,
      mail: {
        send: async (m) => {
          mails.push(m);
        },
      },
    },
  });
  const storage = createMemoryFileStorage(clock);
  const logger = overrides.logger ?? capturingLogger(logs);
  // One catalog cache for the core routes and the application routes, as the local portal shares one.
  const catalogCache =
    overrides.catalogCache ??
    createCatalogCache({ programs: repos.programs, disasters: repos.disasters, clock });
  const onProgramChanged =
    overrides.onProgramChanged ??
    ((e: ProgramChangeEvent) => {
      events.push(e);
    });
  const accountVault = createAccountVault(masterKeyProvider(randomBytes(32), 'test'));
  const applications = applicationRoutes({
    repos,
    clock,
    logger,
    catalogCache,
    fileStorage: storage,
    onProgramChanged,
    accountVault,
  });
  const app = createApp({
    docs: openApiDocs,
    repos,
    clock,
    verifyToken: testVerifyToken,
    logger,
    catalogCache,
    onProgramChanged,
    ...overrides,
    // Given routes first: a test passing its own alerts resource (another key) is answered by it.
    routes: [...(overrides.routes ?? []), alerts, applications],
  });
  return { app, repos, mails, storage, events, logs, accountVault, setNow: (d) => (now = d) };
}

export interface CallOptions {
  as?: CallerKey;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One request through `app.request`, JSON in and out. */
export async function call(
  app: App,
  method: string,
  path: string,
  { as, body, headers = {} }: CallOptions = {},
) {
  const init: RequestInit = {
    method,
    headers: {
      ...(as ? { authorization: `Bearer ${tokenFor(as)}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  };
  const res = await app.request(path, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
  return { status: res.status, body: json as any, text, headers: res.headers };
}
