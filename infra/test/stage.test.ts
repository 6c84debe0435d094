import { RemovalPolicy } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { requireWebBuild } from '../lib/paths.js';
import { stageConfig } from '../lib/stage.js';

describe('stageConfig', () => {
  it('defaults to dev, which can be torn down', () => {
    const dev = stageConfig(undefined);
    expect(dev.name).toBe('dev');
    expect(dev.removalPolicy).toBe(RemovalPolicy.DESTROY);
    expect(dev.deletionProtection).toBe(false);
  });

  it('retains and protects everything in prod', () => {
    const prod = stageConfig('prod');
    expect(prod.removalPolicy).toBe(RemovalPolicy.RETAIN);
    expect(prod.deletionProtection).toBe(true);
    expect(prod.corsOrigins).toEqual([]);
  });

  it('keeps the Map concurrency below the worker reserved concurrency in every stage', () => {
    for (const stage of [stageConfig('dev'), stageConfig('prod')]) {
      expect(stage.mapMaxConcurrency).toBeLessThan(stage.workerReservedConcurrency);
    }
  });

  it('adds the site origin to CORS and rejects anything that is not an https origin', () => {
    expect(stageConfig('prod', 'https://www.sbiz24.go.kr').corsOrigins).toEqual(['https://www.sbiz24.go.kr']);
    expect(() => stageConfig('prod', 'http://www.sbiz24.go.kr')).toThrow(/webOrigin/);
    expect(() => stageConfig('prod', 'https://a.kr/path')).toThrow(/webOrigin/);
  });

  it('rejects an unknown stage by name', () => {
    expect(() => stageConfig('staging')).toThrow(/Unknown stage "staging"/);
  });

  it('refuses to deploy a missing web build with a clear instruction', () => {
    expect(() => requireWebBuild('/nonexistent/web/dist')).toThrow(/npm run build:web/);
  });
});
