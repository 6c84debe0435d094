import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEnv } from '../http/types';
import { createLocalFileStorage, type LocalFileStorage } from './file-storage';

let dir: string;
let now: Date;
let storage: LocalFileStorage;
let app: Hono<AppEnv>;
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sbiz24-files-'));
  now = new Date('2026-12-03T01:00:00Z');
  storage = createLocalFileStorage({ dir, clock: () => now });
  app = new Hono<AppEnv>();
  storage.mount(app);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function post(fields: Record<string, string>, bytes: Uint8Array) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([bytes]), 'x.pdf');
  return app.request('/local-uploads', { method: 'POST', body: form });
}

describe('local file storage', () => {
  it('takes a form POST as a presigned S3 POST would, then inspects and serves it by signed link', async () => {
    const ticket = await storage.uploadTicket('uploads/file-0001', {
      type: 'application/pdf',
      maxBytes: 1024,
      expiresInSeconds: 900,
    });
    expect((await post(ticket.fields, PDF)).status).toBe(204);

    const stored = await storage.inspect('uploads/file-0001', 1024);
    expect(stored).toMatchObject({ size: PDF.length, head: PDF.slice(0, 16) });
    expect(stored?.sha256).toMatch(/^[0-9a-f]{64}$/);

    const link = await storage.downloadUrl('uploads/file-0001', {
      name: '사업 계획.pdf',
      type: 'application/pdf',
      expiresInSeconds: 300,
    });
    const res = await app.request(link.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('사업 계획.pdf')}`,
    );
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
  });

  it('refuses a tampered form, a file over the ticket size, and an expired ticket or link', async () => {
    const ticket = await storage.uploadTicket('uploads/file-0002', {
      type: 'application/pdf',
      maxBytes: 8,
      expiresInSeconds: 900,
    });
    expect((await post({ ...ticket.fields, 'x-max-bytes': '99999' }, PDF)).status).toBe(403);
    expect((await post({ ...ticket.fields, key: 'uploads/file-9999' }, PDF)).status).toBe(403);
    expect((await post(ticket.fields, PDF)).status).toBe(413);
    expect(await storage.inspect('uploads/file-0002', 8)).toBeUndefined();

    const link = await storage.downloadUrl('uploads/file-0002', {
      name: 'a.pdf',
      type: 'application/pdf',
      expiresInSeconds: 300,
    });
    now = new Date(now.getTime() + 3600_000);
    expect((await post(ticket.fields, PDF.slice(0, 8))).status).toBe(403);
    expect((await app.request(link.url)).status).toBe(403);
  });

  it('never reads outside its folder', async () => {
    expect(await storage.inspect('../../etc/passwd', 10)).toBeUndefined();
    await storage.remove('uploads/../../x');
    const res = await app.request(
      '/local-uploads?key=..%2F..%2Fetc%2Fpasswd&type=application%2Fpdf&expires=9999999999&signature=x',
    );
    expect(res.status).toBe(403);
  });
});
