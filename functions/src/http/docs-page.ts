/** Renders the OpenAPI document as one self-contained HTML page (no scripts, no CDN). */

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** Minimal inline markup for descriptions: `code` spans and paragraphs. */
const text = (s: string) =>
  s
    .split(/\n{2,}/)
    .map((para) => `<p>${escapeHtml(para).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>`)
    .join('');

interface Operation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  parameters?: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: { 'application/json': { schema: { $ref: string } } } };
  responses: Record<string, { description: string }>;
}

interface Doc {
  info: { title: string; version: string; description: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

const schemaName = (ref: string) => ref.split('/').at(-1)!;

function schemaSummary(schema: unknown): string {
  const s = schema as {
    type?: string;
    enum?: unknown[];
    default?: unknown;
    minimum?: number;
    maximum?: number;
  };
  const parts = [s.type ?? ''];
  if (s.enum) parts.push(`(${s.enum.join(' | ')})`);
  if (s.default !== undefined) parts.push(`기본값 ${JSON.stringify(s.default)}`);
  return escapeHtml(parts.filter(Boolean).join(' '));
}

function renderOperation(method: string, path: string, op: Operation): string {
  const params = (op.parameters ?? [])
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in === 'path' ? '경로' : '쿼리'}</td><td>${
          p.required ? '필수' : '선택'
        }</td><td>${schemaSummary(p.schema)}</td></tr>`,
    )
    .join('');
  const body = op.requestBody?.content['application/json'].schema.$ref;
  const responses = Object.entries(op.responses)
    .map(([status, r]) => `<li><b>${status}</b> ${text(r.description).replace(/^<p>|<\/p>$/g, '')}</li>`)
    .join('');
  return `<section class="op" id="${escapeHtml(op.operationId)}">
<h3><span class="m m-${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p class="summary">${escapeHtml(op.summary)}</p>
${op.description ? text(op.description) : ''}
${params ? `<table><thead><tr><th>이름</th><th>위치</th><th>필수</th><th>형식</th></tr></thead><tbody>${params}</tbody></table>` : ''}
${body ? `<p>요청 본문 (JSON): <a href="#schema-${schemaName(body)}">${schemaName(body)}</a></p>` : ''}
<ul class="responses">${responses}</ul>
</section>`;
}

export function renderDocsPage(doc: Doc): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags[0] ?? '기타';
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(method, path, op)]);
    }
  }
  const sections = doc.tags
    .filter((t) => byTag.has(t.name))
    .map((t) => `<h2>${escapeHtml(t.name)}</h2>${byTag.get(t.name)!.join('\n')}`)
    .join('\n');
  const schemas = Object.entries(doc.components.schemas)
    .map(
      ([name, schema]) =>
        `<details id="schema-${escapeHtml(name)}"><summary><code>${escapeHtml(name)}</code></summary><pre>${escapeHtml(
          JSON.stringify(schema, null, 2),
        )}</pre></details>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} 문서</title>
<style>
body{font-family:'Pretendard GOV',system-ui,sans-serif;max-width:960px;margin:0 auto;padding:1rem 1.25rem;color:#1e2124;line-height:1.6}
h1{font-size:1.75rem}h2{margin-top:2.5rem;border-bottom:2px solid #256ef4;padding-bottom:.25rem}
.op{border:1px solid #d6dbe1;border-radius:8px;padding:.75rem 1rem;margin:1rem 0}
.op h3{margin:.25rem 0;font-size:1.05rem}.summary{font-weight:600;margin:.25rem 0}
.m{display:inline-block;min-width:4.2em;text-align:center;border-radius:4px;color:#fff;font-size:.85rem;padding:0 .4em}
.m-get{background:#0b6e4f}.m-post{background:#1d56bc}.m-put{background:#8a5300}.m-patch{background:#6b3fa0}.m-delete{background:#b3261e}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d6dbe1;padding:.2rem .6rem;text-align:left}
code{background:#f4f5f6;padding:0 .25em;border-radius:3px}pre{background:#f4f5f6;padding:.75rem;overflow:auto;font-size:.85rem}
a{color:#1d56bc}
</style></head><body>
<h1>${escapeHtml(doc.info.title)} <small>v${escapeHtml(doc.info.version)}</small></h1>
${text(doc.info.description)}
<p>기계가 읽는 문서: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1)</p>
${sections}
<h2>스키마</h2>
${schemas}
</body></html>`;
}
