import { mkdirSync } from 'node:fs';
import { open, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import {
  type DecodedSnapshot,
  decodeSnapshot,
  encodeSnapshotChunks,
  type SnapshotMeta,
} from '@sbiz24/shared/columnar/format';
import type { Snapshot } from '@sbiz24/shared/columnar/snapshot';

/** node:zlib's CRC-32 (native; the shared module's own is the fallback), as an unsigned number. */
export const nativeCrc32 = (bytes: Uint8Array): number => crc32(bytes) >>> 0;

/** Largest write or read per system call. */
const IO_CHUNK = 64 * 1024 * 1024;

/**
 * Writes a snapshot file, streaming its chunks (columns are written straight from their arrays), to a
 * temporary name renamed into place at the end, so a reader never sees half a file. Returns the bytes written.
 */
export async function writeSnapshotFile(
  path: string,
  snapshot: Snapshot,
  meta: SnapshotMeta = {},
): Promise<number> {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const file = await open(temp, 'w');
  let written = 0;
  try {
    for (const chunk of encodeSnapshotChunks(snapshot, meta)) {
      for (let at = 0; at < chunk.byteLength; at += IO_CHUNK) {
        const part = chunk.subarray(at, Math.min(at + IO_CHUNK, chunk.byteLength));
        let done = 0;
        while (done < part.byteLength) done += (await file.write(part, done)).bytesWritten;
        written += part.byteLength;
      }
    }
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, path);
  return written;
}

export interface LoadOptions {
  /** Read into a SharedArrayBuffer, so worker threads can view the same columns. @default false */
  shared?: boolean;
  /** Check the body checksum. @default true */
  verify?: boolean;
}

export interface LoadedSnapshotFile {
  snapshot: DecodedSnapshot;
  /** The whole file: its buffer backs every column of the snapshot. */
  bytes: Uint8Array;
}

/** Reads a whole snapshot file into one buffer and decodes it without copying the columns. */
export async function loadSnapshotFile(path: string, options: LoadOptions = {}): Promise<LoadedSnapshotFile> {
  const size = (await stat(path)).size;
  const bytes = options.shared
    ? new Uint8Array(new SharedArrayBuffer(size))
    : new Uint8Array(new ArrayBuffer(size));
  const file = await open(path, 'r');
  try {
    let at = 0;
    while (at < size) {
      const { bytesRead } = await file.read(bytes, at, Math.min(IO_CHUNK, size - at), at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
  } finally {
    await file.close();
  }
  const snapshot = decodeSnapshot(bytes, { verify: options.verify ?? true, crc32: nativeCrc32 });
  return { snapshot, bytes };
}
