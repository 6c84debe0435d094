import { type BundlingOptions, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * How every Lambda is bundled, in one place: the PortalFunction passes these to NodejsFunction (which runs the
 * local esbuild, never Docker) and the bundle report (scripts/bundle-report.ts) gives esbuild the same
 * settings, so the sizes it measures are the sizes that ship.
 */

/** The Lambda runtime's Node major version, as an esbuild target. */
export const NODE_TARGET = 'node22';

/**
 * ESM output needs `require` for the few CommonJS dependencies that call it (Node built-ins through esbuild's
 * shim); createRequire provides it.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** Provided by the nodejs22.x runtime: not bundled (NodejsFunction's default for Node 18+, made explicit). */
export const EXTERNAL_MODULES = ['@aws-sdk/*'] as const;

/**
 * Text is written as UTF-8, not as `\uXXXX` escapes (esbuild's ASCII default): the Korean messages, rule
 * phrases and region names take 3 bytes a syllable instead of 6 — 19 KB of the API bundle. Node reads
 * sources as UTF-8 either way, so the strings are the same.
 */
export const CHARSET = 'utf8' as const;

/** esbuild `mainFields`: prefer the ESM build of dependencies that ship both. */
export const MAIN_FIELDS = ['module', 'main'] as const;

/** NodejsFunction's bundling options. */
export const portalBundling: BundlingOptions = {
  forceDockerBundling: false,
  format: OutputFormat.ESM,
  target: NODE_TARGET,
  minify: true,
  // `charset` is not passed on to esbuild by aws-cdk-lib 2.276's NodejsFunction (its CLI arguments leave it
  // out), so the CDK-built bundles were written ASCII-escaped, 19 KB larger than the report measured; the
  // same setting as a raw esbuild argument takes effect (infra/test/bundles.test.ts compares the two builds).
  esbuildArgs: { '--charset': CHARSET },
  sourceMap: true,
  sourceMapMode: SourceMapMode.EXTERNAL,
  sourcesContent: false,
  mainFields: [...MAIN_FIELDS],
  banner: ESM_REQUIRE_BANNER,
  externalModules: [...EXTERNAL_MODULES],
};
