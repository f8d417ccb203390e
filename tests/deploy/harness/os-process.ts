/**
 * A process of the fault tests: started in a process group of its own, its output kept (the last lines, for a failing
 * test's message) and watched for lines, killed with SIGKILL as a crash would, and restartable with the same settings.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface OsProcessSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

type LineWatcher = { pattern: RegExp; resolve: (line: string) => void };

export class OsProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly tail: string[] = [];
  private watchers: LineWatcher[] = [];
  /** How many times the process was started. */
  starts = 0;

  constructor(readonly spec: OsProcessSpec) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null;
  }

  start(): void {
    if (this.child) throw new Error(`${this.spec.name} is already running`);
    this.starts += 1;
    const child = spawn(this.spec.command, this.spec.args, {
      cwd: this.spec.cwd,
      env: this.spec.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const label = `${this.spec.name}#${this.starts}`;
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        this.tail.push(`[${label}] ${line}`);
        if (this.tail.length > 200) this.tail.shift();
        if (process.env.FAULT_TEST_VERBOSE) process.stderr.write(`[${label}] ${line}\n`);
        const matched = this.watchers.filter((w) => w.pattern.test(line));
        this.watchers = this.watchers.filter((w) => !matched.includes(w));
        for (const w of matched) w.resolve(line);
      });
    }
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.tail.push(`[${label}] exited (${signal ?? `code ${code}`})`);
        if (this.child === child) this.child = null;
        resolve();
      });
    });
  }

  /** Resolves with the next output line matching `pattern` (from now on). */
  nextLine(pattern: RegExp): Promise<string> {
    return new Promise((resolve) => this.watchers.push({ pattern, resolve }));
  }

  /** SIGKILL to the whole process group, as a crash (or the OOM killer) would; resolves when it is gone. */
  async kill9(): Promise<void> {
    const pid = this.child?.pid;
    if (!pid) return;
    signalGroup(pid, 'SIGKILL');
    await this.exited;
  }

  /** SIGTERM (a graceful stop), SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    const pid = this.child?.pid;
    if (!pid) return;
    signalGroup(pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** The last lines it printed (all starts), for a failing test's message. */
  output(): string {
    return this.tail.join('\n');
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
