import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { describe, expect, inject, it } from 'vitest';

const historiesDir = fileURLToPath(new URL('./histories/', import.meta.url));
const histories = readdirSync(historiesDir).filter((name) => name.endsWith('.json'));
/** `<what>--<workflowId>.json` replays as that workflow (signed signals name it); other files as their name. */
const replayWorkflowId = (name: string) => name.replace(/\.json$/, '').split('--').at(-1)!;

/**
 * Replays recorded histories of every workflow type against today's workflow code. A change that would break
 * a running case (non-determinism) fails here; guard such changes with patched().
 * Record a new history with: scripts/record-history.sh <workflowId> <name>
 */
describe('replay of recorded workflow histories', () => {
  it('has recorded histories to replay', () => {
    expect(histories.length).toBeGreaterThan(0);
  });

  it.each(histories)('replays %s without non-determinism', async (name) => {
    const history = JSON.parse(readFileSync(historiesDir + name, 'utf8')) as unknown;
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, replayWorkflowId(name)),
    ).resolves.toBeUndefined();
  });
});
