import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { applyAwsSolutionsChecks } from '../lib/nag.js';
import { repoRoot } from '../lib/paths.js';
import { PortalStack } from '../lib/portal-stack.js';
import { type StageName, stageConfig } from '../lib/stage.js';

/**
 * A stand-in for web/dist: the stack refuses to synthesize without a web build, and unit tests must not depend
 * on the Vite build having run. Only tests use it; `npm run synth` builds the real site first.
 */
export function placeholderWebBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sbiz24-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>소상공인24</title><div id="root"></div>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("placeholder");');
  return dir;
}

/** The feature flags and defaults of cdk.json, so tests synthesize what `cdk synth` does. */
function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return cdkJson.context;
}

export interface SynthOptions {
  readonly stage: StageName;
  /** Run cdk-nag's AWS Solutions checks during synthesis. */
  readonly nag?: boolean;
  /** Bundle the Lambdas with esbuild (slow); by default assets are stubbed (CDK's bundling-stacks context). */
  readonly bundle?: boolean;
  readonly webOrigin?: string;
}

export interface Synthesized {
  readonly app: App;
  readonly stack: PortalStack;
  readonly template: Template;
  /** The raw template JSON. */
  readonly json: {
    Resources: Record<
      string,
      { Type: string; Properties?: Record<string, unknown> } & Record<string, unknown>
    >;
  };
  readonly outdir: string;
  /** Unacknowledged cdk-nag (and CloudFormation validation) findings, when synthesized with `nag`. */
  readonly violations: ValidationViolation[];
}

export interface ValidationViolation {
  readonly ruleName: string;
  readonly description: string;
  readonly severity: string;
  readonly violatingConstructs: { constructPath: string }[];
}

/** The plugin findings CDK wrote to the cloud assembly (cdk-nag v3 reports through policy validation). */
export function validationViolations(outdir: string): ValidationViolation[] {
  const file = join(outdir, 'validation-report.json');
  if (!existsSync(file)) return [];
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    pluginReports: { violations: ValidationViolation[] }[];
  };
  return report.pluginReports.flatMap((p) => p.violations);
}

/** Builds and synthesizes the portal stack the way bin/app.ts does, with a placeholder web build. */
export function synthPortal(options: SynthOptions): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'sbiz24-cdk-'));
  const app = new App({
    outdir,
    context: {
      ...cdkJsonContext(),
      stage: options.stage,
      // As the CLI does: each resource's construct path in its Metadata, so tests can find resources by path.
      'aws:cdk:enable-path-metadata': true,
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
    },
  });
  const stage = stageConfig(options.stage, options.webOrigin);
  const stack = new PortalStack(app, `Sbiz24-${stage.name}`, { stage, webAssetDir: placeholderWebBuild() });
  if (options.nag) applyAwsSolutionsChecks(app);
  try {
    app.synth();
  } catch (error) {
    // Policy validation throws after writing the templates and the report; the tests assert on the report.
    if (validationViolations(outdir).length === 0) throw error;
  }
  const json = JSON.parse(readFileSync(join(outdir, `${stack.artifactId}.template.json`), 'utf8'));
  return {
    app,
    stack,
    template: Template.fromJSON(json),
    json,
    outdir,
    violations: validationViolations(outdir),
  };
}
