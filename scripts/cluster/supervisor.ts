import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** One supervised process: restarted with exponential backoff when it dies, until the supervisor stops. */
export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface SupervisorOptions {
  /** First restart delay; doubles on each quick death up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** A process that ran at least this long is restarted at the initial delay again. */
  resetAfterMs?: number;
  log?: (message: string) => void;
}

/** The delay before restart number `failures` (1-based) of a process that keeps dying quickly. */
export function restartDelayMs(failures: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, failures - 1));
}

interface Supervised {
  spec: ProcessSpec;
  child: ChildProcess | null;
  failures: number;
  restarts: number;
  timer: NodeJS.Timeout | null;
  exited: Promise<void>;
}

/**
 * Runs processes in process groups of their own (stopping one stops what it spawned), prefixes their output with
 * their name, and restarts any that exits while the supervisor runs — the others keep serving meanwhile.
 */
export class Supervisor {
  private readonly processes = new Map<string, Supervised>();
  private stopping = false;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly resetAfterMs: number;
  private readonly log: (message: string) => void;

  constructor(options: SupervisorOptions = {}) {
    this.initialBackoffMs = options.initialBackoffMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.resetAfterMs = options.resetAfterMs ?? 30_000;
    this.log = options.log ?? ((message) => console.error(`[cluster] ${message}`));
  }

  start(spec: ProcessSpec): void {
    const entry: Supervised = { spec, child: null, failures: 0, restarts: 0, timer: null, exited: Promise.resolve() };
    this.processes.set(spec.name, entry);
    this.launch(entry);
  }

  /** The pid of a running process (tests and the fault drills kill it). */
  pid(name: string): number | undefined {
    return this.processes.get(name)?.child?.pid;
  }

  restarts(name: string): number {
    return this.processes.get(name)?.restarts ?? 0;
  }

  private launch(entry: Supervised): void {
    const { spec } = entry;
    const startedAt = Date.now();
    const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    entry.child = child;
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${spec.name}] ${line}\n`));
    }
    entry.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        entry.child = null;
        resolve();
        if (this.stopping) return;
        entry.failures = Date.now() - startedAt >= this.resetAfterMs ? 1 : entry.failures + 1;
        const delay = restartDelayMs(entry.failures, this.initialBackoffMs, this.maxBackoffMs);
        this.log(`${spec.name} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
        entry.timer = setTimeout(() => {
          entry.timer = null;
          if (this.stopping) return;
          entry.restarts += 1;
          this.launch(entry);
        }, delay);
      });
    });
  }

  /** Last resort when the supervisor itself exits: SIGKILL to every process group still running (synchronous). */
  killAll(): void {
    this.stopping = true;
    for (const entry of this.processes.values()) {
      if (entry.timer) clearTimeout(entry.timer);
      if (entry.child?.pid) signalGroup(entry.child.pid, 'SIGKILL');
    }
  }

  /** Stops the named processes (all, in reverse start order, by default): TERM, then KILL after `graceMs`. */
  async stop(names: string[] = [...this.processes.keys()].reverse(), graceMs = 10_000): Promise<void> {
    this.stopping = true;
    for (const name of names) {
      const entry = this.processes.get(name);
      if (!entry) continue;
      if (entry.timer) clearTimeout(entry.timer);
      const child = entry.child;
      if (!child?.pid) continue;
      this.log(`stopping ${name}`);
      signalGroup(child.pid, 'SIGTERM');
      const killer = setTimeout(() => child.pid && signalGroup(child.pid, 'SIGKILL'), graceMs);
      await entry.exited;
      clearTimeout(killer);
    }
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
