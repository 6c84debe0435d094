/**
 * Bundles every Lambda handler with esbuild exactly as the PortalFunction does (lib/bundling.ts), reports the
 * sizes, lists what the API bundle must never contain, and measures the API's cold init (import + first
 * request to /api/health) in fresh node processes.
 *
 *   npm run bundle-report -w infra            # table for docs/deploy.md
 *   npm run bundle-report -w infra -- --json  # machine-readable
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ESM_REQUIRE_BANNER, EXTERNAL_MODULES, MAIN_FIELDS, NODE_TARGET } from '../lib/bundling.js';
import { entryPath, type HandlerName, handlerEntries, repoRoot } from '../lib/paths.js';

/** Targets of the issue: the API bundle (minified) and its cold init in node. */
export const API_BUNDLE_LIMIT_BYTES = 300 * 1024;
export const API_COLD_INIT_LIMIT_MS = 150;

/** Inputs that must never reach the API bundle: the local runtime, its dev login routes and dynalite. */
export const FORBIDDEN_IN_API = [
  /node_modules\/dynalite\//,
  /functions\/src\/local\//,
  /api\/routes\/dev\.ts$/,
];

/** Inside the repository so that the bundles resolve `@aws-sdk/*` from node_modules, as Lambda's runtime does. */
export const OUT_DIR = join(repoRoot, 'cdk.out', 'bundle-report');

export interface BundleInfo {
  name: HandlerName;
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Bytes of output by package (`zod`, `hono`, …) or our own folder (`shared/src/rules`), largest first. */
  largestInputs: { path: string; bytes: number }[];
  /** Every input path of the bundle (relative to the repository). */
  inputs: string[];
}

/** Bundles one handler with the PortalFunction's esbuild settings. */
export async function bundleHandler(name: HandlerName): Promise<BundleInfo> {
  const dir = join(OUT_DIR, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.mjs');
  const result = await build({
    entryPoints: [entryPath(name)],
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: NODE_TARGET,
    outfile: file,
    minify: true,
    sourcemap: 'external',
    sourcesContent: false,
    external: [...EXTERNAL_MODULES],
    mainFields: [...MAIN_FIELDS],
    banner: { js: ESM_REQUIRE_BANNER },
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined)!;
  const byGroup = new Map<string, number>();
  for (const [path, v] of Object.entries(output.inputs)) {
    const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
    const group =
      pkg ??
      path
        .replace(/^(\.\.\/)+/, '')
        .split('/')
        .slice(0, 3)
        .join('/');
    byGroup.set(group, (byGroup.get(group) ?? 0) + v.bytesInOutput);
  }
  const largestInputs = [...byGroup]
    .map(([path, bytes]) => ({ path, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 8);
  return {
    name,
    file,
    bytes: statSync(file).size,
    gzipBytes: gzipSync(readFileSync(file)).length,
    largestInputs,
    inputs: Object.keys(result.metafile.inputs).map((p) => relative(repoRoot, join(repoRoot, p))),
  };
}

/** An API Gateway HTTP API (payload 2.0) event for `GET <path>`. */
export function httpApiEvent(path: string): Record<string, unknown> {
  return {
    version: '2.0',
    routeKey: `GET ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example.com', 'x-forwarded-proto': 'https', accept: 'application/json' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'local',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bundle-report' },
      requestId: 'bundle-report',
      routeKey: `GET ${path}`,
      stage: '$default',
      time: '01/Mar/2025:00:00:00 +0000',
      timeEpoch: 1740787200000,
    },
    isBase64Encoded: false,
  };
}

/** What a fresh process runs: import the bundle, answer one request, print the time and the status. */
const COLD_START_SCRIPT = `
const started = performance.now();
const { handler } = await import(process.env.BUNDLE_URL);
const response = await handler(JSON.parse(process.env.EVENT), { getRemainingTimeInMillis: () => 10000, awsRequestId: 'r' });
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, status: response.statusCode, body: String(response.body).slice(0, 200) }));
`;

export interface ColdInit {
  /** Each run's import + first request, in ms. */
  runs: number[];
  medianMs: number;
  status: number;
  body: string;
}

/**
 * Cold init of the API bundle: `runs` fresh node processes, each importing the bundle and answering
 * GET /api/health once, with the Lambda's environment (dummy values: the health route touches no AWS).
 */
export function measureApiColdInit(file: string, runs = 5): ColdInit {
  const times: number[] = [];
  let last = { status: 0, body: '' };
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(
      process.execPath,
      ['--input-type=module', '--enable-source-maps', '-e', COLD_START_SCRIPT],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH ?? '',
          BUNDLE_URL: pathToFileURL(file).href,
          EVENT: JSON.stringify(httpApiEvent('/api/health')),
          AWS_REGION: 'ap-northeast-2',
          TABLE_NAME: 'sbiz24',
          SNAPSHOT_BUCKET: 'sbiz24-snapshots',
          EVENT_BUS_NAME: 'sbiz24-bus',
          COGNITO_ISSUER: 'https://cognito-idp.ap-northeast-2.amazonaws.com/ap-northeast-2_example',
          COGNITO_JWKS_URL:
            'https://cognito-idp.ap-northeast-2.amazonaws.com/ap-northeast-2_example/.well-known/jwks.json',
          COGNITO_CLIENT_ID: 'example-client',
          POWERTOOLS_SERVICE_NAME: 'api',
          POWERTOOLS_LOG_LEVEL: 'WARN',
          LOG_LEVEL: 'WARN',
        },
      },
    );
    if (child.status !== 0) throw new Error(`cold start run failed: ${child.stderr}`);
    const out = JSON.parse(child.stdout) as { ms: number; status: number; body: string };
    times.push(out.ms);
    last = out;
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    runs: times,
    medianMs: sorted[Math.floor(sorted.length / 2)]!,
    status: last.status,
    body: last.body,
  };
}

const SDK_IMPORT_SCRIPT = `
const started = performance.now();
await import('@aws-sdk/client-dynamodb');
await import('@aws-sdk/lib-dynamodb');
process.stdout.write(JSON.stringify({ ms: performance.now() - started }));
`;

/**
 * How much of the cold init is the AWS SDK (external: the Lambda runtime provides it, loaded from its
 * node_modules on every cold start): importing the DynamoDB clients alone, median of `runs` fresh processes.
 */
export function measureSdkImport(runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', SDK_IMPORT_SCRIPT], {
      cwd: OUT_DIR,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    if (child.status !== 0) throw new Error(`SDK import failed: ${child.stderr}`);
    times.push((JSON.parse(child.stdout) as { ms: number }).ms);
  }
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

export interface BundleReport {
  node: string;
  /** Median ms to import the external AWS SDK DynamoDB clients alone (part of the API's cold init). */
  sdkImportMs: number;
  bundles: BundleInfo[];
  apiColdInit: ColdInit;
  forbiddenInApi: string[];
}

export async function bundleReport(coldRuns = 5): Promise<BundleReport> {
  const bundles: BundleInfo[] = [];
  for (const name of Object.keys(handlerEntries) as HandlerName[]) bundles.push(await bundleHandler(name));
  const api = bundles.find((b) => b.name === 'api')!;
  return {
    node: process.version,
    sdkImportMs: measureSdkImport(coldRuns),
    bundles,
    apiColdInit: measureApiColdInit(api.file, coldRuns),
    forbiddenInApi: api.inputs.filter((p) => FORBIDDEN_IN_API.some((re) => re.test(p))),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The report as the Markdown table docs/deploy.md shows. */
export function markdown(report: BundleReport): string {
  const rows = report.bundles.map(
    (b) =>
      `| ${b.name} | ${kb(b.bytes)} | ${kb(b.gzipBytes)} | ${b.largestInputs
        .slice(0, 3)
        .map((i) => `${i.path} (${kb(i.bytes)})`)
        .join(', ')} |`,
  );
  const init = report.apiColdInit;
  return [
    '| Handler | Bundle (minified) | gzip | Largest inputs |',
    '|---|---|---|---|',
    ...rows,
    '',
    `API cold init (import + first GET /api/health, fresh node ${report.node} process, median of ${init.runs.length}): ` +
      `**${init.medianMs.toFixed(0)} ms** (runs: ${init.runs.map((r) => r.toFixed(0)).join(', ')} ms), of which ` +
      `importing the external AWS SDK DynamoDB clients alone takes ${report.sdkImportMs.toFixed(0)} ms.`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await bundleReport();
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    process.stdout.write(`${markdown(report)}\n`);
    writeFileSync(join(OUT_DIR, 'report.json'), JSON.stringify(report, null, 2));
  }
  const api = report.bundles.find((b) => b.name === 'api')!;
  const failures = [
    ...(api.bytes > API_BUNDLE_LIMIT_BYTES
      ? [`API bundle ${kb(api.bytes)} > ${kb(API_BUNDLE_LIMIT_BYTES)}`]
      : []),
    ...(report.apiColdInit.medianMs > API_COLD_INIT_LIMIT_MS
      ? [`API cold init ${report.apiColdInit.medianMs.toFixed(0)} ms > ${API_COLD_INIT_LIMIT_MS} ms`]
      : []),
    ...report.forbiddenInApi.map((p) => `API bundle contains ${p}`),
  ];
  for (const f of failures) process.stderr.write(`✗ ${f}\n`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}
