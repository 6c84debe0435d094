import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import postcss, { type AtRule, type Container, type Root, type Rule } from 'postcss';
import type { Plugin } from 'vite';

/**
 * KRDS ships one stylesheet of ~590 KB (about 52 KB gzipped). This plugin serves `virtual:krds.css`: the
 * KRDS tokens, base styles and component styles with every rule dropped whose classes or ids the app's
 * source never mentions, and every custom property dropped that no kept rule reaches. The result is
 * deterministic (same sources → same CSS) and goes through Vite's normal CSS pipeline, so the icons the kept
 * rules point at are bundled like any other asset.
 */

const VIRTUAL_ID = 'virtual:krds.css';

/**
 * KRDS hides every legend and caption (`.sr-only, legend, caption { position: absolute !important; … }`);
 * the portal shows them as visible group labels and hides one with `.sr-only` when it must.
 */
const DROPPED_SELECTORS = new Set(['legend', 'caption']);

/** Selectors for modes the portal does not offer (high contrast, dark theme): their rules are dropped. */
const UNUSED_MODES = /data-krds-mode|\.krds-zoom|:root\.zoom|\.is-zoom/;

export interface KrdsCssOptions {
  /** Folders whose .ts/.tsx files are scanned for class names. */
  sourceDirs: string[];
  /** Class names used only at run time (built by string concatenation) that the scan cannot see. */
  safelist?: string[];
}

function krdsRoot(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('krds-uiux/package.json'));
}

function listSources(dir: string, out: string[] = []): string[] {
  if (!statSync(dir).isDirectory()) {
    out.push(dir);
    return out;
  }
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) listSources(path, out);
    else if (/\.(tsx?|html)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out.sort();
}

/** Every word that could be a class name or id in the app's source: over-inclusive by design. */
export function collectWords(files: string[], safelist: string[] = []): Set<string> {
  const words = new Set(safelist);
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/[A-Za-z_][\w-]*/g)) words.add(m[0]);
  }
  return words;
}

/** The class and id names a selector needs (names inside `:not(...)` are not needed). */
export function namesInSelector(selector: string): string[] {
  const withoutNot = selector.replace(/:not\((?:[^()]|\([^()]*\))*\)/g, '');
  return [...withoutNot.matchAll(/[.#](-?[A-Za-z_][\w-]*)/g)].map((m) => m[1]!);
}

function keepSelector(selector: string, words: Set<string>): boolean {
  if (UNUSED_MODES.test(selector) || DROPPED_SELECTORS.has(selector.trim())) return false;
  return namesInSelector(selector).every((name) => words.has(name));
}

function pruneRules(container: Container, words: Set<string>): void {
  container.each((node) => {
    if (node.type === 'rule') {
      const rule = node as Rule;
      if (rule.parent?.type === 'atrule' && /keyframes/.test((rule.parent as AtRule).name)) return;
      const kept = rule.selectors.filter((s) => keepSelector(s, words));
      if (kept.length === 0) rule.remove();
      else rule.selectors = kept;
    } else if (node.type === 'atrule') {
      const at = node as AtRule;
      if (at.name === 'import' || at.name === 'charset') at.remove();
      else if (at.nodes) {
        pruneRules(at, words);
        if (at.nodes.length === 0) at.remove();
      }
    } else if (node.type === 'comment') {
      node.remove();
    }
  });
}

const VAR_REF = /var\(\s*(--[\w-]+)/g;

/** Drops custom properties that nothing kept refers to, following var() chains through other properties. */
export function pruneCustomProperties(root: Root, extraRefs: string[] = []): void {
  const definitions = new Map<string, string[]>();
  const used = new Set<string>();
  const pending: string[] = [...extraRefs];
  root.walkDecls((decl) => {
    const refs = [...decl.value.matchAll(VAR_REF)].map((m) => m[1]!);
    if (decl.prop.startsWith('--')) {
      definitions.set(decl.prop, [...(definitions.get(decl.prop) ?? []), ...refs]);
    } else {
      pending.push(...refs);
    }
  });
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (used.has(name)) continue;
    used.add(name);
    pending.push(...(definitions.get(name) ?? []));
  }
  root.walkDecls((decl) => {
    if (decl.prop.startsWith('--') && !used.has(decl.prop)) decl.remove();
  });
  root.walkRules((rule) => {
    if (rule.nodes.length === 0) rule.remove();
  });
  root.walkAtRules((at) => {
    if (at.nodes && at.nodes.length === 0) at.remove();
  });
}

/** Builds the pruned KRDS stylesheet; `appCss` is the app's own CSS, whose var() references keep tokens alive. */
export function buildKrdsCss(words: Set<string>, appCss: string[] = []): string {
  const base = join(krdsRoot(), 'resources/css');
  const files = ['token/krds_tokens.css', 'common/common.css', 'component/component.css'];
  // All three files sit one folder below resources/css, so their relative url()s agree once concatenated;
  // component.css also points at a doubled img/img/ folder that the package does not have.
  const css = files
    .map((f) => readFileSync(join(base, f), 'utf8').replaceAll('../../img/img/', '../../img/'))
    .join('\n');
  const root = postcss.parse(css);
  pruneRules(root, words);
  const appRefs = appCss.flatMap((c) => [...c.matchAll(VAR_REF)].map((m) => m[1]!));
  pruneCustomProperties(root, appRefs);
  return root.toString();
}

export function krdsCss(options: KrdsCssOptions): Plugin {
  // A path inside KRDS's own css folder, so that the relative url()s of the icons resolve as in the package.
  const fakePath = join(krdsRoot(), 'resources/css/component/krds.pruned.css');
  return {
    name: 'sbiz24-krds-css',
    enforce: 'pre',
    resolveId(id) {
      return id === VIRTUAL_ID ? fakePath : undefined;
    },
    load(id) {
      if (id !== fakePath) return undefined;
      const files = options.sourceDirs.flatMap((d) => listSources(d));
      for (const f of files) this.addWatchFile(f);
      const appCss = files.length > 0 ? listCss(options.sourceDirs).map((f) => readFileSync(f, 'utf8')) : [];
      return buildKrdsCss(collectWords(files, options.safelist), appCss);
    },
  };
}

function listCss(dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!statSync(dir).isDirectory()) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.css')) out.push(path);
    }
  };
  for (const d of dirs) walk(d);
  return out.sort();
}
