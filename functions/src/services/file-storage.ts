import type { FileType } from '@sbiz24/shared/application/documents';

/**
 * Where application files' bytes live: a private S3 bucket on AWS (`aws/s3-file-storage.ts`: presigned POST
 * limited in type and size, presigned GET), the data folder locally (`local/file-storage.ts`: the same form
 * POST, signed by the portal). The browser uploads straight to it; the API only issues tickets, checks what
 * arrived, and hands out short-lived download links to whoever may read the file.
 */
export interface UploadTicket {
  url: string;
  method: 'POST';
  /** Form fields to send, in order, before the file. */
  fields: Record<string, string>;
  fileField: 'file';
  expiresAt: string;
  maxBytes: number;
}

export interface StoredObject {
  size: number;
  /** The first bytes (at least 16, fewer for a shorter file): the type is told from them. */
  head: Uint8Array;
  /** Hex SHA-256 of the whole content. */
  sha256: string;
}

export interface FileStorage {
  /** A form POST that stores at most `maxBytes` bytes of `type` at `key` until it expires. */
  uploadTicket(
    key: string,
    limits: { type: FileType; maxBytes: number; expiresInSeconds: number },
  ): Promise<UploadTicket>;
  /** What is stored at `key`, or undefined when nothing is. Reads at most `maxBytes` + 1 bytes. */
  inspect(key: string, maxBytes: number): Promise<StoredObject | undefined>;
  /** A link that serves the bytes as `type`, as an attachment named `name`, until it expires. */
  downloadUrl(
    key: string,
    file: { name: string; type: FileType; expiresInSeconds: number },
  ): Promise<{ url: string; expiresAt: string }>;
  /** Deletes what is stored at `key` (a refused upload); nothing stored is fine. */
  remove(key: string): Promise<void>;
}

/** The storage key of a file: its random id only, no name and no owner (those are in the file record). */
export const fileStorageKey = (id: string): string => `uploads/${id}`;

/** An upload ticket is good for this long; a download link for that long. */
export const UPLOAD_TICKET_SECONDS = 15 * 60;
export const DOWNLOAD_LINK_SECONDS = 5 * 60;
