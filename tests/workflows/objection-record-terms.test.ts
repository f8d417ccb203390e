import { describe, expect, it } from 'vitest';
import { endOfLocalDay, localDateOf, startOfLocalDay } from '../../domain/calendar/local-date.js';
import type { EligibilityBlocker } from '../../domain/eligibility/eligibility.js';
import type { Actor } from '../../domain/roles.js';
import { acceptObjectionUpdate, decideObjectionUpdate } from '../../workflows/objection/objection-contract.js';
import { decideLeniencyUpdate, proposeLeniencyUpdate, recordLifecycleQuery } from '../../workflows/record/record-contract.js';
import { eventually } from '../support/eventually.js';
import { objectionServiceFor } from '../support/objection-fixtures.js';
import { createRecordWorld, recordServiceFor, registration, type RecordWorld } from '../support/record-fixtures.js';
import { TEST_TIME_SCALE, workersByTimeScale } from '../support/real-worker.js';
import { saveHistoryIfAsked } from '../support/save-history.js';
import { getTestEnv } from '../support/test-env.js';

const env = await getTestEnv();
/** Workers on the real calendar (calendar months, working days from the calendar tables): dates are the law's. */
const queueFor = workersByTimeScale('objection-record-terms');
const ZONE = 'Asia/Shanghai';
const endOf = (day: string) => endOfLocalDay(day, ZONE).toISOString();

async function services(world: RecordWorld) {
  const queue = await queueFor({});
  return {
    records: recordServiceFor(env.prisma, env.temporalClient, queue, world),
    objections: objectionServiceFor(env.prisma, env.temporalClient, queue, world),
  };
}

async function blockers(subjectId: string): Promise<EligibilityBlocker[]> {
  const row = await env.prisma.subjectEligibility.findUnique({ where: { subjectId } });
  return (row?.blockers as EligibilityBlocker[] | undefined) ?? [];
}

/** Waits until the subject's blocker for the record satisfies `test`. */
function blockerOf(subjectId: string, recordId: string, test: (b: EligibilityBlocker | undefined) => boolean) {
  return eventually(async () => {
    const found = (await blockers(subjectId)).find((b) => b.recordId === recordId);
    return test(found) ? (found ?? null) : undefined;
  });
}

/** The civil servant's own applicant account (the world's applicant speaks for the body). */
async function servantApplicant(world: RecordWorld): Promise<Actor> {
  const actor: Actor = { id: `applicant-${world.civilServantId}`, role: 'APPLICANT', subjectId: world.civilServantId, authorityId: null };
  await env.prisma.user.create({ data: { id: actor.id, name: actor.id, role: 'APPLICANT', subjectId: world.civilServantId } });
  return actor;
}

async function fileAndAccept(world: RecordWorld, recordId: string, applicant: Actor = world.actors.applicant) {
  const { objections } = await services(world);
  const filed = await objections.file(applicant, { recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '处分种类与决定日期有误', evidence: [] });
  await objections.act(world.actors.reviewer, filed.case.id, acceptObjectionUpdate, {});
  return filed.case.id;
}

describe('an objection that corrects the record (更正 of severity, decision date, sanction kind) or removes it from its list (real Temporal and PostgreSQL)', () => {
  it("correcting a civil servant's sanction kind, decision date and severity recomputes the publication window and the restriction", async () => {
    const world = await createRecordWorld(env.prisma);
    const { records, objections } = await services(world);
    const record = await records.register(
      world.actors.reviewer,
      registration(world, { subjectId: world.civilServantId, source: 'DISCIPLINARY_ACTION', sanctionKind: 'MAJOR_DEMERIT', policyArea: 'OTHER' }),
    );
    // Major demerit from 2026-03-02: 18 months.
    await blockerOf(world.civilServantId, record.id, (b) => b?.until === endOf('2027-09-02'));

    const caseId = await fileAndAccept(world, record.id, await servantApplicant(world));
    await objections.act(world.actors.reviewer2, caseId, decideObjectionUpdate, {
      outcome: 'CORRECT',
      reasons: '处分决定为警告，决定日期2026年8月31日，情节严重',
      corrections: { sanctionKind: 'WARNING', decisionDate: '2026-08-31', severity: 'SERIOUS' },
    });

    // Warning from 2026-08-31: 6 calendar months end on the last day of February (民法典 art. 202).
    const blocker = await blockerOf(world.civilServantId, record.id, (b) => b?.until === endOf('2027-02-28'));
    expect(blocker?.since).toBe(startOfLocalDay('2026-08-31', ZONE).toISOString());
    expect(blocker?.reason).toContain('SERIOUS');
    const stored = await eventually(async () => {
      const row = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id }, include: { versions: { orderBy: { version: 'asc' } } } });
      return row.publishedUntil?.toISOString().startsWith('2029-08-31') ? row : undefined;
    });
    expect(stored).toMatchObject({ severity: 'SERIOUS', sanctionKind: 'WARNING', version: 2, status: 'ACTIVE', publicationStatus: 'PUBLISHED' });
    expect(stored.decisionDate.toISOString().slice(0, 10)).toBe('2026-08-31');
    expect(stored.publishedFrom.toISOString().slice(0, 10)).toBe('2026-08-31');
    expect(stored.minPublishedUntil?.toISOString().slice(0, 10)).toBe('2027-08-31');
    expect(stored.versions.at(-1)).toMatchObject({
      change: 'CORRECT',
      caseId,
      corrections: {
        severity: { from: 'GENERAL', to: 'SERIOUS' },
        decisionDate: { from: '2026-03-02', to: '2026-08-31' },
        sanctionKind: { from: 'MAJOR_DEMERIT', to: 'WARNING' },
      },
    });
    const lifecycle = await env.temporalClient.workflow.getHandle(`record-${record.id}`).query(recordLifecycleQuery);
    expect(lifecycle).toMatchObject({ phase: 'ACTIVE', terms: { severity: 'SERIOUS', decisionDate: '2026-08-31', sanctionKind: 'WARNING' }, sanctionEndsAt: endOf('2027-02-28') });
    const corrected = await env.prisma.caseEvent.findFirstOrThrow({ where: { caseId: record.id, type: 'RECORD_CORRECTED' } });
    expect(corrected.data).toMatchObject({ caseId, before: { severity: 'GENERAL', sanctionKind: 'MAJOR_DEMERIT' } });
  });

  it('a correction whose new window has already ended stops publication and returns eligibility', async () => {
    const world = await createRecordWorld(env.prisma);
    const { records, objections } = await services(world);
    const record = await records.register(world.actors.reviewer, registration(world));
    await blockerOf(world.subjectId, record.id, (b) => b !== undefined);

    const caseId = await fileAndAccept(world, record.id);
    // Minor (轻微, at most 3 months) from 2026-05-31: publication ended on 2026-08-31.
    await objections.act(world.actors.reviewer2, caseId, decideObjectionUpdate, {
      outcome: 'CORRECT',
      reasons: '情节轻微',
      corrections: { severity: 'MINOR', decisionDate: '2026-05-31' },
    });
    await blockerOf(world.subjectId, record.id, (b) => b === undefined);
    const stored = await eventually(async () => {
      const row = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id } });
      return row.publicationStatus === 'STOPPED' ? row : undefined;
    });
    expect(stored).toMatchObject({ severity: 'MINOR', status: 'ACTIVE', sanctionsActive: false });
    expect(stored.publishedUntil?.toISOString().slice(0, 10)).toBe('2026-08-31');
    const types = (await env.prisma.caseEvent.findMany({ where: { caseId: record.id, caseType: 'RECORD' }, orderBy: { id: 'asc' } })).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['RECORD_CORRECTED', 'EFFECTS_ENDED_EXPIRED']);
    await env.temporalClient.workflow.getHandle(`record-${record.id}`).result();
    await saveHistoryIfAsked(env.temporalClient, `record-${record.id}`, 'record-corrected-then-expired');
  });

  it('a record published on until its rectification is published again for the rest of a longer corrected window', async () => {
    // 1 s a month: a general record's 12 months pass in 12 s; a serious one's 36 months run 36 s from registration, so
    // the correction (after the 12 s) has 24 s to land inside the longer window, even on a loaded machine.
    const queue = await queueFor({ ...TEST_TIME_SCALE, secondsPerMonth: 1 });
    const world = await createRecordWorld(env.prisma);
    const records = recordServiceFor(env.prisma, env.temporalClient, queue, world);
    const objections = objectionServiceFor(env.prisma, env.temporalClient, queue, world);
    const record = await records.register(world.actors.reviewer, registration(world, { rectificationRequired: true }));
    const handle = env.temporalClient.workflow.getHandle(`record-${record.id}`);
    await eventually(async () => ((await handle.query(recordLifecycleQuery)).phase === 'AWAITING_RECTIFICATION' ? true : undefined), 40_000);

    const filed = await objections.file(world.actors.applicant, { recordId: record.id, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '情节认定有误', evidence: [] });
    await objections.act(world.actors.reviewer, filed.case.id, acceptObjectionUpdate, {});
    await objections.act(world.actors.reviewer2, filed.case.id, decideObjectionUpdate, { outcome: 'CORRECT', reasons: '情节严重', corrections: { severity: 'SERIOUS' } });
    const corrected = await eventually(async () => (await env.prisma.caseEvent.findFirst({ where: { caseId: record.id, type: 'RECORD_CORRECTED' } })) ?? undefined);
    expect(corrected.data).toMatchObject({ publishedAgain: true, after: { severity: 'SERIOUS' } });
    expect(Date.parse((corrected.data as { publicationEndsAt: string }).publicationEndsAt)).toBeGreaterThan(corrected.occurredAt.getTime());
    // Published again until the longer window ends, then again until the rectification is accepted.
    await eventually(async () => {
      const types = (await env.prisma.caseEvent.findMany({ where: { caseId: record.id, caseType: 'RECORD' }, orderBy: { id: 'asc' } })).map((e) => e.type);
      return types.filter((t) => t === 'PUBLICATION_CONTINUES_UNTIL_RECTIFIED').length === 2 ? types : undefined;
    }, 60_000);
    expect((await handle.query(recordLifecycleQuery)).phase).toBe('AWAITING_RECTIFICATION');
  }, 120_000);

  it('a correction of facts only leaves the publication window and the sanctions as they were', async () => {
    const world = await createRecordWorld(env.prisma);
    const { records, objections } = await services(world);
    const record = await records.register(world.actors.reviewer, registration(world));
    const before = await blockerOf(world.subjectId, record.id, (b) => b !== undefined);
    const caseId = await fileAndAccept(world, record.id);
    await objections.act(world.actors.reviewer2, caseId, decideObjectionUpdate, { outcome: 'CORRECT', reasons: '金额有误', changes: { amountOwedYuan: 10 } });
    const stored = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id } });
    expect(stored.publishedUntil?.toISOString().slice(0, 10)).toBe('2027-03-02');
    expect(await env.prisma.caseEvent.count({ where: { caseId: record.id, type: 'RECORD_CORRECTED' } })).toBe(0);
    expect((await blockers(world.subjectId)).find((b) => b.recordId === record.id)).toEqual(before);
  });

  it('corrections are refused where they do not apply: a body has no sanction kind, corrections come with CORRECT only, no future decision date', async () => {
    const world = await createRecordWorld(env.prisma);
    const { records, objections } = await services(world);
    const record = await records.register(world.actors.reviewer, registration(world));
    const caseId = await fileAndAccept(world, record.id);
    const decide = (command: Record<string, unknown>) =>
      objections.act(world.actors.reviewer2, caseId, decideObjectionUpdate, { outcome: 'CORRECT', reasons: '更正', ...command } as never);
    await expect(decide({ corrections: { sanctionKind: 'WARNING' } })).rejects.toMatchObject({ code: 'validation' });
    await expect(decide({ outcome: 'REJECT', corrections: { severity: 'MINOR' } })).rejects.toMatchObject({ code: 'validation' });
    await expect(decide({ corrections: { decisionDate: '2099-01-01' } })).rejects.toMatchObject({ code: 'validation' });
    await expect(decide({ corrections: { decisionDate: '2026-02-30' } })).rejects.toMatchObject({ code: 'validation' });
    await expect(decide({ outcome: 'REMOVE_FROM_LIST' })).rejects.toMatchObject({ code: 'invalid-state' });
  });

  it("a corrected decision date of tomorrow in the office's calendar is refused, whatever the hour in UTC", async () => {
    const world = await createRecordWorld(env.prisma);
    const { records, objections } = await services(world);
    const record = await records.register(world.actors.reviewer, registration(world));
    const caseId = await fileAndAccept(world, record.id);
    const tomorrow = localDateOf(new Date(Date.now() + 86_400_000), ZONE);
    await expect(
      objections.act(world.actors.reviewer2, caseId, decideObjectionUpdate, { outcome: 'CORRECT', reasons: '更正', corrections: { decisionDate: tomorrow } } as never),
    ).rejects.toMatchObject({ code: 'validation' });
    const today = localDateOf(new Date(), ZONE);
    const decided = await objections.act(world.actors.reviewer2, caseId, decideObjectionUpdate, { outcome: 'CORRECT', reasons: '更正', corrections: { decisionDate: today } } as never);
    expect(decided.status).toBe('DECIDED');
  });

  it('removing a list entry from its list (移出名单) ends publication, the suspension and the rectification order; the record stays', async () => {
    const world = await createRecordWorld(env.prisma);
    const { records, objections } = await services(world);
    const record = await records.register(world.actors.reviewer, registration(world, { listEntry: true, rectificationRequired: true }));
    await blockerOf(world.subjectId, record.id, (b) => b !== undefined);
    await eventually(async () => (await env.prisma.rectification.findUnique({ where: { recordId: record.id } })) ?? undefined);
    const filed = await objections.file(world.actors.applicant, { recordId: record.id, grounds: 'LISTED_WITHOUT_CONDITIONS', statement: '已履行完毕，应当移出名单', evidence: [] });
    await objections.act(world.actors.reviewer, filed.case.id, acceptObjectionUpdate, {});
    await objections.act(world.actors.reviewer2, filed.case.id, decideObjectionUpdate, { outcome: 'REMOVE_FROM_LIST', reasons: '已履行，移出名单' });

    await blockerOf(world.subjectId, record.id, (b) => b === undefined);
    const stored = await eventually(async () => {
      const row = await env.prisma.dishonestyRecord.findUniqueOrThrow({ where: { id: record.id }, include: { versions: true } });
      return row.sanctionsActive === false ? row : undefined;
    });
    expect(stored).toMatchObject({ status: 'REMOVED', publicationStatus: 'STOPPED', listEntry: true, objectionCaseId: null });
    expect(stored.removedFromListAt).not.toBeNull();
    expect(stored.versions).toHaveLength(1);
    const rectification = await eventually(async () => {
      const row = await env.prisma.rectification.findUnique({ where: { recordId: record.id } });
      return row?.status === 'CANCELLED' ? row : undefined;
    });
    expect(rectification.closedAt).not.toBeNull();
    const ended = await env.prisma.caseEvent.findFirst({ where: { caseId: record.id, type: 'EFFECTS_ENDED_REMOVED_FROM_LIST' } });
    expect(ended?.reason).toBe(`objection ${filed.case.id}`);
    await env.temporalClient.workflow.getHandle(`record-${record.id}`).result();
    await saveHistoryIfAsked(env.temporalClient, `record-${record.id}`, 'record-removed-from-list');
  });
});

describe('what 从轻 (LIGHTER leniency) means for bodies and civil servants (policy lighterLeniency)', () => {
  async function grantLighter(world: RecordWorld, recordId: string) {
    const { records } = await services(world);
    await records.act(world.actors.reviewer, recordId, proposeLeniencyUpdate, { kind: 'LIGHTER', acts: ['RECOVERED_LOSSES'], reasons: '主动挽回损失' });
    return records.act(world.actors.supervisor, recordId, decideLeniencyUpdate, { approve: true, reasons: '同意从轻' });
  }

  it("by default a body's honor eligibility stays suspended for the minimum publication period instead of being restored", async () => {
    const world = await createRecordWorld(env.prisma);
    const { records } = await services(world);
    const record = await records.register(world.actors.reviewer, registration(world));
    await blockerOf(world.subjectId, record.id, (b) => b?.until === endOf('2027-03-02'));
    const approved = await grantLighter(world, record.id);
    expect(approved).toMatchObject({ leniency: 'LIGHTER', sanctionsActive: true, publishedUntil: '2026-06-02' });
    // General record: minimum 3 months from 2026-03-02; that day has passed, so the block has ended by itself.
    await blockerOf(world.subjectId, record.id, (b) => b === undefined || b.until === endOf('2026-06-02'));
  });

  it("by default a civil servant's restriction is that of the next lighter sanction: a major demerit restricts for a demerit's 12 months", async () => {
    const world = await createRecordWorld(env.prisma);
    const { records } = await services(world);
    const record = await records.register(
      world.actors.reviewer,
      registration(world, { subjectId: world.civilServantId, source: 'DISCIPLINARY_ACTION', sanctionKind: 'MAJOR_DEMERIT', policyArea: 'OTHER' }),
    );
    await blockerOf(world.civilServantId, record.id, (b) => b?.until === endOf('2027-09-02'));
    const approved = await grantLighter(world, record.id);
    expect(approved).toMatchObject({ leniency: 'LIGHTER', sanctionsActive: true });
    await blockerOf(world.civilServantId, record.id, (b) => b?.until === endOf('2027-03-02'));
    await saveHistoryIfAsked(env.temporalClient, `record-${record.id}`, 'record-lighter-next-lighter-sanction-running');
  });

  it('a warning is the lightest sanction: under LIGHTER it keeps its 6 months', async () => {
    const world = await createRecordWorld(env.prisma);
    const { records } = await services(world);
    const record = await records.register(
      world.actors.reviewer,
      registration(world, { subjectId: world.civilServantId, source: 'DISCIPLINARY_ACTION', sanctionKind: 'WARNING', policyArea: 'OTHER', decisionDate: '2026-08-31' }),
    );
    await blockerOf(world.civilServantId, record.id, (b) => b?.until === endOf('2027-02-28'));
    await grantLighter(world, record.id);
    const lifecycle = await eventually(async () => {
      const state = await env.temporalClient.workflow.getHandle(`record-${record.id}`).query(recordLifecycleQuery);
      return state.leniency === 'LIGHTER' ? state : undefined;
    });
    expect(lifecycle.sanctionEndsAt).toBe(endOf('2027-02-28'));
    expect((await blockers(world.civilServantId)).find((b) => b.recordId === record.id)?.until).toBe(endOf('2027-02-28'));
  });

  it('NO_SUSPENSION restores a civil servant at once (the rule before the setting)', async () => {
    const world = await createRecordWorld(env.prisma, { publication: { lighterLeniency: { bodies: 'MINIMUM_PUBLICATION', civilServants: 'NO_SUSPENSION' } } });
    const { records } = await services(world);
    const record = await records.register(
      world.actors.reviewer,
      registration(world, { subjectId: world.civilServantId, source: 'DISCIPLINARY_ACTION', sanctionKind: 'DEMERIT', policyArea: 'OTHER' }),
    );
    await blockerOf(world.civilServantId, record.id, (b) => b !== undefined);
    const approved = await grantLighter(world, record.id);
    expect(approved).toMatchObject({ leniency: 'LIGHTER', sanctionsActive: false });
    await blockerOf(world.civilServantId, record.id, (b) => b === undefined);
  });
});
