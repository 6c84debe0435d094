import { FILE_LIMITS, sniffFileType } from '@sbiz24/shared/application/documents';
import type { CreateUploadResponse, FileResponse } from '@sbiz24/shared/contract/applications';
import { getToken } from '../auth/auth';
import type { FileMetadata } from './applications';
import { ApiError, api } from './client';

/**
 * Files for an application (a supplement response): checked here first (size, name, the type from the
 * content, never the name) so that a person hears at once what is wrong, then handed to the API's upload
 * interface, which checks them again.
 */

export class FileRejectedError extends Error {
  constructor(
    readonly reason: 'tooBig' | 'badType' | 'nameTooLong',
    readonly fileName: string,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = 'FileRejectedError';
  }
}

/** The file's type from its first bytes, or a refusal naming why it cannot be sent. */
export async function checkFile(file: File): Promise<FileMetadata['type']> {
  if (file.name.length > FILE_LIMITS.maxNameLength) throw new FileRejectedError('nameTooLong', file.name);
  if (file.size > FILE_LIMITS.maxBytes) throw new FileRejectedError('tooBig', file.name);
  const head = new Uint8Array(await readBytes(file.slice(0, 16)));
  const type = file.size > 0 ? sniffFileType(head) : undefined;
  if (!type) throw new FileRejectedError('badType', file.name);
  return type;
}

function readBytes(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/**
 * Uploads one file: asks the API for a ticket (`POST /api/me/files`; on AWS a presigned S3 POST limited in
 * type and size, locally the portal's own upload endpoint), posts the form fields and the bytes there, then
 * asks the API to check what arrived (`…/complete`: present, size, type from the first bytes). Returns the
 * checked file; requests refer to it by its id.
 */
export async function uploadFile(file: File): Promise<FileMetadata> {
  const type = await checkFile(file);
  const { file: pending, upload } = await api<CreateUploadResponse>('/api/me/files', {
    method: 'POST',
    body: { name: file.name, type, size: file.size },
  });
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append(upload.fileField, file, file.name);
  // A same-origin target (the local portal) is the API itself and needs the sign-in; a presigned URL
  // carries its own permission and must not receive the token.
  const token = upload.url.startsWith('/') ? getToken() : undefined;
  let res: Response;
  try {
    res = await fetch(upload.url, {
      method: upload.method,
      body: form,
      ...(token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '서버에 연결할 수 없습니다. 인터넷 연결을 확인하고 다시 시도해 주세요.');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as
      | { error?: { code?: string; message?: string } }
      | undefined;
    throw new ApiError(
      res.status,
      body?.error?.code ?? `HTTP_${res.status}`,
      body?.error?.message ?? '파일을 올리지 못했습니다. 잠시 후 다시 시도해 주세요.',
    );
  }
  const done = await api<FileResponse>(`/api/me/files/${encodeURIComponent(pending.id)}/complete`, {
    method: 'POST',
  });
  return done.file;
}
