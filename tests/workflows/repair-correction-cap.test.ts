import { describe, expect, it } from 'vitest';
import { repairStateQuery, requestCorrectionUpdate, submitMaterialsUpdate } from '../../workflows/repair/repair-contract.js';
import { clockPassed, eventually } from '../support/eventually.js';
import { TEST_TIME_SCALE, workersByTimeScale } from '../support/real-worker.js';
import { createRepairWorld, FULL_MATERIALS, repairableRecord, repairServiceFor, type RepairWorld } from '../support/repair-fixtures.js';
import { getTestEnv } from '../support/test-env.js';

const env = await getTestEnv();
/** One working day = 1 s: an overall cap of 2 WD passes during a test. */
const queueFor = workersByTimeScale('repair-correction-cap');
const eventTypes = async (caseId: string) =>
  (await env.prisma.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' }, select: { type: true } })).map((e) => e.type);

/** Files without the authorization letter and asks for it at once (补正); returns the case and its first overall due time. */
async function fileAndAskForMissing(world: RepairWorld) {
  const queue = await queueFor({ ...TEST_TIME_SCALE, secondsPerWorkingDay: 1 });
  const repairs = repairServiceFor(env.prisma, env.temporalClient, queue, world);
  const record = await repairableRecord(env.prisma, env.temporalClient, queue, world);
  const materials = FULL_MATERIALS.filter((m) => m.kind !== 'IDENTITY_AUTHORIZATION');
  const filed = await repairs.file(world.actors.applicant, { recordId: record.id, materials });
  const id = filed.application.id;
  await repairs.act(world.actors.reviewer, id, requestCorrectionUpdate, { missing: ['IDENTITY_AUTHORIZATION'], reason: '缺授权委托书' });
  const handle = env.temporalClient.workflow.getHandle(`repair-${id}`);
  const first = await eventually(async () => (await handle.query(repairStateQuery)).overallDueAt ?? undefined);
  const submit = () => repairs.act(world.actors.applicant, id, submitMaterialsUpdate, { materials: [{ kind: 'IDENTITY_AUTHORIZATION', title: '授权委托书' }] });
  return { id, handle, first, submit };
}

const CAP = { overallWorkingDays: 2, acceptWorkingDays: 30, correctionWorkingDays: 30, reminderWorkingDaysBefore: 0 };

describe('补正 time and the overall cap of a repair (policy correctionPausesOverallCap)', () => {
  it('by default the working days with the applicant do not count: the cap does not pass during 补正 and moves by them afterwards', async () => {
    const world = await createRepairWorld(env.prisma, CAP);
    const { id, handle, first, submit } = await fileAndAskForMissing(world);
    await clockPassed(first, 1_500);
    expect(await eventTypes(id)).not.toContain('OVERALL_DEADLINE_PASSED');
    expect((await handle.query(repairStateQuery)).overallOverdue ?? false).toBe(false);

    await submit();
    const moved = await eventually(async () => {
      const state = await handle.query(repairStateQuery);
      return state.overallDueAt && state.overallDueAt !== first ? state.overallDueAt : undefined;
    });
    // At least one paused working day (1 s each) was added.
    expect(Date.parse(moved) - Date.parse(first)).toBeGreaterThanOrEqual(1_000);
  });

  it('when the policy counts them, the cap passes while the applicant completes the materials and stays where it was', async () => {
    const world = await createRepairWorld(env.prisma, { ...CAP, correctionPausesOverallCap: false });
    const { id, handle, first, submit } = await fileAndAskForMissing(world);
    await eventually(async () => ((await eventTypes(id)).includes('OVERALL_DEADLINE_PASSED') ? true : undefined), 15_000);
    expect((await handle.query(repairStateQuery)).status).toBe('NEEDS_CORRECTION');
    await submit();
    const state = await eventually(async () => {
      const s = await handle.query(repairStateQuery);
      return s.status === 'FILED' ? s : undefined;
    });
    expect(state.overallDueAt).toBe(first);
    expect(state.overallOverdue).toBe(true);
  });
});
