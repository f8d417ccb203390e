import { afterEach, describe, expect, it } from 'vitest';
import { restartDelayMs, Supervisor } from '../../scripts/cluster/supervisor.js';

const sleeper = (name: string) => ({ name, command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'] });

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const alive = (pid: number | undefined) => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let supervisor: Supervisor | undefined;
afterEach(async () => {
  await supervisor?.stop();
});

describe('cluster supervisor', () => {
  it('backs off exponentially up to a cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => restartDelayMs(n, 1_000, 30_000))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('restarts a killed process while the others keep running, then stops them all', async () => {
    const log: string[] = [];
    supervisor = new Supervisor({ initialBackoffMs: 100, log: (message) => log.push(message) });
    supervisor.start(sleeper('worker-1'));
    supervisor.start(sleeper('worker-2'));
    await until(() => alive(supervisor!.pid('worker-1')) && alive(supervisor!.pid('worker-2')));
    const [first, other] = [supervisor.pid('worker-1')!, supervisor.pid('worker-2')!];

    process.kill(first, 'SIGKILL');
    await until(() => supervisor!.restarts('worker-1') === 1 && alive(supervisor!.pid('worker-1')));
    expect(supervisor.pid('worker-1')).not.toBe(first);
    expect(supervisor.pid('worker-2')).toBe(other);
    expect(supervisor.restarts('worker-2')).toBe(0);
    expect(log).toContain('worker-1 exited (SIGKILL); restarting in 100 ms');

    // A process that keeps dying quickly waits longer each time.
    process.kill(supervisor.pid('worker-1')!, 'SIGKILL');
    await until(() => log.some((line) => line === 'worker-1 exited (SIGKILL); restarting in 200 ms'));

    await until(() => alive(supervisor!.pid('worker-1')));
    const pids = [supervisor.pid('worker-1'), supervisor.pid('worker-2')];
    await supervisor.stop();
    expect(pids.filter(alive)).toEqual([]);
    supervisor = undefined;
  });
});
