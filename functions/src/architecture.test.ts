import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layering is the architecture (docs/architecture.md), checked over the real import graph of every
 * workspace: each module may import only from its own layer and the layers below it, `testing/` only from
 * tests, and no import cycle anywhere.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Each layer and the layers it may import (itself included). Order matters only for reading. */
export const ALLOWED: Record<string, readonly string[]> = {
  shared: ['shared'],
  store: ['shared', 'store'],
  services: ['shared', 'store', 'services'],
  http: ['shared', 'store', 'services', 'http'],
  recompute: ['shared', 'store', 'services', 'recompute'],
  aws: ['shared', 'store', 'services', 'http', 'recompute', 'aws'],
  local: ['shared', 'store', 'services', 'http', 'recompute', 'local'],
  cli: ['shared', 'store', 'services', 'http', 'recompute', 'local', 'cli'],
  bench: ['shared', 'store', 'services', 'http', 'recompute', 'local', 'cli', 'bench'],
  // The CDK app reads the table design, the event names and the config contract, never the handlers' code.
  infra: ['shared', 'store', 'services', 'aws', 'infra'],
  web: ['shared', 'web'],
  // Test helpers may use anything of the server they help test.
  testing: ['shared', 'store', 'services', 'http', 'recompute', 'aws', 'local', 'cli', 'testing'],
};

const FUNCTION_LAYERS = ['store', 'services', 'http', 'recompute', 'aws', 'local', 'cli', 'bench', 'testing'];

export interface Module {
  file: string;
  layer: string;
  isTest: boolean;
  imports: string[];
  /** Modules started as worker threads (`new URL('./worker.ts', import.meta.url)`): layered, but no cycle. */
  spawns?: string[];
}

const isTestFile = (file: string) =>
  /\.(test|integ\.test|e2e\.test|property\.test)\.tsx?$/.test(file) ||
  file.startsWith('web/e2e/') ||
  file.startsWith('infra/test/') ||
  // The bundle report is measurement tooling (run by infra/test/bundles.test.ts), like a test.
  file.startsWith('infra/scripts/') ||
  file.startsWith('shared/src/testing/') ||
  file.startsWith('web/src/test/');

/** The layer a repository path belongs to, or undefined for files outside the checked tree. */
export function layerOf(file: string): string | undefined {
  if (file.startsWith('shared/src/')) return 'shared';
  if (file.startsWith('infra/')) return 'infra';
  if (file.startsWith('web/')) return 'web';
  const m = /^functions\/src\/([^/]+)\//.exec(file);
  if (m && FUNCTION_LAYERS.includes(m[1]!)) return m[1];
  return undefined;
}

/** Whether `from` may import `to`; test files may also import test helpers (`testing/` and any test file). */
export function mayImport(from: Module, to: { file: string; layer: string; isTest: boolean }): boolean {
  if (to.layer === 'testing' || to.isTest) return from.isTest || from.layer === 'testing';
  if (from.isTest && (from.layer === 'infra' || from.file.startsWith('web/e2e/'))) return true;
  return ALLOWED[from.layer]?.includes(to.layer) ?? false;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'cdk.out') continue;
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) walk(path, out);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const SOURCES = ['shared/src', 'functions/src', 'infra', 'web/src', 'web/e2e'];

/** Every module of the checked tree with the repository files it imports (relative and @sbiz24/*). */
export function importGraph(): Map<string, Module> {
  const files = SOURCES.flatMap((d) => walk(d));
  const known = new Set(files);
  const resolveSpec = (from: string, spec: string): string | undefined => {
    let base: string;
    if (spec.startsWith('.')) base = join(dirname(from), spec);
    else if (spec === '@sbiz24/shared') base = 'shared/src/index';
    else if (spec.startsWith('@sbiz24/shared/')) base = `shared/src/${spec.slice('@sbiz24/shared/'.length)}`;
    else if (spec.startsWith('@sbiz24/functions/'))
      base = `functions/src/${spec.slice('@sbiz24/functions/'.length)}`;
    else return undefined;
    base = base.replace(/\.js$/, '');
    return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((c) => known.has(c));
  };
  const graph = new Map<string, Module>();
  for (const file of files) {
    const layer = layerOf(file);
    if (!layer) continue;
    const text = readFileSync(join(ROOT, file), 'utf8');
    const resolveAll = (specs: string[]) => [
      ...new Set(specs.map((s) => resolveSpec(file, s)).filter((f): f is string => !!f)),
    ];
    const imports = resolveAll(ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName));
    const spawns = resolveAll(
      [...text.matchAll(/new URL\(\s*'(\.[^']+)'\s*,\s*import\.meta\.url/g)].map((m) => m[1]!),
    );
    graph.set(file, { file, layer, isTest: isTestFile(file), imports, spawns });
  }
  return graph;
}

/** Every import that breaks the layering, as `from → to (rule)`. */
export function violations(graph: Map<string, Module>): string[] {
  const out: string[] = [];
  for (const m of graph.values()) {
    for (const target of [...m.imports, ...(m.spawns ?? [])]) {
      const to = graph.get(target);
      if (!to) continue;
      if (!mayImport(m, to)) out.push(`${m.file} → ${target} (${m.layer} may not import ${to.layer})`);
    }
  }
  return out;
}

/** Import cycles among modules (Tarjan's strongly connected components larger than one, or self-imports). */
export function cycles(graph: Map<string, Module>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.imports ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)?.imports.includes(v)) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

/** Entry points: started by a runtime or a command, not imported. */
const ENTRY = [
  /^functions\/src\/aws\/handlers\/[^/]+\.ts$/,
  /^functions\/src\/cli\/[^/]+\.ts$/,
  /^functions\/src\/bench\/main\.ts$/,
  /^functions\/src\/local\/main\.ts$/,
  /^infra\/(bin|scripts)\//,
  /^web\/src\/main\.tsx$/,
];

/** Production modules that only tests import: test helpers living in a production folder. */
export function testOnlyModules(graph: Map<string, Module>): string[] {
  const importedByProduction = new Set<string>();
  const importedByTests = new Set<string>();
  for (const m of graph.values()) {
    for (const t of m.imports)
      (m.isTest || m.layer === 'testing' ? importedByTests : importedByProduction).add(t);
  }
  return [...graph.values()]
    .filter((m) => !m.isTest && m.layer !== 'testing' && !m.file.startsWith('infra/'))
    .filter((m) => !ENTRY.some((e) => e.test(m.file)))
    .filter((m) => importedByTests.has(m.file) && !importedByProduction.has(m.file))
    .map((m) => m.file);
}

describe('architecture: the import graph follows the layers', () => {
  const graph = importGraph();

  it('reads the whole tree', () => {
    const layers = new Set([...graph.values()].map((m) => m.layer));
    expect([...layers].sort()).toEqual(Object.keys(ALLOWED).sort());
    expect(graph.size).toBeGreaterThan(300);
  });

  it('has no import against the layering', () => {
    expect(violations(graph)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('keeps test-only modules out of production folders', () => {
    expect(testOnlyModules(graph)).toEqual([]);
  });

  it('catches a forbidden import, a test helper in production and a cycle', () => {
    const fake = new Map<string, Module>([
      [
        'functions/src/store/a.ts',
        {
          file: 'functions/src/store/a.ts',
          layer: 'store',
          isTest: false,
          imports: ['functions/src/http/b.ts'],
        },
      ],
      [
        'functions/src/http/b.ts',
        {
          file: 'functions/src/http/b.ts',
          layer: 'http',
          isTest: false,
          imports: ['functions/src/testing/c.ts', 'functions/src/store/a.ts'],
        },
      ],
      [
        'functions/src/testing/c.ts',
        { file: 'functions/src/testing/c.ts', layer: 'testing', isTest: false, imports: [] },
      ],
      [
        'functions/src/services/d.ts',
        { file: 'functions/src/services/d.ts', layer: 'services', isTest: false, imports: [] },
      ],
      [
        'functions/src/services/d.test.ts',
        {
          file: 'functions/src/services/d.test.ts',
          layer: 'services',
          isTest: true,
          imports: ['functions/src/services/d.ts', 'functions/src/testing/c.ts'],
        },
      ],
    ]);
    expect(violations(fake)).toEqual([
      'functions/src/store/a.ts → functions/src/http/b.ts (store may not import http)',
      'functions/src/http/b.ts → functions/src/testing/c.ts (http may not import testing)',
    ]);
    expect(cycles(fake)).toEqual([['functions/src/http/b.ts', 'functions/src/store/a.ts']]);
    expect(testOnlyModules(fake)).toEqual(['functions/src/services/d.ts']);
  });
});
