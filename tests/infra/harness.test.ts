import { describe, expect, inject, it } from 'vitest';
import { SEED } from '../../prisma/seed/reference-seed.js';
import { getTestEnv, startTestWorker, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();

describe('test harness', () => {
  it('reaches the reset test database, where the reference data is seeded', async () => {
    expect(new URL(env.databaseUrl).pathname).not.toBe('/credit_engine');
    const users = await env.prisma.user.findMany({ where: { id: { in: Object.values(SEED.users) } } });
    expect(users.map((u) => u.id).sort()).toEqual(Object.values(SEED.users).sort());
    const [{ count }] = await env.prisma.$queryRaw<[{ count: bigint }]>`SELECT count(*) AS count FROM "User" WHERE role = 'REVIEWER'`;
    expect(Number(count)).toBeGreaterThanOrEqual(3);
    const policy = await env.prisma.policy.findUnique({ where: { id: SEED.policies.objectionDefault } });
    expect(policy).toMatchObject({ processType: 'OBJECTION', version: 1, active: true });
    expect(await env.prisma.calendarDay.count()).toBeGreaterThan(0);
  });

  it('reaches the Temporal dev server, whose default namespace has the product search attributes', async () => {
    expect(env.temporalAddress).toBe(inject('temporalAddress'));
    const { namespaceInfo } = await env.temporalClient.workflowService.describeNamespace({ namespace: 'default' });
    expect(namespaceInfo?.name).toBe('default');
    const { customAttributes } = await env.temporalClient.connection.operatorService.listSearchAttributes({ namespace: 'default' });
    expect(Object.keys(customAttributes ?? {})).toEqual(
      expect.arrayContaining(['CaseType', 'CaseStatus', 'SubjectId', 'RecordId', 'AssigneeRole', 'CaseDueAt', 'Escalated']),
    );
    const listed = [];
    for await (const execution of env.temporalClient.workflow.list({ query: `WorkflowId = '${uniqueId('none')}'` })) listed.push(execution);
    expect(listed).toEqual([]);
  });

  it('starts and stops a worker on the bundled workflow code', async () => {
    const { worker, stop } = await startTestWorker({ taskQueue: uniqueId('harness'), activities: {} });
    expect(worker.getState()).toBe('RUNNING');
    await stop();
    expect(worker.getState()).toBe('STOPPED');
  });
});
