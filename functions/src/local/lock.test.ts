import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquirePortalLock, PortalAlreadyRunningError } from './lock';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sbiz24-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A PID that certainly belongs to no running process: a child that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('portal lock', () => {
  it('refuses a second holder with a Korean and English message naming the PID and port', () => {
    const dir = tempDir();
    const lock = acquirePortalLock(dir, 3000);
    lock.setPort(3123);
    let error: unknown;
    try {
      acquirePortalLock(dir, 3000);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PortalAlreadyRunningError);
    const message = (error as Error).message;
    expect(message).toContain(`PID ${process.pid}`);
    expect(message).toContain('3123');
    expect(message).toContain('이미 실행 중');
    expect(message).toContain('already running');
    lock.release();
  });

  it('can be taken again after release, and the file is gone', () => {
    const dir = tempDir();
    const lock = acquirePortalLock(dir, 3000);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    acquirePortalLock(dir, 3000).release();
  });

  it('takes over a stale lock left by a process that is gone', () => {
    const dir = tempDir();
    const pid = deadPid();
    writeFileSync(
      join(dir, 'portal.lock'),
      JSON.stringify({ pid, port: 3000, startedAt: '2026-01-01T00:00:00Z' }),
    );
    const lock = acquirePortalLock(dir, 3001);
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});
