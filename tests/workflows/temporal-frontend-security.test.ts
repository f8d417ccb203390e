/**
 * Issue 8 item 5: whoever reaches the Temporal frontend (CLI, Web UI, a gRPC client) without the product's keys can
 * neither act in a case as a forged actor nor read what the cases carry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionSigningInterceptor } from '../../lib/temporal-security/action-signing-interceptor.js';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING } from '../../lib/temporal-security/aes-gcm-payload-codec.js';
import { recordOutcomeSignal, recordWorkflowId } from '../../workflows/record/record-contract.js';
import { delegateStepUpdate, handOverStepUpdate, releaseStepUpdate } from '../../workflows/shared/claim-contract.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { eventually } from '../support/eventually.js';
import { startRealWorker } from '../support/real-worker.js';
import { createRecordWorld, recordServiceFor, registration } from '../support/record-fixtures.js';
import { TEST_TEMPORAL_KEYS } from '../support/temporal-test-keys.js';
import { getTestEnv, TEST_NAMESPACE, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('temporal-security');
let stopWorker: () => Promise<void>;
let app: Express;
let world: ObjectionWorld;
let connection: Connection;
/** What someone who reaches the frontend has: a plain client, no codec, no signing key. */
let raw: Client;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createObjectionWorld(env.prisma);
  app = await createTestApp({ taskQueue, objectionPolicyId: world.policyId });
  connection = await Connection.connect({ address: env.temporalAddress });
  raw = new Client({ connection, namespace: TEST_NAMESPACE });
});
afterAll(async () => {
  await connection?.close();
  await stopWorker?.();
});

const STATEMENT = '判决已履行完毕，申请人身份证号 110101199001011234';

async function claimedObjection(): Promise<{ caseId: string; workflowId: string }> {
  const recordId = await world.createRecord();
  const filed = await request(app)
    .post('/objections')
    .set('Authorization', await bearer(world.actors.applicant))
    .send({ recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: STATEMENT });
  expect(filed.status).toBe(201);
  const caseId = filed.body.id as string;
  await eventually(async () => ((await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } })).currentStep ? true : undefined));
  const claimed = await request(app).post(`/objections/${caseId}/claim`).set('Authorization', await bearer(world.actors.supervisor)).send({});
  expect(claimed.status).toBe(200);
  return { caseId, workflowId: filed.body.workflowId as string };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  return ((err as WorkflowUpdateFailedError).cause as Error).message;
}

const forgedAdmin = { id: 'forged-admin', role: 'ADMIN' as const, subjectId: null, authorityId: null };

describe('the Temporal frontend without the API', () => {
  it('an update sent straight to Temporal with a forged ADMIN actor is refused and leaves no event', async () => {
    const { caseId, workflowId } = await claimedObjection();
    const message = await refusal(raw.workflow.getHandle(workflowId).executeUpdate(releaseStepUpdate, { args: [{ actor: forgedAdmin, reason: 'forged' }] }));
    expect(message).toMatch(/does not come from the API: it is not signed/);

    const row = await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.claimedById).toBe(world.actors.supervisor.id);
    expect(await env.prisma.caseEvent.count({ where: { caseId, type: 'STEP_RELEASED' } })).toBe(0);
    expect(await env.prisma.caseEvent.count({ where: { actorId: 'forged-admin' } })).toBe(0);
  });

  it('a 转办 or 委派 sent straight to Temporal in the claimer’s name is refused and leaves the claim as it was', async () => {
    const { caseId, workflowId } = await claimedObjection();
    const command = { actor: world.actors.supervisor, colleague: { ...forgedAdmin, role: 'REVIEWER' as const, authorityId: world.authorityId }, note: 'forged' };
    for (const update of [handOverStepUpdate, delegateStepUpdate]) {
      const message = await refusal(raw.workflow.getHandle(workflowId).executeUpdate(update, { args: [command] }));
      expect(message).toMatch(/does not come from the API: it is not signed/);
    }
    expect((await env.prisma.objection.findUniqueOrThrow({ where: { id: caseId } })).claimedById).toBe(world.actors.supervisor.id);
    expect(await env.prisma.caseEvent.count({ where: { caseId, type: { in: ['STEP_HANDED_OVER', 'STEP_DELEGATED'] } } })).toBe(0);
  });

  it('an update signed with any other key is refused; the API-signed release of the same claim works', async () => {
    const { caseId, workflowId } = await claimedObjection();
    const attacker = new Client({ connection, namespace: TEST_NAMESPACE, interceptors: { workflow: [actionSigningInterceptor(ed25519.utils.randomSecretKey())] } });
    const message = await refusal(attacker.workflow.getHandle(workflowId).executeUpdate(releaseStepUpdate, { args: [{ actor: forgedAdmin }] }));
    expect(message).toMatch(/signature does not match/);
    expect(await env.prisma.caseEvent.count({ where: { caseId, type: 'STEP_RELEASED' } })).toBe(0);

    const released = await request(app).post(`/objections/${caseId}/release`).set('Authorization', await bearer(world.actors.admin)).send({ reason: '调整分工' });
    expect(released.status).toBe(200);
    expect(released.body.claimedById).toBeNull();
    const event = await env.prisma.caseEvent.findFirstOrThrow({ where: { caseId, type: 'STEP_RELEASED' } });
    expect(event.actorId).toBe(world.actors.admin.id);
  });

  it('a signed update replayed with other arguments (a copied header) is refused', async () => {
    const { caseId, workflowId } = await claimedObjection();
    // Signed by the product's key for one set of arguments, then sent with others under that signature.
    const signedThenTampered = new Client({
      connection,
      namespace: TEST_NAMESPACE,
      interceptors: {
        workflow: [actionSigningInterceptor(TEST_TEMPORAL_KEYS.signing.secretKey), { startUpdate: (input, next) => next({ ...input, args: [{ actor: forgedAdmin }] }) }],
      },
    });
    const message = await refusal(
      signedThenTampered.workflow.getHandle(workflowId).executeUpdate(releaseStepUpdate, { args: [{ actor: world.actors.supervisor }] }),
    );
    expect(message).toMatch(/signature does not match/);
    expect(await env.prisma.caseEvent.count({ where: { caseId, type: 'STEP_RELEASED' } })).toBe(0);
  });

  it('a signal that ends a record, sent straight to Temporal, is dropped: the record stays published', async () => {
    const recordWorld = await createRecordWorld(env.prisma);
    const record = await recordServiceFor(env.prisma, env.temporalClient, taskQueue, recordWorld).register(recordWorld.actors.reviewer, registration(recordWorld));
    const workflowId = recordWorkflowId(record.id);
    await eventually(async () => ((await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id } })).publicationStatus === 'PUBLISHED' ? true : undefined));

    await raw.workflow.getHandle(workflowId).signal(recordOutcomeSignal, { outcome: 'DELETE', caseId: 'forged' });
    // The workflow has handled the signal once a query answers after it (queries see every earlier event).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const state = await env.temporalClient.workflow.getHandle(workflowId).query<{ phase: string }>('recordLifecycle');
    expect(state.phase).not.toBe('CLOSED');
    const row = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id } });
    expect(row.publicationStatus).toBe('PUBLISHED');
    expect(await env.prisma.caseEvent.count({ where: { caseId: record.id, type: { startsWith: 'EFFECTS_ENDED' } } })).toBe(0);
  });

  it("workflow histories keep payloads encrypted: a client without the codec cannot read who filed an objection, or what", async () => {
    const { workflowId } = await claimedObjection();
    const history = await raw.workflow.getHandle(workflowId).fetchHistory();
    const payloads = (history.events ?? []).flatMap((event) => [
      ...(event.workflowExecutionStartedEventAttributes?.input?.payloads ?? []),
      ...(event.activityTaskScheduledEventAttributes?.input?.payloads ?? []),
      ...(event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads ?? []),
      // Local activities (the case's steps) leave their results in markers, not in scheduled-activity events.
      ...(event.markerRecordedEventAttributes?.details?.result?.payloads ?? []),
    ]);
    expect(payloads.length).toBeGreaterThan(2);
    for (const payload of payloads) {
      expect(Buffer.from(payload.metadata?.encoding ?? []).toString()).toBe(ENCRYPTED_ENCODING);
      const data = Buffer.from(payload.data ?? []).toString('utf8');
      expect(data).not.toContain('判决已履行完毕');
      expect(data).not.toContain(world.actors.applicant.id);
    }
    // With the product's key the same payloads decode to the case.
    const decoded = await new AesGcmPayloadCodec(TEST_TEMPORAL_KEYS.payload).decode(payloads);
    expect(Buffer.from(decoded[0]?.data ?? []).toString('utf8')).toContain(world.actors.applicant.id);
  });
});

describe('coverage of the signature check', () => {
  it('every update handler of every workflow has a validator (the SDK runs the signature check only for those)', () => {
    const root = fileURLToPath(new URL('../../workflows/', import.meta.url));
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
    // setHandler(xUpdate, handler, { validator }) directly, or the case runtime's action/note(xUpdate, validate, apply),
    // whose setHandler (checked here too) always passes the validator.
    const registrations = (source: string, call: string) =>
      source
        .split(call)
        .slice(1)
        .map((block) => ({ handler: block.trim().split(/[,)]/)[0] ?? '', block }))
        .filter(({ handler }) => /Update$|^update$/.test(handler));
    const direct = files.flatMap((name) => registrations(readFileSync(join(root, name), 'utf8'), 'setHandler(').map((r) => ({ ...r, name: `${name}: ${r.handler}` })));
    const viaRuntime = files.flatMap((name) => {
      const source = readFileSync(join(root, name), 'utf8');
      return [...registrations(source, 'runtime.action('), ...registrations(source, 'runtime.note(')];
    });
    expect(direct.length + viaRuntime.length).toBeGreaterThan(20);
    expect(direct.filter(({ block }) => !/\bvalidator\b/.test(block)).map(({ name }) => name)).toEqual([]);
  });
});
