/**
 * Replays every recorded history in tests/workflows/histories against today's workflow code, without a Temporal
 * server: the quick check while changing workflow code (the test suite runs the same replay).
 * Usage: npx tsx scripts/replay-histories.ts [name-filter]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { workflowBundlerOptions, WORKFLOW_INTERCEPTOR_MODULES } from '../lib/temporal-security/workflow-bundle.js';
import { TEST_TEMPORAL_KEYS } from '../tests/support/temporal-test-keys.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = `${root}tests/workflows/histories/`;
const filter = process.argv[2] ?? '';
Runtime.install({ logger: new DefaultLogger('WARN') });
const { code } = await bundleWorkflowCode({
  workflowsPath: `${root}workflows/index.ts`,
  workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
  ...workflowBundlerOptions(TEST_TEMPORAL_KEYS),
  logger: new DefaultLogger('WARN'),
});
let failed = 0;
for (const name of readdirSync(dir).filter((n) => n.endsWith('.json') && n.includes(filter))) {
  const history = JSON.parse(readFileSync(dir + name, 'utf8')) as unknown;
  try {
    // `<what>--<workflowId>.json` replays as that workflow: a signed signal's signature names its workflow.
    await Worker.runReplayHistory({ workflowBundle: { code } }, history, name.replace(/\.json$/, '').split('--').at(-1)!);
    console.log(`ok    ${name}`);
  } catch (err) {
    failed++;
    console.log(`FAIL  ${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
process.exit(failed ? 1 : 0);
