/**
 * Bundles every Lambda handler with esbuild exactly as the PortalFunction does (lib/bundling.ts), reports the
 * sizes, lists what the API bundle must never contain, and measures the API's cold init in fresh node
 * processes: import + first `GET /api/health` (touches no AWS) and import + first `GET /api/programs` (reads
 * the table: a local dynalite seeded with the catalog, reached through the SDK as on AWS).
 *
 *   npm run bundle-report -w infra            # table for docs/deploy.md
 *   npm run bundle-report -w infra -- --json  # machine-readable
 *   npm run bundle-report -w infra -- --node=/path/to/node22  # time the cold starts with another node binary
 *   npm run bundle-report -w infra -- --times-advisory        # print time misses, fail only on the rest (CI)
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { startTestTable } from '@sbiz24/functions/testing/dynalite-harness';
import { loadCatalog } from '@sbiz24/shared';
import { build } from 'esbuild';
import { CHARSET, ESM_REQUIRE_BANNER, EXTERNAL_MODULES, MAIN_FIELDS, NODE_TARGET } from '../lib/bundling.js';
import { entryPath, type HandlerName, handlerEntries, repoRoot } from '../lib/paths.js';

/** Targets of the issue: the API bundle (minified) and its cold init in node. */
export const API_BUNDLE_LIMIT_BYTES = 250 * 1024;
export const API_COLD_INIT_LIMIT_MS = 120;

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
  /**
   * External `@aws-sdk/*` packages the bundle imports with a static ESM `import` (which costs Node a format
   * check and an export scan of the CommonJS SDK at every cold start) rather than `require` (store/aws-sdk.ts).
   */
  sdkStaticImports: string[];
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
    charset: CHARSET,
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
  const imports = output.imports.filter((i) => i.external && i.path.startsWith('@aws-sdk/'));
  return {
    name,
    file,
    bytes: statSync(file).size,
    gzipBytes: gzipSync(readFileSync(file)).length,
    largestInputs,
    inputs: Object.keys(result.metafile.inputs).map((p) => relative(repoRoot, join(repoRoot, p))),
    sdkStaticImports: [...new Set(imports.filter((i) => i.kind === 'import-statement').map((i) => i.path))],
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

/**
 * What a fresh process runs: import the bundle, answer one request, print the time and the status. It exits
 * at once, as a Lambda environment is frozen after the response (the SDK's open sockets would keep it alive).
 */
const COLD_START_SCRIPT = `
const started = performance.now();
const { handler } = await import(process.env.BUNDLE_URL);
const imported = performance.now();
const response = await handler(JSON.parse(process.env.EVENT), { getRemainingTimeInMillis: () => 10000, awsRequestId: 'r' });
const ms = performance.now() - started;
const cpu = process.cpuUsage();
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(JSON.stringify({ ms, importMs: imported - started, cpuMs, status: response.statusCode, body: String(response.body) }));
process.exit(0);
`;

export interface ColdInit {
  /** The request after the import: `GET <path>`. */
  path: string;
  /** Each run's import + first request, in ms. */
  runs: number[];
  medianMs: number;
  /** Median of the import alone (module load and init, before the request). */
  importMedianMs: number;
  /**
   * Median CPU time of the whole process (node's own start included) up to the answer: unlike the wall
   * times, waiting for a core on a busy machine does not count.
   */
  cpuMedianMs: number;
  status: number;
  /** The last run's response body. */
  body: string;
}

/** Where the API's table is during the measurement: a local DynamoDB-protocol server. */
export interface ColdInitTable {
  endpoint: string;
  tableName: string;
}

const run = promisify(execFile);
const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Cold init of the API bundle: `runs` rounds of fresh node processes, one per path and round (interleaved, so
 * that a busy moment of the machine weighs on every path alike), each importing the bundle and answering one
 * `GET <path>`. The environment is the Lambda's, with the AWS SDK's own settings pointing it at `table`:
 * static credentials as Lambda passes them, and `AWS_ENDPOINT_URL_DYNAMODB` (dummy values for what the
 * measured routes do not reach: Cognito, the snapshot bucket).
 */
export async function measureApiColdInit(
  file: string,
  paths: readonly string[],
  table: ColdInitTable,
  runs = 5,
  node = process.execPath,
): Promise<ColdInit[]> {
  const results = paths.map((path) => ({
    path,
    runs: [] as number[],
    imports: [] as number[],
    cpus: [] as number[],
    status: 0,
    body: '',
  }));
  for (let i = 0; i < runs; i++) {
    for (const result of results) {
      const { stdout } = await run(
        node,
        ['--input-type=module', '--enable-source-maps', '-e', COLD_START_SCRIPT],
        {
          cwd: repoRoot,
          encoding: 'utf8',
          maxBuffer: 16 * 1024 * 1024,
          env: {
            PATH: process.env.PATH ?? '',
            BUNDLE_URL: pathToFileURL(file).href,
            EVENT: JSON.stringify(httpApiEvent(result.path)),
            AWS_REGION: 'ap-northeast-2',
            AWS_ACCESS_KEY_ID: 'local',
            AWS_SECRET_ACCESS_KEY: 'local',
            AWS_ENDPOINT_URL_DYNAMODB: table.endpoint,
            TABLE_NAME: table.tableName,
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
      const out = JSON.parse(stdout) as {
        ms: number;
        importMs: number;
        cpuMs: number;
        status: number;
        body: string;
      };
      result.runs.push(out.ms);
      result.imports.push(out.importMs);
      result.cpus.push(out.cpuMs);
      result.status = out.status;
      result.body = out.body;
    }
  }
  return results.map(({ path, runs: times, imports, cpus, status, body }) => ({
    path,
    runs: times,
    medianMs: median(times),
    importMedianMs: median(imports),
    cpuMedianMs: median(cpus),
    status,
    body,
  }));
}

/** Loads the DynamoDB clients as the bundle does (store/aws-sdk.ts: require), or with a static-style import. */
const SDK_LOAD_SCRIPT = {
  require: `
const { createRequire } = await import('node:module');
const require = createRequire(process.cwd() + '/');
const started = performance.now();
require('@aws-sdk/client-dynamodb');
require('@aws-sdk/lib-dynamodb');
process.stdout.write(JSON.stringify({ ms: performance.now() - started }));
`,
  import: `
const started = performance.now();
await import('@aws-sdk/client-dynamodb');
await import('@aws-sdk/lib-dynamodb');
process.stdout.write(JSON.stringify({ ms: performance.now() - started }));
`,
};

/**
 * How much of the cold init is the AWS SDK (external: the Lambda runtime provides it, loaded from its
 * node_modules on every cold start): loading the DynamoDB clients alone, median of `runs` fresh processes,
 * with `require` (as the bundles do) and with `import` (what a static ESM import would cost).
 */
export function measureSdkLoad(runs = 5, node = process.execPath): { requireMs: number; importMs: number } {
  const times = { require: [] as number[], import: [] as number[] };
  for (let i = 0; i < runs; i++) {
    for (const how of ['require', 'import'] as const) {
      const child = spawnSync(node, ['--input-type=module', '-e', SDK_LOAD_SCRIPT[how]], {
        cwd: OUT_DIR,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
      });
      if (child.status !== 0) throw new Error(`SDK load failed: ${child.stderr}`);
      times[how].push((JSON.parse(child.stdout) as { ms: number }).ms);
    }
  }
  return { requireMs: median(times.require), importMs: median(times.import) };
}

export interface BundleReport {
  node: string;
  /** Median ms to load the external AWS SDK DynamoDB clients alone (part of the API's cold init). */
  sdkLoad: { requireMs: number; importMs: number };
  bundles: BundleInfo[];
  /** Import + first `GET /api/health`: the API's init without any AWS call. */
  apiColdInit: ColdInit;
  /** Import + first `GET /api/programs`: what a visitor's first request costs (catalog read from the table). */
  apiFirstRead: ColdInit;
  forbiddenInApi: string[];
}

/** The path of the first table-reading request that the report measures (public: the landing page's list). */
export const FIRST_READ_PATH = '/api/programs';

/** `node`: the binary that runs the cold starts (default: this one), e.g. a Node 22 like the Lambda runtime. */
export async function bundleReport(coldRuns = 5, node = process.execPath): Promise<BundleReport> {
  const bundles: BundleInfo[] = [];
  for (const name of Object.keys(handlerEntries) as HandlerName[]) bundles.push(await bundleHandler(name));
  const api = bundles.find((b) => b.name === 'api')!;
  const sdkLoad = measureSdkLoad(coldRuns, node);
  const table = await startTestTable();
  try {
    const catalog = loadCatalog();
    for (const program of catalog.programs) await table.repos.programs.create(program);
    for (const disaster of catalog.disasters) await table.repos.disasters.create(disaster);
    const [apiColdInit, apiFirstRead] = await measureApiColdInit(
      api.file,
      ['/api/health', FIRST_READ_PATH],
      table,
      coldRuns,
      node,
    );
    return {
      node: spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim(),
      sdkLoad,
      bundles,
      apiColdInit: apiColdInit!,
      apiFirstRead: apiFirstRead!,
      forbiddenInApi: api.inputs.filter((p) => FORBIDDEN_IN_API.some((re) => re.test(p))),
    };
  } finally {
    await table.stop();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const ms = (value: number) => `${value.toFixed(0)} ms`;
const coldLine = (label: string, init: ColdInit) =>
  `- ${label}: **${ms(init.medianMs)}** (import ${ms(init.importMedianMs)}; process CPU ${ms(init.cpuMedianMs)}; runs ${init.runs
    .map((r) => r.toFixed(0))
    .join(', ')} ms)`;

/** The report as the Markdown docs/deploy.md shows. */
export function markdown(report: BundleReport): string {
  const rows = report.bundles.map(
    (b) =>
      `| ${b.name} | ${kb(b.bytes)} | ${kb(b.gzipBytes)} | ${b.largestInputs
        .slice(0, 3)
        .map((i) => `${i.path} (${kb(i.bytes)})`)
        .join(', ')} |`,
  );
  return [
    '| Handler | Bundle (minified) | gzip | Largest inputs |',
    '|---|---|---|---|',
    ...rows,
    '',
    `API cold init, fresh node ${report.node} process, median of ${report.apiColdInit.runs.length}:`,
    coldLine('import + first `GET /api/health` (no AWS call)', report.apiColdInit),
    coldLine(`import + first \`GET ${report.apiFirstRead.path}\` (reads the table)`, report.apiFirstRead),
    `- loading the external SDK's DynamoDB clients alone: ${ms(report.sdkLoad.requireMs)} with require ` +
      `(as the bundles do), ${ms(report.sdkLoad.importMs)} with import`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const node = process.argv.find((a) => a.startsWith('--node='))?.slice('--node='.length);
  const report = await bundleReport(5, node);
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    process.stdout.write(`${markdown(report)}\n`);
    writeFileSync(join(OUT_DIR, 'report.json'), JSON.stringify(report, null, 2));
  }
  const api = report.bundles.find((b) => b.name === 'api')!;
  const slow = [report.apiColdInit, report.apiFirstRead]
    .filter((init) => init.medianMs > API_COLD_INIT_LIMIT_MS)
    .map((init) => `API cold init + GET ${init.path}: ${ms(init.medianMs)} > ${API_COLD_INIT_LIMIT_MS} ms`);
  // CI shares its machine: a time there is a figure to read, not a verdict (the targets hold on a quiet machine).
  const advisory = process.argv.includes('--times-advisory');
  if (advisory) for (const s of slow) process.stderr.write(`! ${s} (advisory)\n`);
  const failures = [
    ...(api.bytes > API_BUNDLE_LIMIT_BYTES
      ? [`API bundle ${kb(api.bytes)} > ${kb(API_BUNDLE_LIMIT_BYTES)}`]
      : []),
    ...(advisory ? [] : slow),
    ...(report.apiColdInit.status !== 200 || report.apiFirstRead.status !== 200
      ? [`API cold requests answered ${report.apiColdInit.status} and ${report.apiFirstRead.status}, not 200`]
      : []),
    ...api.sdkStaticImports.map(
      (p) => `API bundle imports ${p} statically (load it through store/aws-sdk.ts)`,
    ),
    ...report.forbiddenInApi.map((p) => `API bundle contains ${p}`),
  ];
  for (const f of failures) process.stderr.write(`✗ ${f}\n`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}
