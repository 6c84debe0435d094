import { createHash } from 'node:crypto';
import type { FileStorage } from '../services/file-storage';

/** File storage in memory: tests put bytes where a browser would have uploaded them. */
export interface MemoryFileStorage extends FileStorage {
  /** Stores bytes at a key, as the browser's form POST would. */
  put(key: string, bytes: Uint8Array): void;
  has(key: string): boolean;
}

export function createMemoryFileStorage(clock: () => Date = () => new Date()): MemoryFileStorage {
  const objects = new Map<string, Uint8Array>();
  const at = (seconds: number) => new Date(clock().getTime() + seconds * 1000).toISOString();
  return {
    put(key, bytes) {
      objects.set(key, bytes);
    },
    has(key) {
      return objects.has(key);
    },
    async uploadTicket(key, { type, maxBytes, expiresInSeconds }) {
      return {
        url: 'https://uploads.test/',
        method: 'POST',
        fields: { key, 'Content-Type': type },
        fileField: 'file',
        expiresAt: at(expiresInSeconds),
        maxBytes,
      };
    },
    async inspect(key) {
      const bytes = objects.get(key);
      if (!bytes) return undefined;
      return {
        size: bytes.length,
        head: bytes.slice(0, 16),
        sha256: createHash('sha256').update(bytes).digest('hex'),
      };
    },
    async downloadUrl(key, { expiresInSeconds }) {
      return {
        url: `https://uploads.test/${key}?expires=${expiresInSeconds}`,
        expiresAt: at(expiresInSeconds),
      };
    },
    async remove(key) {
      objects.delete(key);
    },
  };
}
