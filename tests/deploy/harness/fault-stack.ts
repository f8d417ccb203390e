/**
 * Everything one fault test runs, as separate OS processes: a Temporal server of its own, a database of its own, a
 * worker and an API process on a task queue of their own, and the outbox's webhook receiver.
 */
import type { ObjectionWorld } from '../../support/objection-fixtures.js';
import { uniqueId } from '../../support/test-env.js';
import { createFaultDatabase, createFaultWorld, scratchDir, startWebhookReceiver, type FaultDatabase, type WebhookReceiver } from './fault-world.js';
import type { OsProcess } from './os-process.js';
import { freePort } from './ports.js';
import { apiProcess, startApi, startWorker, workerProcess, type ProductSettings } from './product-processes.js';
import { startFaultTemporalServer, type FaultTemporalServer } from './temporal-server.js';

export interface FaultStack {
  temporal: FaultTemporalServer;
  database: FaultDatabase;
  webhook: WebhookReceiver;
  world: ObjectionWorld;
  settings: ProductSettings;
  worker: OsProcess;
  api: OsProcess;
  apiUrl: string;
  /** How long start-up took (server, database, processes), in ms. */
  startedInMs: number;
  dispose(): Promise<void>;
}

export interface FaultStackOptions {
  name: string;
  /** The PostgreSQL server of the product's database (its URL; the database name is replaced). */
  databaseServerUrl: string;
}

export async function startFaultStack({ name, databaseServerUrl }: FaultStackOptions): Promise<FaultStack> {
  const started = Date.now();
  const scratch = scratchDir();
  const disposers: (() => Promise<unknown> | void)[] = [() => scratch.dispose()];
  const dispose = async () => {
    for (const disposer of disposers.reverse()) await Promise.resolve(disposer()).catch((err: unknown) => console.error(`[${name}] clean-up:`, err));
  };
  try {
    const [temporal, database, webhook] = await Promise.all([
      startFaultTemporalServer().then((server) => (disposers.push(() => server.dispose()), server)),
      createFaultDatabase(databaseServerUrl).then((db) => (disposers.push(() => db.dispose()), db)),
      startWebhookReceiver().then((receiver) => (disposers.push(() => receiver.close()), receiver)),
    ]);
    const world = await createFaultWorld(database.prisma);
    const settings: ProductSettings = {
      databaseUrl: database.url,
      temporalAddress: temporal.address,
      taskQueue: uniqueId(name),
      dataDir: scratch.path,
      objectionPolicyId: world.policyId,
      webhookUrl: webhook.url,
    };
    const port = await freePort();
    const apiUrl = `http://127.0.0.1:${port}`;
    const worker = workerProcess(settings);
    const api = apiProcess(settings, port);
    disposers.push(() => Promise.all([worker.stop(), api.stop()]));
    await startWorker(worker);
    await startApi(api, apiUrl);
    return {
      temporal,
      database,
      webhook,
      world,
      settings,
      worker,
      api,
      apiUrl,
      startedInMs: Date.now() - started,
      dispose,
    };
  } catch (err) {
    await dispose();
    throw err;
  }
}
