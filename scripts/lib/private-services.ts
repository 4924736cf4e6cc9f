// A Redis and a PostgreSQL of one run's own — their own ports, data directories and processes —
// optionally inside a network namespace (scripts/lib/netns.ts). The benchmark uses them to count the
// servers' CPU time per document without the other users of the machine's shared servers; the
// network test starts them on its server host. PostgreSQL refuses to run as root: its cluster
// belongs to the `postgres` user, and the server drops to it (setpriv) after entering the namespace.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PrivateServer {
  url: string;
  /** The server's main process: its CPU time with its children's (scripts/bench/common.ts, treeCpuSeconds). */
  pid: number;
  stop(): Promise<void>;
}

/** Why private servers cannot start here (not root, or a program missing), or undefined when they can. */
export function privateServersUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'not running as root (PostgreSQL clusters are created for the postgres user)';
  if (!pgBin()) return 'PostgreSQL server programs (initdb, postgres) not found under /usr/lib/postgresql';
  if (spawnSync('redis-server', ['--version']).status !== 0) return 'redis-server not found';
  if (spawnSync('id', ['-u', 'postgres']).status !== 0) return 'no postgres user';
  return undefined;
}

/** /usr/lib/postgresql/<newest>/bin, where Debian keeps initdb and postgres (not on PATH). */
function pgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const newest = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  return newest && existsSync(join(root, newest, 'bin', 'initdb')) ? join(root, newest, 'bin') : undefined;
}

/** `command` as run inside `netns` (when given) and as `user` (when given). */
function wrapped(command: string[], options: { netns?: string; user?: string }): string[] {
  const asUser = options.user ? ['setpriv', `--reuid=${options.user}`, `--regid=${options.user}`, '--init-groups', ...command] : command;
  return options.netns ? ['ip', 'netns', 'exec', options.netns, ...asUser] : asUser;
}

function startServer(command: string[], ready: RegExp, what: string): Promise<{ pid: number; exited: Promise<void>; kill(signal: NodeJS.Signals): void }> {
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within 30 s:\n${output.slice(-2000)}`)), 30_000);
    const onData = (d: Buffer) => {
      output += d;
      if (!ready.test(output)) return;
      clearTimeout(timer);
      resolve({ pid: child.pid!, exited, kill: (signal) => child.kill(signal) });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${what} exited before it was ready:\n${output.slice(-2000)}`));
    });
  });
}

/** A Redis without persistence listening on `hosts` (the URL names the first) at `port`. */
export async function startPrivateRedis(options: { hosts: string[]; port: number; netns?: string }): Promise<PrivateServer> {
  const dir = mkdtempSync(join(tmpdir(), 'policylens-redis-'));
  const args = ['redis-server', '--port', String(options.port), '--bind', ...options.hosts, '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'no'];
  const server = await startServer(wrapped(args, options), /Ready to accept connections/, 'redis-server');
  return {
    url: `redis://${options.hosts[0]}:${options.port}`,
    pid: server.pid,
    async stop() {
      server.kill('SIGTERM');
      await server.exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A throw-away PostgreSQL cluster (trust authentication, no fsync: its data lives as long as the run)
 * listening on `hosts` (the URL names the first) at `port`, with a database `test`.
 */
export async function startPrivatePostgres(options: { hosts: string[]; port: number; netns?: string }): Promise<PrivateServer> {
  const bin = pgBin();
  if (!bin) throw new Error('PostgreSQL server programs not found');
  const dir = mkdtempSync(join(tmpdir(), 'policylens-pg-'));
  const { uid, gid } = postgresIds();
  chownSync(dir, uid, gid);
  const data = join(dir, 'data');
  const init = spawnSync('setpriv', [`--reuid=${uid}`, `--regid=${gid}`, '--init-groups', join(bin, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  // initdb trusts only local connections; this cluster also takes its hosts' peers (a namespace's links).
  appendFileSync(join(data, 'pg_hba.conf'), 'host all all all trust\n');
  const settings = [`listen_addresses=${options.hosts.join(',')}`, `port=${options.port}`, `unix_socket_directories=${dir}`, 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=100'];
  const server = await startServer(
    wrapped([join(bin, 'postgres'), '-D', data, ...settings.flatMap((s) => ['-c', s])], { netns: options.netns, user: 'postgres' }),
    /ready to accept connections/,
    'postgres',
  );
  const host = options.hosts[0]!;
  const created = spawnSync('setpriv', [`--reuid=${uid}`, `--regid=${gid}`, '--init-groups', join(bin, 'createdb'), '-h', dir, '-p', String(options.port), '-U', 'postgres', 'test'], { encoding: 'utf8' });
  if (created.status !== 0) {
    server.kill('SIGQUIT');
    throw new Error(`createdb failed: ${created.stderr}`);
  }
  return {
    url: `postgres://postgres@${host}:${options.port}/test`,
    pid: server.pid,
    async stop() {
      // SIGQUIT: immediate shutdown (nothing to keep), the postmaster takes its children down.
      server.kill('SIGQUIT');
      await server.exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid, gid };
}
