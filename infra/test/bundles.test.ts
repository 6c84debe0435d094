import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '@sbiz24/shared';
import { App, Stack } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { handlerEntries } from '../lib/paths.js';
import { PortalFunction } from '../lib/portal-function.js';
import { stageConfig } from '../lib/stage.js';
import { API_BUNDLE_LIMIT_BYTES, type BundleReport, bundleReport } from '../scripts/bundle-report.js';

// Bundles every handler the way CDK does (the PortalFunction's esbuild settings) and runs the API bundle cold
// in fresh node processes, for a request that touches no AWS and for a visitor's first request, which reads
// the table (a local dynalite seeded with the catalog). The cold-init times are checked against the 120 ms
// target by `npm run bundle-report -w infra` (non-zero exit on a miss) and recorded in docs/deploy.md, not
// asserted here: a busy CI machine would fail a timed test.
let report: BundleReport;
beforeAll(async () => {
  report = await bundleReport(5);
}, 180_000);

describe('Lambda bundles', () => {
  it('bundles every handler entry', () => {
    expect(report.bundles.map((b) => b.name).sort()).toEqual(Object.keys(handlerEntries).sort());
    for (const bundle of report.bundles) expect(bundle.bytes, bundle.name).toBeGreaterThan(1000);
  });

  it('keeps the API bundle within 250 KB minified', () => {
    const api = report.bundles.find((b) => b.name === 'api')!;
    expect(api.bytes).toBeLessThanOrEqual(API_BUNDLE_LIMIT_BYTES);
  });

  it('leaves dynalite, the local runtime and the dev login routes out of the API bundle', () => {
    const api = report.bundles.find((b) => b.name === 'api')!;
    expect(report.forbiddenInApi).toEqual([]);
    const code = readFileSync(api.file, 'utf8');
    expect(code).not.toContain('/api/dev');
    expect(code).not.toContain('dynalite');
  });

  it('leaves the OpenAPI generator out of the API bundle; the docs function carries it', () => {
    const api = readFileSync(report.bundles.find((b) => b.name === 'api')!.file, 'utf8');
    const docs = readFileSync(report.bundles.find((b) => b.name === 'apiDocs')!.file, 'utf8');
    expect(api).not.toContain('/api/openapi.json');
    expect(api).not.toContain('API 문서 (HTML)');
    expect(docs).toContain('/api/openapi.json');
  });

  it('loads the AWS SDK in the API through require, never a static import', () => {
    const api = report.bundles.find((b) => b.name === 'api')!;
    expect(api.sdkStaticImports).toEqual([]);
  });

  it('answers its first GET /api/health from a cold import', () => {
    expect(report.apiColdInit.status).toBe(200);
    expect(JSON.parse(report.apiColdInit.body)).toMatchObject({ status: 'ok' });
  });

  it('answers a first request that reads the table with the catalog, Korean text intact', () => {
    expect(report.apiFirstRead.status).toBe(200);
    const body = JSON.parse(report.apiFirstRead.body) as { items: { id: string; title: string }[] };
    const titles = new Map(loadCatalog().programs.map((p) => [p.id, p.title]));
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) expect(item.title).toBe(titles.get(item.id));
  });

  it('measures the bundle CDK ships: the PortalFunction built by NodejsFunction is byte for byte the same', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'sbiz24-cdk-bundle-'));
    try {
      const app = new App({ outdir });
      const stack = new Stack(app, 'BundleCheck');
      new PortalFunction(stack, 'Api', {
        stage: stageConfig('dev'),
        handler: 'api',
        serviceName: 'api',
        description: 'bundle check',
      });
      app.synth();
      const assets = readdirSync(outdir).filter((d) => d.startsWith('asset.'));
      expect(assets).toHaveLength(1);
      const shipped = readFileSync(join(outdir, assets[0]!, 'index.mjs'));
      const api = report.bundles.find((b) => b.name === 'api')!;
      expect(shipped.length).toBe(api.bytes);
      expect(shipped.equals(readFileSync(api.file))).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 120_000);
});
