import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createTestApp, tokenFor } from '../testing/test-app';
import { MAX_BODY_BYTES } from './app';
import { csvRequest, defineRoute, jsonResponse, reply } from './route';
import type { Resource } from './types';

/** A route that takes a CSV body of at most 1 MB and answers how many bytes and lines it received. */
const LIMIT = 1024 * 1024;
const echo = defineRoute('staff', {
  method: 'post',
  path: '/api/staff/test-csv',
  tags: ['test'],
  summary: 'CSV echo',
  request: { body: csvRequest(LIMIT, 'CSV') },
  responses: { 200: jsonResponse(z.object({ bytes: z.number(), lines: z.number() })) },
});
const echoResource: Resource = (server) =>
  server.serve(echo, (_c, { body }) =>
    reply({ bytes: body.byteLength, lines: new TextDecoder().decode(body).split('\n').length }, 200),
  );

async function post(body: string | Uint8Array, headers: Record<string, string>) {
  const { app } = await createTestApp({ routes: [echoResource] });
  const res = await app.request('/api/staff/test-csv', {
    method: 'POST',
    headers: { authorization: `Bearer ${tokenFor('staffSemas')}`, ...headers },
    body,
  });
  // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

describe('CSV request bodies', () => {
  it('hands the route the raw bytes, CP949 included, beyond the JSON body limit', async () => {
    const line = `${'가'.repeat(50)}\n`;
    const text = line.repeat(Math.ceil((MAX_BODY_BYTES * 1.5) / Buffer.byteLength(line)));
    const bytes = Buffer.from(text, 'utf8');
    const res = await post(bytes, { 'content-type': 'text/csv; charset=utf-8' });
    expect(res.status).toBe(200);
    expect(res.json.bytes).toBe(bytes.byteLength);
    const cp949 = new Uint8Array([0xb0, 0xa1, 0x0a]); // "가\n" in CP949: not valid UTF-8, passed through untouched
    expect((await post(cp949, { 'content-type': 'text/csv' })).json).toEqual({ bytes: 3, lines: 2 });
  });

  it('refuses another media type with 415 and a body over the route limit with 413, in Korean', async () => {
    const wrong = await post('a,b\n', { 'content-type': 'application/json' });
    expect(wrong.status).toBe(415);
    expect(wrong.json.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = await post(new Uint8Array(LIMIT + 1).fill(0x61), { 'content-type': 'text/csv' });
    expect(big.status).toBe(413);
    expect(big.json.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(big.json.error.message).toContain('1MB');
  });

  it('documents the body as text/csv with its limit', async () => {
    const { app } = await createTestApp({ routes: [echoResource] });
    // biome-ignore lint/suspicious/noExplicitAny: the document is inspected field by field
    const doc = (await (await app.request('/api/openapi.json')).json()) as any;
    const op = doc.paths['/api/staff/test-csv'].post;
    expect(op.requestBody.content['text/csv'].schema).toEqual({ type: 'string', format: 'binary' });
    expect(op.requestBody.description).toContain('1,048,576');
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '413', '415']));
  });
});
