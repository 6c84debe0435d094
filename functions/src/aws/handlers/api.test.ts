import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('API Lambda bundle', () => {
  it('contains neither the dev routes, the dev issuer, the local runtime nor dynalite', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./api.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      write: false,
      metafile: true,
      logLevel: 'silent',
      external: ['@aws-sdk/*'],
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.endsWith('functions/src/http/app.ts'))).toBe(true);
    expect(
      inputs.filter((i) => /functions\/src\/local\/|api\/routes\/dev\.ts|node_modules\/dynalite\//.test(i)),
    ).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toContain('/api/dev');
    expect(code).not.toContain('urn:sbiz24:local-dev-issuer');
  }, 60_000);
});
