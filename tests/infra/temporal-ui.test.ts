/**
 * The Temporal Web UI that `npm start` serves (scripts/start-temporal-ui.sh, temporal/ui/config) is read-only: its
 * server refuses write calls, whatever a browser (or curl) sends, and it points at the API's codec endpoint.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The first build of the UI server compiles for minutes (once per machine, cached like the CLI). */
const BUILD_TIMEOUT_MS = 20 * 60_000;

let ui: ChildProcess | undefined;
let base = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

beforeAll(async () => {
  const built = spawnSync('bash', ['scripts/ensure-temporal-ui.sh'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (built.status !== 0) throw new Error('scripts/ensure-temporal-ui.sh failed');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  ui = spawn('bash', ['scripts/start-temporal-ui.sh'], {
    cwd: repoRoot,
    stdio: 'ignore',
    env: { ...process.env, TEMPORAL_ADDRESS: env.temporalAddress, TEMPORAL_UI_PORT: String(port), TEMPORAL_UI_WRITE_ACTIONS: '', PORT: '3000' },
  });
  for (let tries = 0; ; tries++) {
    const ready = await fetch(`${base}/api/v1/settings`).then((res) => res.ok, () => false);
    if (ready) break;
    if (tries > 120) throw new Error('the Temporal UI server did not start');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  ui?.kill('SIGTERM');
});

describe('the Temporal Web UI of npm start', () => {
  it('is read-only: terminating a workflow through it is refused (405) and the workflow keeps running', async () => {
    const settings = await fetch(`${base}/api/v1/settings`);
    const body = (await settings.json()) as { DisableWriteActions: boolean; Codec: { Endpoint: string } };
    expect(body.DisableWriteActions).toBe(true);
    expect(body.Codec.Endpoint).toBe('http://127.0.0.1:3000/codec');
    // The UI's CSRF token, as a browser would send it, so that the refusal is the read-only rule's.
    const csrf = /_csrf=([^;]+)/.exec(settings.headers.get('set-cookie') ?? '')?.[1];
    expect(csrf).toBeTruthy();

    const workflowId = uniqueId('ui-probe');
    const handle = await env.temporalClient.workflow.start('noSuchWorkflow', { workflowId, taskQueue: uniqueId('nobody') });
    try {
      for (const action of ['terminate', 'cancel', 'signal/recordOutcome']) {
        const res = await fetch(`${base}/api/v1/namespaces/default/workflows/${workflowId}/${action}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: `_csrf=${csrf}`, 'X-CSRF-TOKEN': csrf! },
          body: JSON.stringify({ reason: 'probe' }),
        });
        expect(`${action} ${res.status}`).toBe(`${action} 405`);
      }
      expect((await handle.describe()).status.name).toBe('RUNNING');
      // Reading still works.
      expect((await fetch(`${base}/api/v1/namespaces/default/workflows/${workflowId}`)).status).toBe(200);
    } finally {
      await handle.terminate('test done');
    }
  });
});
