import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileType } from '@sbiz24/shared/application/documents';
import { FILE_TYPES } from '@sbiz24/shared/application/documents';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../http/types';
import type { FileStorage } from '../services/file-storage';

/** Where the browser posts uploads and reads files locally (the local portal serves it beside /api). */
export const LOCAL_UPLOAD_PATH = '/local-uploads';
const KEY = /^uploads\/([A-Za-z0-9_-]{8,64})$/;

export interface LocalFileStorage extends FileStorage {
  /** Serves the form POST uploads and the signed download links on the local portal's app. */
  mount(app: Hono<AppEnv>): void;
}

/**
 * Application files in the data folder, behind the same interface as S3: the API issues a signed form POST
 * (the fields carry the key, type, size limit and expiry, and an HMAC over them with a key made at each start,
 * as a presigned S3 POST carries its policy), the browser posts the file to `/local-uploads`, and downloads are
 * signed links that expire. The bytes never pass through the API's JSON routes.
 */
export function createLocalFileStorage(options: {
  dir: string;
  clock?: () => Date;
  secret?: Buffer;
}): LocalFileStorage {
  const { dir, clock = () => new Date(), secret = randomBytes(32) } = options;
  mkdirSync(dir, { recursive: true });
  const sign = (...parts: (string | number)[]) =>
    createHmac('sha256', secret).update(parts.join('\n')).digest('base64url');
  const verify = (given: string | undefined, expected: string) =>
    given !== undefined &&
    given.length === expected.length &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  const pathOf = (key: string): string | undefined => {
    const id = KEY.exec(key)?.[1];
    return id ? join(dir, id) : undefined;
  };
  const nowSeconds = () => Math.floor(clock().getTime() / 1000);
  const refuse = (status: 400 | 403 | 413, code: string, message: string) => ({ status, code, message });

  return {
    async uploadTicket(key, { type, maxBytes, expiresInSeconds }) {
      const expires = nowSeconds() + expiresInSeconds;
      return {
        url: LOCAL_UPLOAD_PATH,
        method: 'POST',
        fields: {
          key,
          'Content-Type': type,
          'x-max-bytes': String(maxBytes),
          'x-expires': String(expires),
          'x-signature': sign('post', key, type, maxBytes, expires),
        },
        fileField: 'file',
        expiresAt: new Date(expires * 1000).toISOString(),
        maxBytes,
      };
    },

    async inspect(key, maxBytes) {
      const path = pathOf(key);
      if (!path) return undefined;
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) return undefined;
      const handle = await open(path, 'r');
      try {
        const head = new Uint8Array(16);
        const { bytesRead } = await handle.read(head, 0, 16, 0);
        const sha256 =
          info.size > maxBytes
            ? ''
            : createHash('sha256')
                .update(await readFile(path))
                .digest('hex');
        return { size: info.size, head: head.slice(0, bytesRead), sha256 };
      } finally {
        await handle.close();
      }
    },

    async downloadUrl(key, { name, type, expiresInSeconds }) {
      const expires = nowSeconds() + expiresInSeconds;
      const query = new URLSearchParams({
        key,
        type,
        name,
        expires: String(expires),
        signature: sign('get', key, type, name, expires),
      });
      return { url: `${LOCAL_UPLOAD_PATH}?${query}`, expiresAt: new Date(expires * 1000).toISOString() };
    },

    async remove(key) {
      const path = pathOf(key);
      if (path) await rm(path, { force: true });
    },

    mount(app) {
      app.post(
        LOCAL_UPLOAD_PATH,
        bodyLimit({
          // The form's fields and boundaries on top of the largest file the ticket allows.
          maxSize: 10 * 1024 * 1024 + 64 * 1024,
          onError: (c) =>
            c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: '파일은 10MB 이하여야 합니다.' } }, 413),
        }),
        async (c) => {
          const form = await c.req.parseBody().catch(() => undefined);
          const field = (name: string) =>
            typeof form?.[name] === 'string' ? (form[name] as string) : undefined;
          const key = field('key') ?? '';
          const type = field('Content-Type') ?? '';
          const maxBytes = Number(field('x-max-bytes'));
          const expires = Number(field('x-expires'));
          const file = form?.file;
          const problem =
            !pathOf(key) || !verify(field('x-signature'), sign('post', key, type, maxBytes, expires))
              ? refuse(403, 'SIGNATURE_MISMATCH', '업로드 양식이 올바르지 않습니다.')
              : expires < nowSeconds()
                ? refuse(403, 'EXPIRED', '업로드 시간이 지났습니다. 다시 시도해 주세요.')
                : !(file instanceof File) || file.size < 1
                  ? refuse(400, 'FILE_MISSING', '파일(file)이 없습니다.')
                  : file.size > maxBytes
                    ? refuse(413, 'FILE_TOO_LARGE', '파일은 10MB 이하여야 합니다.')
                    : undefined;
          if (problem)
            return c.json({ error: { code: problem.code, message: problem.message } }, problem.status);
          await writeFile(pathOf(key)!, new Uint8Array(await (file as File).arrayBuffer()));
          return c.body(null, 204);
        },
      );

      app.get(LOCAL_UPLOAD_PATH, async (c) => {
        const { key = '', type = '', name = '', expires = '0', signature } = c.req.query();
        const path = pathOf(key);
        const ok =
          path !== undefined &&
          (FILE_TYPES as readonly string[]).includes(type) &&
          verify(signature, sign('get', key, type, name, Number(expires))) &&
          Number(expires) >= nowSeconds();
        if (!ok)
          return c.json(
            { error: { code: 'FORBIDDEN', message: '링크가 올바르지 않거나 만료되었습니다.' } },
            403,
          );
        const bytes = await readFile(path).catch(() => undefined);
        if (!bytes) return c.json({ error: { code: 'NOT_FOUND', message: '파일을 찾을 수 없습니다.' } }, 404);
        return c.body(new Uint8Array(bytes), 200, {
          'Content-Type': type as FileType,
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'private, no-store',
        });
      });
    },
  };
}
