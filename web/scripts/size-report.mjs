// Prints the initial JS and CSS of the build (what index.html loads before any lazy route), raw and gzipped.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const totals = { js: { raw: 0, gz: 0, files: 0 }, css: { raw: 0, gz: 0, files: 0 } };
for (const ref of new Set(refs)) {
  const buf = readFileSync(join(dist, ref));
  const kind = ref.endsWith('.css') ? 'css' : 'js';
  totals[kind].raw += buf.length;
  totals[kind].gz += gzipSync(buf, { level: 9 }).length;
  totals[kind].files += 1;
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [kind, t] of Object.entries(totals)) {
  console.log(`initial ${kind.toUpperCase()}: ${t.files} files, ${kb(t.raw)} raw, ${kb(t.gz)} gzipped`);
}
