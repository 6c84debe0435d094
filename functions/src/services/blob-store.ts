import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { BlobStore } from '@sbiz24/shared/recompute/types';

/** Blobs in memory: for tests. */
export class MemoryBlobStore implements BlobStore {
  readonly blobs = new Map<string, Uint8Array>();
  async get(key: string): Promise<Uint8Array | undefined> {
    return this.blobs.get(key);
  }
  async put(key: string, bytes: Uint8Array): Promise<void> {
    this.blobs.set(key, bytes.slice());
  }
  async delete(key: string): Promise<void> {
    this.blobs.delete(key);
  }
  async list(prefix: string): Promise<string[]> {
    return [...this.blobs.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}

function checkKey(key: string): void {
  if (key.startsWith('/') || key.split('/').some((p) => p === '..' || p === '')) {
    throw new RangeError(`invalid blob key: ${key}`);
  }
}

/** Blobs as files under a folder: local mode. Writes go to a temporary file first, so readers never see half a blob. */
export class FsBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  async get(key: string): Promise<Uint8Array | undefined> {
    checkKey(key);
    try {
      return new Uint8Array(await readFile(join(this.root, key)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    checkKey(key);
    const path = join(this.root, key);
    const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
    // A delete may remove the folder between mkdir and the write when it was empty: make it again, once.
    for (let attempt = 0; ; attempt++) {
      await mkdir(dirname(path), { recursive: true });
      try {
        await writeFile(tmp, bytes);
        await rename(tmp, path);
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || attempt > 0) throw e;
      }
    }
  }

  /** Deletes the blob and every folder the deletion leaves empty, up to (not including) the root. */
  async delete(key: string): Promise<void> {
    checkKey(key);
    await rm(join(this.root, key), { force: true });
    const parts = key.split('/').slice(0, -1);
    for (let n = parts.length; n > 0; n--) {
      try {
        await rmdir(join(this.root, ...parts.slice(0, n)));
      } catch (e) {
        // Not empty (another blob, or a concurrent put), or already gone: stop there.
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOENT') return;
        throw e;
      }
    }
  }

  async list(prefix: string): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries: import('node:fs').Dirent[];
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw e;
      }
      for (const entry of entries) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (!entry.name.endsWith('.tmp')) out.push(relative(this.root, full).split(sep).join('/'));
      }
    };
    await walk(this.root);
    return out.filter((k) => k.startsWith(prefix)).sort();
  }
}
