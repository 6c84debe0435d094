import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { portalInfoPath } from '../local/local-table';

/**
 * `npm run load`: the local portal under load, as issue 15 asks — the health route (the baseline), the
 * catalog, an owner's matches, and a mix of what an owner's visit reads — each at N connections for D
 * seconds with autocannon, against a portal started here in its own process (its own data folder, seeded
 * with synthetic businesses) and stopped after. Talks only to 127.0.0.1. Prints one JSON object (requests/s,
 * p50/p99 latency, errors and non-2xx per scenario, the load average) and exits 1 on any error or non-2xx.
 */

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '100' },
    duration: { type: 'string', default: '30' },
    businesses: { type: 'string', default: '5000' },
    only: { type: 'string' },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);
const businesses = Number(values.businesses);
for (const [name, v, max] of [
  ['connections', connections, 1_000],
  ['duration', duration, 600],
  ['businesses', businesses, 200_000],
] as const) {
  if (!Number.isInteger(v) || v < 1 || v > max) throw new Error(`--${name} takes 1–${max}, not ${v}`);
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Starts `npm start`'s server (no web build) in its own process and waits for its URL. */
async function startPortal(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/src/local/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      SEED_BUSINESSES: String(businesses),
      LOG_LEVEL: 'ERROR',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the portal exited with ${child.exitCode}`);
    const info = portalInfoPath(dataDir);
    if (existsSync(info)) {
      try {
        const { url } = JSON.parse(readFileSync(info, 'utf8')) as { url: string };
        if ((await fetch(`${url}/api/health`)).ok) return { child, url };
      } catch {
        // Not written completely yet, or not listening yet.
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error('the portal did not start within 5 minutes');
}

async function stopPortal(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status}`);
  return (await res.json()) as T;
}

interface Scenario {
  name: string;
  requests: { path: string }[];
  auth: boolean;
}

async function measure(url: string, token: string, scenario: Scenario) {
  const result = await autocannon({
    url,
    connections,
    duration,
    headers: scenario.auth ? { authorization: `Bearer ${token}` } : {},
    requests: scenario.requests.map((r) => ({ method: 'GET' as const, path: r.path })),
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sbiz24-load-'));
  log(`load: starting the portal with ${businesses.toLocaleString('en-US')} businesses in ${dataDir}`);
  const { child, url } = await startPortal(dataDir);
  try {
    const { token } = await json<{ token: string }>(`${url}/api/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'owner-kim' }),
    });
    const mine = await json<{ items: { brn: string }[] }>(`${url}/api/me/businesses`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const brn = mine.items[0]?.brn;
    if (!brn) throw new Error('the demo owner has no business');
    const programs = await json<{ items: { id: string }[] }>(`${url}/api/programs`);
    const programId = programs.items[0]?.id ?? 'youth-fund';
    const scenarios: Scenario[] = [
      { name: 'health', requests: [{ path: '/api/health' }], auth: false },
      { name: 'catalog', requests: [{ path: '/api/programs' }], auth: false },
      { name: 'matches', requests: [{ path: `/api/me/businesses/${brn}/matches` }], auth: true },
      {
        name: 'mix',
        auth: true,
        requests: [
          { path: '/api/programs' },
          { path: `/api/programs/${programId}` },
          { path: '/api/me/businesses' },
          { path: `/api/me/businesses/${brn}/matches` },
          { path: '/api/me/notifications' },
        ],
      },
    ].filter((s) => !values.only || values.only.split(',').includes(s.name));
    const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);
    const figures: Record<string, unknown> = {};
    for (const scenario of scenarios) {
      log(`load: ${scenario.name}, ${connections} connections for ${duration} s`);
      figures[scenario.name] = await measure(url, token, scenario);
      log(`load: ${scenario.name} ${JSON.stringify(figures[scenario.name])}`);
    }
    const matches = figures.matches as { requestsPerSecond: number } | undefined;
    const health = figures.health as { requestsPerSecond: number } | undefined;
    const summary = {
      connections,
      durationSeconds: duration,
      businesses,
      cores: cpus().length,
      node: process.version,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg().map((x) => Math.round(x * 100) / 100),
      ...figures,
      ...(matches && health
        ? {
            matchesShareOfHealth:
              Math.round((matches.requestsPerSecond / health.requestsPerSecond) * 100) / 100,
          }
        : {}),
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    const failed = Object.entries(figures).filter(
      ([, f]) =>
        (f as { errors: number; non2xx: number; timeouts: number }).errors > 0 ||
        (f as { non2xx: number }).non2xx > 0 ||
        (f as { timeouts: number }).timeouts > 0,
    );
    if (failed.length > 0) {
      log(`load: errors in ${failed.map(([n]) => n).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await stopPortal(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
