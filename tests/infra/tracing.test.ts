/**
 * OpenTelemetry tracing across the processes' boundaries: an HTTP request to the API, the Temporal client's workflow
 * start and update, the workflow, and the activities it runs form one trace, each span the child of the one before
 * (real API app, real Temporal server, a real worker with the product's activities; spans kept in memory).
 */
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { createDeadlineCalculator } from '../../lib/calendar/deadline-calculator.js';
import { workerTracing } from '../../lib/observability/temporal-tracing.js';
import { startTracing } from '../../lib/observability/tracing.js';
import { secureClientOptions, temporalDataConverter } from '../../lib/temporal-connection.js';
import { workflowBundlerOptions, WORKFLOW_INTERCEPTOR_MODULES } from '../../lib/temporal-security/workflow-bundle.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { eventually } from '../support/eventually.js';
import { TEST_TEMPORAL_KEYS } from '../support/temporal-test-keys.js';
import { getTestEnv, TEST_NAMESPACE, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const spans = new InMemorySpanExporter();
const tracing = startTracing({ serviceName: 'credit-engine-test', exporter: 'none', spanProcessor: new SimpleSpanProcessor(spans) })!;
const taskQueue = uniqueId('tracing');
let worker: Worker;
let running: Promise<void>;
let client: Client;
let world: ObjectionWorld;

beforeAll(async () => {
  const traced = workerTracing(tracing);
  const { code } = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('../../workflows/index.ts', import.meta.url)),
    workflowInterceptorModules: [...WORKFLOW_INTERCEPTOR_MODULES, ...traced.workflowModules],
    ...workflowBundlerOptions(TEST_TEMPORAL_KEYS),
    logger: new DefaultLogger('WARN'),
  });
  worker = await Worker.create({
    connection: await NativeConnection.connect({ address: inject('temporalAddress') }),
    namespace: TEST_NAMESPACE,
    taskQueue,
    workflowBundle: { code },
    dataConverter: temporalDataConverter(TEST_TEMPORAL_KEYS),
    interceptors: { activity: traced.activity },
    sinks: traced.sinks,
    activities: createActivities({ prisma: env.prisma, deadlines: createDeadlineCalculator(env.prisma, { timeZone: 'Asia/Shanghai' }), temporal: env.temporalClient }),
  });
  running = worker.run();
  client = new Client({
    connection: await Connection.connect({ address: inject('temporalAddress') }),
    namespace: TEST_NAMESPACE,
    ...secureClientOptions(TEST_TEMPORAL_KEYS, tracing),
  });
  world = await createObjectionWorld(env.prisma);
}, 180_000);
afterAll(async () => {
  worker?.shutdown();
  await running;
  await client?.connection.close();
  await tracing.shutdown();
});

const named = (prefix: string) => (span: ReadableSpan) => span.name.startsWith(prefix);
const parentOf = (span: ReadableSpan) => span.parentSpanId;

describe('OpenTelemetry traces (OTEL_TRACES_EXPORTER)', () => {
  it('links the HTTP request, the workflow start, the workflow and its activities in one trace', async () => {
    const app = await createTestApp({ taskQueue, objectionPolicyId: world.policyId, temporal: client, tracer: tracing.tracer });
    const recordId = await world.createRecord();
    const filed = await request(app)
      .post('/objections')
      .set('Authorization', await bearer(world.actors.applicant))
      .send({ recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误' });
    expect(filed.status).toBe(201);
    const accepted = await request(app).post(`/objections/${filed.body.id as string}/accept`).set('Authorization', await bearer(world.actors.reviewer)).send({});
    expect(accepted.status).toBe(200);

    const finished = await eventually(async () => {
      const all = spans.getFinishedSpans();
      return all.some(named('HandleUpdate:acceptObjection')) && all.filter(named('RunActivity:recordObjectionTransition')).length >= 2 ? all : undefined;
    }, 60_000);
    const listing = finished.map((span) => `${span.name} ${span.spanContext().traceId} ${span.spanContext().spanId} <- ${span.parentSpanId}`).join('\n');
    const byName = (name: string) => finished.filter((span) => span.name === name);
    const idOf = (span: ReadableSpan) => span.spanContext().spanId;

    // Filing: HTTP → StartWorkflow → (the workflow's RunWorkflow span, open while the case runs) → StartActivity → RunActivity.
    const [http] = byName('POST /objections');
    expect(http, listing).toBeDefined();
    const trace = finished.filter((span) => span.spanContext().traceId === http!.spanContext().traceId);
    const start = trace.find(named('StartWorkflow:objectionWorkflow'));
    expect(parentOf(start!), listing).toBe(idOf(http!));
    const scheduled = trace.filter(named('StartActivity:'));
    expect(scheduled.length, listing).toBeGreaterThan(0);
    const workflowSpanIds = new Set(scheduled.map(parentOf));
    expect(workflowSpanIds.size, 'one workflow run schedules them all').toBe(1);
    expect([...workflowSpanIds][0]).not.toBe(idOf(start!));
    const ran = trace.filter(named('RunActivity:'));
    expect(ran.length).toBeGreaterThan(0);
    for (const span of ran) expect(scheduled.map(idOf), listing).toContain(parentOf(span));
    expect(http!.attributes['http.response.status_code']).toBe(201);

    // Acceptance (an update): HTTP → StartWorkflowUpdate → HandleUpdate → StartActivity → RunActivity, one trace.
    const [acceptHttp] = byName('POST /objections/:caseId/accept');
    const [startUpdate] = byName('StartWorkflowUpdate:acceptObjection');
    const [handled] = byName('HandleUpdate:acceptObjection');
    expect(parentOf(startUpdate!), listing).toBe(idOf(acceptHttp!));
    expect(parentOf(handled!), listing).toBe(idOf(startUpdate!));
    const recorded = finished.filter((span) => span.name === 'StartActivity:recordObjectionTransition' && parentOf(span) === idOf(handled!));
    expect(recorded, listing).toHaveLength(1);
    expect(finished.some((span) => span.name === 'RunActivity:recordObjectionTransition' && parentOf(span) === idOf(recorded[0]!))).toBe(true);
  }, 120_000);
});
