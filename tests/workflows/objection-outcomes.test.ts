import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptObjectionUpdate,
  declineObjectionUpdate,
  decideObjectionUpdate,
  withdrawObjectionUpdate,
} from '../../workflows/objection/objection-contract.js';
import { createObjectionWorld, objectionServiceFor, type ObjectionWorld } from '../support/objection-fixtures.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('objection-outcomes');
let stopWorker: () => Promise<void>;
let world: ObjectionWorld;

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createObjectionWorld(env.prisma, { secondReviewAllowed: false });
});
afterAll(async () => {
  await stopWorker?.();
});

const service = () => objectionServiceFor(env.prisma, env.temporalClient, taskQueue, world);

async function fileAndAccept() {
  const recordId = await world.createRecord();
  const filed = await service().file(world.actors.applicant, {
    recordId,
    grounds: 'INACCURATE_OR_INCOMPLETE',
    statement: '判决已于2025年8月履行完毕，记录未更新',
    evidence: [{ title: '履行完毕证明' }],
  });
  const accepted = await service().act(world.actors.reviewer, filed.case.id, acceptObjectionUpdate, {});
  return { recordId, caseId: filed.case.id, accepted };
}

describe('objection workflow outcomes (real Temporal and PostgreSQL)', () => {
  it('accepting an objection marks the record as under objection and opens verification', async () => {
    const { recordId, accepted } = await fileAndAccept();
    expect(accepted.status).toBe('UNDER_VERIFICATION');
    const record = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect(record.objectionCaseId).toBe(accepted.id);
    expect(accepted.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['FILED', 'STEP_OPENED', 'ACCEPTED']));
  });

  it('a rejection keeps the record, clears the mark and closes the case when no second review is allowed', async () => {
    const { recordId, caseId } = await fileAndAccept();
    const decided = await service().act(world.actors.reviewer, caseId, decideObjectionUpdate, {
      outcome: 'REJECT',
      reasons: '经核实，记录与判决一致',
    });
    expect(decided).toMatchObject({ status: 'DECIDED', outcome: 'REJECT', decisionReasons: '经核实，记录与判决一致' });
    const record = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect(record).toMatchObject({ status: 'ACTIVE', publicationStatus: 'PUBLISHED', objectionCaseId: null, version: 1 });
    const result = await env.temporalClient.workflow.getHandle(decided.workflowId).result();
    expect(result).toEqual({ status: 'DECIDED', outcome: 'REJECT' });
  });

  it('a correction writes a new version of the record with the corrected facts', async () => {
    const { recordId, caseId } = await fileAndAccept();
    await service().act(world.actors.reviewer2, caseId, decideObjectionUpdate, {
      outcome: 'CORRECT',
      reasons: '欠款金额有误',
      changes: { amountOwedYuan: 200_000 },
    });
    const record = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId }, include: { versions: true } });
    expect(record.version).toBe(2);
    expect(record.facts).toMatchObject({ amountOwedYuan: 200_000, title: '拖欠中小企业账款' });
    expect(record.versions.map((v) => v.change).sort()).toEqual(['CORRECT', 'CREATED']);
    expect(record.objectionCaseId).toBeNull();
  });

  it('a supplement adds facts in a new version', async () => {
    const { recordId, caseId } = await fileAndAccept();
    await service().act(world.actors.reviewer, caseId, decideObjectionUpdate, {
      outcome: 'SUPPLEMENT',
      reasons: '补充履行情况',
      changes: { performanceNote: '已部分履行' },
    });
    const record = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect(record.version).toBe(2);
    expect(record.facts).toMatchObject({ performanceNote: '已部分履行', amountOwedYuan: 1_200_000 });
  });

  it('a deletion stops publication and every effect while keeping the record and its history', async () => {
    const { recordId, caseId } = await fileAndAccept();
    await service().act(world.actors.reviewer, caseId, decideObjectionUpdate, { outcome: 'DELETE', reasons: '认定主体错误' });
    const record = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId }, include: { versions: true } });
    expect(record).toMatchObject({ status: 'DELETED', publicationStatus: 'STOPPED', objectionCaseId: null });
    expect(record.versions).toHaveLength(1);
  });

  it('stopping publication leaves the record active but unpublished', async () => {
    const { recordId, caseId } = await fileAndAccept();
    await service().act(world.actors.reviewer, caseId, decideObjectionUpdate, { outcome: 'STOP_PUBLICATION', reasons: '已超过公示期' });
    const record = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect(record).toMatchObject({ status: 'ACTIVE', publicationStatus: 'STOPPED' });
  });

  it('an objection that is not accepted closes without touching the record', async () => {
    const recordId = await world.createRecord();
    const filed = await service().file(world.actors.applicant, { recordId, grounds: 'PUBLISHED_PAST_PERIOD', statement: '公示期已满', evidence: [] });
    const declined = await service().act(world.actors.reviewer, filed.case.id, declineObjectionUpdate, { reason: '材料不全且逾期' });
    expect(declined.status).toBe('NOT_ACCEPTED');
    expect(declined.closedAt).not.toBeNull();
    const record = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect(record.objectionCaseId).toBeNull();
  });

  it('the applicant can withdraw during verification, which clears the mark', async () => {
    const { recordId, caseId } = await fileAndAccept();
    const withdrawn = await service().act(world.actors.applicant, caseId, withdrawObjectionUpdate, { reason: '已与认定单位沟通' });
    expect(withdrawn.status).toBe('WITHDRAWN');
    const record = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect(record.objectionCaseId).toBeNull();
    await expect(service().act(world.actors.reviewer, caseId, decideObjectionUpdate, { outcome: 'DELETE', reasons: 'x' })).rejects.toMatchObject({ code: 'invalid-state' });
  });

  it('a second objection on a record with an open one is a conflict', async () => {
    const { recordId } = await fileAndAccept();
    await expect(
      service().file(world.actors.applicant, { recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '重复', evidence: [] }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('filing twice with the same idempotency key creates one case', async () => {
    const recordId = await world.createRecord();
    const input = { recordId, grounds: 'INACCURATE_OR_INCOMPLETE' as const, statement: '重试', evidence: [] };
    const [first, second] = await Promise.all([
      service().file(world.actors.applicant, input, 'retry-key-0001'),
      service().file(world.actors.applicant, input, 'retry-key-0001'),
    ]);
    expect(first.case.id).toBe(second.case.id);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    expect(await env.prisma.objection.count({ where: { recordId } })).toBe(1);
  });

  it('an objection decision is a message to the applicant in the outbox, written with the decision', async () => {
    const { caseId } = await fileAndAccept();
    await service().act(world.actors.reviewer2, caseId, decideObjectionUpdate, { outcome: 'REJECT', reasons: '记录准确' });
    const messages = await env.prisma.outboxMessage.findMany({ where: { recipientId: world.actors.applicant.id, topic: 'objection.decided' } });
    const message = messages.find((m) => (m.payload as { caseId?: string }).caseId === caseId);
    expect(message?.payload).toMatchObject({ caseId, outcome: 'REJECT', reasons: '记录准确', status: 'DECIDED' });
    const decided = await env.prisma.caseEvent.findFirstOrThrow({ where: { caseId, type: 'DECIDED' } });
    expect(message?.id).toBe(`msg-${decided.eventKey}`);
  });
});
