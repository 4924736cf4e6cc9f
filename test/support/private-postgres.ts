// A PostgreSQL cluster of the test's own, on a free port, that the test may crash and restart
// without disturbing the shared server other tests use. Runs the machine's PostgreSQL binaries as
// the postgres user (initdb refuses root).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN_ROOT = '/usr/lib/postgresql';

export function postgresBinaries(): string | undefined {
  if (!existsSync(BIN_ROOT)) return undefined;
  const version = readdirSync(BIN_ROOT).sort().pop();
  return version ? join(BIN_ROOT, version, 'bin') : undefined;
}

export class PrivatePostgres {
  private readonly dir = mkdtempSync(join(tmpdir(), 'policylens-pg-'));
  private readonly bin = postgresBinaries()!;
  constructor(readonly port: number) {
    chownSync(this.dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
    this.asPostgres('initdb', ['-D', join(this.dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  start(): void {
    this.asPostgres('pg_ctl', ['-D', join(this.dir, 'data'), '-w', '-l', join(this.dir, 'log'), '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  }

  /** Stops at once, as a crash would (no checkpoint; connections are cut). */
  crash(): void {
    this.asPostgres('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'immediate', 'stop']);
  }

  destroy(): void {
    try {
      this.crash();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private asPostgres(tool: string, args: string[]): void {
    execFileSync('runuser', ['-u', 'postgres', '--', join(this.bin, tool), ...args], { stdio: 'ignore', cwd: this.dir });
  }
}
