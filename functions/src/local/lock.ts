import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface LockInfo {
  pid: number;
  port: number;
  startedAt: string;
}

/** Another portal holds the data folder. */
export class PortalAlreadyRunningError extends Error {
  readonly code = 'PORTAL_ALREADY_RUNNING';
  constructor(
    readonly holder: LockInfo,
    readonly lockPath: string,
  ) {
    super(
      `포털이 이미 실행 중입니다 (PID ${holder.pid}, 포트 ${holder.port}). 실행 중인 포털을 먼저 종료하세요.\n` +
        `The portal is already running (PID ${holder.pid}, port ${holder.port}): stop it first.\n` +
        `(잠금 파일 / lock file: ${lockPath})`,
    );
    this.name = 'PortalAlreadyRunningError';
  }
}

export interface PortalLock {
  readonly path: string;
  /** Records the port once the server listens (port 0 picks one). */
  setPort(port: number): void;
  /** Removes the lock file if it is still ours. */
  release(): void;
}

/** Lock files this process holds: a second portal in the same process is refused too. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    return Number.isInteger(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes `portal.lock` in the data folder (exclusive create). A lock whose process is gone (a crash, a
 * kill -9) is taken over; a live one fails with PortalAlreadyRunningError naming its PID and port.
 */
export function acquirePortalLock(
  dataDir: string,
  port: number,
  now: () => Date = () => new Date(),
): PortalLock {
  mkdirSync(dataDir, { recursive: true });
  const path = resolve(join(dataDir, 'portal.lock'));
  const write = (info: LockInfo, flag: 'wx' | 'w') => {
    const fd = openSync(path, flag);
    try {
      writeFileSync(fd, `${JSON.stringify(info)}\n`);
    } finally {
      closeSync(fd);
    }
  };
  let info: LockInfo = { pid: process.pid, port, startedAt: now().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      write(info, 'wx');
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(path);
      const live = holder && (holder.pid === process.pid ? heldHere.has(path) : isAlive(holder.pid));
      if (live) throw new PortalAlreadyRunningError(holder, path);
      // Another process took over the same stale lock a moment ago.
      if (attempt > 0) throw new PortalAlreadyRunningError(holder ?? { ...info, pid: 0 }, path);
      rmSync(path, { force: true });
    }
  }
  heldHere.add(path);
  return {
    path,
    setPort(p) {
      info = { ...info, port: p };
      write(info, 'w');
    },
    release() {
      if (!heldHere.has(path)) return;
      heldHere.delete(path);
      if (readLock(path)?.pid === process.pid) rmSync(path, { force: true });
    },
  };
}
