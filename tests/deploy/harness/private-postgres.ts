/**
 * A PostgreSQL server of one test's own (never the shared one on 5432): the machine's PostgreSQL binaries
 * (`pg_config --bindir`), a data directory under the temp dir made by initdb, a free port. The test can crash it
 * (`pg_ctl stop -m immediate`: no shutdown checkpoint, crash recovery at the next start) and start it again.
 * initdb refuses to run as root: as root, every command runs as the `postgres` user (runuser).
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ports.js';

const run = promisify(execFile);

export interface PrivatePostgres {
  port: number;
  /** postgresql://postgres@127.0.0.1:PORT/postgres */
  url: string;
  start(): Promise<void>;
  /** An immediate stop: every backend ends at once, as in a crash. */
  crash(): Promise<void>;
  dispose(): Promise<void>;
}

function asPostgresUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bindir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  const dir = mkdtempSync(join(tmpdir(), 'fault-postgres-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const pg = (tool: string, args: string[], timeout = 120_000) => run(...asPostgresUser(join(bindir, tool), args), { timeout });
  await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  const port = await freePort();
  // fsync off: a process crash keeps what the OS has (this server is killed, not the machine).
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const server: PrivatePostgres = {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      await pg('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '120', 'start']);
    },
    async crash() {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    },
    async dispose() {
      await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
