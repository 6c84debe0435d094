import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * `npm start` as a person runs it (npm → tsx → node, the same scripts without the web build), stopped by a
 * signal that reaches only one of those processes: every process it started must be gone, and the data
 * folder's lock and runtime file removed.
 */
const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** The live processes whose parent is `pid`, recursively (from /proc). */
function descendants(pid: number): { pid: number; name: string }[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        const name = stat.slice(stat.indexOf('(') + 1, close);
        const [state, ppid] = stat.slice(close + 2).split(' ');
        return state === 'Z' ? [] : [{ pid: Number(d), ppid: Number(ppid), name }];
      } catch {
        return [];
      }
    });
  const out: { pid: number; name: string }[] = [];
  const walk = (p: number) => {
    for (const c of all.filter((x) => x.ppid === p)) {
      out.push({ pid: c.pid, name: c.name });
      walk(c.pid);
    }
  };
  walk(pid);
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

let started: ChildProcess | undefined;
let tree: number[] = [];
let dataDir = '';

afterEach(() => {
  // Whatever the outcome, leave nothing behind.
  for (const pid of [started?.pid, ...tree]) if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  started = undefined;
  tree = [];
});

async function startNpm(): Promise<{ npm: ChildProcess; output: () => string }> {
  dataDir = mkdtempSync(join(tmpdir(), 'sbiz24-stop-'));
  let out = '';
  const npm = spawn('npm', ['run', '--silent', 'start:no-build'], {
    cwd: ROOT,
    // A terminal's environment: not the test runner's (its NODE_OPTIONS and worker variables).
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      PORT: '0',
      DATA_DIR: dataDir,
      SEED_BUSINESSES: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, as in a terminal; the signal still goes to one process only.
    detached: true,
  });
  started = npm;
  npm.stdout!.on('data', (b) => (out += b));
  npm.stderr!.on('data', (b) => (out += b));
  const deadline = Date.now() + 90_000;
  while (!out.includes('포털이 실행 중입니다')) {
    if (Date.now() > deadline || npm.exitCode !== null) throw new Error(`no start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { npm, output: () => out };
}

async function gone(pids: number[], ms = 30_000): Promise<number[]> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (pids.every((p) => !alive(p))) return [];
    await new Promise((r) => setTimeout(r, 100));
  }
  return pids.filter(alive);
}

describe('stopping npm start', () => {
  // npm runs the portal's node directly (`exec node --import tsx`): no tsx launcher between them. tsx's
  // launcher relays a signal it alone receives and SIGKILLs its child unless the child confirms within 30 ms,
  // which a busy machine misses: the portal died mid-stop and left its lock (about one run in three here).
  for (const [target, signal] of [
    ['npm', 'SIGINT'],
    ['npm', 'SIGTERM'],
    ['node', 'SIGINT'],
    ['node', 'SIGTERM'],
    ['npm', 'SIGKILL'],
  ] as ['npm' | 'node', NodeJS.Signals][]) {
    it(`leaves no process when ${signal} reaches only ${target}`, async () => {
      const { npm, output } = await startNpm();
      const children = descendants(npm.pid!);
      tree = [npm.pid!, ...children.map((c) => c.pid)];
      // The portal's node writes its pid into the lock; it must be npm's own child.
      const lockPid = (JSON.parse(readFileSync(join(dataDir, 'portal.lock'), 'utf8')) as { pid: number }).pid;
      const node = children.find((c) => c.pid === lockPid)!;
      expect(node, `portal pid ${lockPid} not among ${JSON.stringify(children)}`).toBeDefined();
      expect(children[0]!.pid, `npm's child is not the portal: ${JSON.stringify(children)}`).toBe(lockPid);
      const pid = target === 'npm' ? npm.pid! : node.pid;

      process.kill(pid, signal);

      expect(await gone(tree), output().slice(-1500)).toEqual([]);
      expect(existsSync(join(dataDir, 'portal.lock')), `lock left behind\n${output().slice(-1500)}`).toBe(
        false,
      );
      expect(existsSync(join(dataDir, 'portal.json')), 'runtime file left behind').toBe(false);
    });
  }
});
