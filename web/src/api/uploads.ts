import { FILE_LIMITS, type FileMetadata, sniffFileType } from '@sbiz24/shared/application/documents';
import { getToken } from '../auth/auth';
import { api } from './client';

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

async function sha256Hex(file: File): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = await subtle.digest('SHA-256', await readBytes(file));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the API answers to an upload request: the file's metadata and where to send the bytes. */
export interface UploadTicket {
  file: FileMetadata;
  upload: { url: string; method?: 'PUT' | 'POST'; headers?: Record<string, string> };
}

/**
 * Uploads one file for an application: asks the API for a ticket (on AWS a presigned URL limited in type
 * and size; locally the same interface), sends the bytes there, and returns the file's metadata.
 */
export async function uploadFile(file: File): Promise<FileMetadata> {
  const type = await checkFile(file);
  const sha256 = await sha256Hex(file);
  const ticket = await api<UploadTicket>('/api/me/uploads', {
    method: 'POST',
    body: { name: file.name, type, size: file.size, ...(sha256 ? { sha256 } : {}) },
  });
  // A same-origin target (the local portal) is the API itself and needs the sign-in; a presigned URL
  // carries its own permission and must not receive the token.
  const token = ticket.upload.url.startsWith('/') ? getToken() : undefined;
  const res = await fetch(ticket.upload.url, {
    method: ticket.upload.method ?? 'PUT',
    headers: {
      'Content-Type': type,
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...ticket.upload.headers,
    },
    body: file,
  });
  if (!res.ok) throw new Error(`upload failed: ${res.status}`);
  return ticket.file;
}
