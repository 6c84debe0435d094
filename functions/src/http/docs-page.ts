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
  requestBody?: { content: { 'application/json'?: { schema: { $ref: string } }; 'text/csv'?: unknown } };
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema?: { $ref?: string } }> }
  >;
}

interface Doc {
  info: { title: string; version: string; description: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

const schemaName = (ref: string) => ref.split('/').at(-1)!;

function renderOperation(method: string, path: string, op: Operation): string {
  const params = (op.parameters ?? [])
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.in === 'path' ? '경로' : '쿼리'}</td><td>${
          p.required ? '필수' : '선택'
        }</td><td><code>${escapeHtml(JSON.stringify(p.schema))}</code></td></tr>`,
    )
    .join('');
  const body = op.requestBody?.content['application/json']?.schema.$ref;
  const csvBody = op.requestBody?.content['text/csv'] !== undefined;
  const responses = Object.entries(op.responses)
    .map(([status, r]) => {
      const ref = r.content?.['application/json']?.schema?.$ref;
      const schema = ref ? ` (<a href="#schema-${schemaName(ref)}">${schemaName(ref)}</a>)` : '';
      return `<li><b>${status}</b> ${text(r.description).replace(/^<p>|<\/p>$/g, '')}${schema}</li>`;
    })
    .join('');
  return `<section class="op" id="${escapeHtml(op.operationId)}">
<h3><span class="m m-${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p class="summary">${escapeHtml(op.summary)}</p>
${op.description ? text(op.description) : ''}
${params ? `<table>${params}</table>` : ''}
${body ? `<p>요청 본문 (JSON): <a href="#schema-${schemaName(body)}">${schemaName(body)}</a></p>` : ''}
${csvBody ? '<p>요청 본문: CSV 파일 (<code>text/csv</code>, UTF-8 또는 CP949)</p>' : ''}
<ul class="responses">${responses}</ul>
</section>`;
}

/**
 * The docs page's only style, inline: the Content-Security-Policy allows exactly this text by its hash
 * (`shared/src/security-headers.ts`), so editing it means updating that hash (a test says which).
 */
export const DOCS_STYLESHEET = `
body{font-family:'Pretendard GOV',system-ui,sans-serif;max-width:960px;margin:0 auto;padding:1rem;color:#1e2124;line-height:1.6}
h2{border-bottom:2px solid #256ef4}.op{border:1px solid #d6dbe1;border-radius:8px;padding:.5rem 1rem;margin:1rem 0}
.m{border-radius:4px;color:#fff;background:#1d56bc;padding:0 .4em}td,th{border:1px solid #d6dbe1;padding:0 .5rem}
code,pre{background:#f4f5f6}pre{padding:.75rem;overflow:auto}
`;

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
<style>${DOCS_STYLESHEET}</style></head><body>
<h1>${escapeHtml(doc.info.title)} <small>v${escapeHtml(doc.info.version)}</small></h1>
${text(doc.info.description)}
<p>기계가 읽는 문서: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1)</p>
${sections}
<h2>스키마</h2>
${schemas}
</body></html>`;
}
