import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Commitment, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { DEFAULT_TIME_ZONE, localDateOf } from '../../domain/calendar/local-date.js';
import { commitmentPolicySchema, type CommitmentPolicy } from '../../domain/commitment/commitment-policy.js';
import { commitmentDueDates, CommitmentEventType, MAX_COMMITMENT_CHECKS, type CommitmentKind, type CommitmentPolicyArea } from '../../domain/commitment/commitment-types.js';
import type { PolicySnapshot } from '../../domain/policies/policy-snapshot.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { appendAuditEvent } from '../../lib/audit/append-audit-event.js';
import { calendarChangeScope } from '../../lib/calendar/calendar-change-scope.js';
import { loadPolicy } from '../../lib/policies/load-policy.js';
import {
  CLOSED_COMMITMENT_STATUSES,
  COMMITMENT_CASE_TYPE,
  COMMITMENT_WORKFLOW_TYPE,
  CommitmentStatus,
  commitmentWorkflowId,
  type CommitmentWorkflowInput,
} from '../../workflows/commitment/commitment-contract.js';
import { visibleTo } from '../access/visibility.js';
import { countableFor, listPage } from '../cases/case-list.js';
import { createCaseService } from '../cases/case-service.js';
import { fileCase } from '../cases/file-case.js';
import type { CaseWorkflowStart } from '../cases/start-case-workflow.js';
import type { ListCommitmentsQuery, RegisterCommitmentInput } from './commitment-schemas.js';
import { commitmentView } from './commitment-views.js';

export interface CommitmentServiceDeps {
  /** How long a filing's answer waits for its workflow to open the first step (CASE_SET_UP_WAIT_MS; 0: not at all). */
  caseSetUpWaitMs?: number | undefined;
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  /** Pins the commitment policy; by default the newest active COMMITMENT policy applies. */
  commitmentPolicyId?: string | undefined;
  /** Zone whose calendar day is "today" (CALENDAR_TIME_ZONE; default Asia/Shanghai). */
  timeZone?: string | undefined;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const dbDate = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);
const invalid = (path: string, message: string) => new AppError(ErrorCode.VALIDATION, `${path}: ${message}`, { errors: [{ path, message }] });

export function createCommitmentService({ prisma, temporal, taskQueue, commitmentPolicyId, timeZone = DEFAULT_TIME_ZONE, caseSetUpWaitMs }: CommitmentServiceDeps) {
  function workflowStart(input: CommitmentWorkflowInput): CaseWorkflowStart<CommitmentWorkflowInput> {
    const { commitmentId, subjectId } = input;
    return { workflowType: COMMITMENT_WORKFLOW_TYPE, workflowId: commitmentWorkflowId(commitmentId), taskQueue, input, caseType: COMMITMENT_CASE_TYPE, subjectId, recordId: null };
  }

  function inputOf(row: Commitment): CommitmentWorkflowInput {
    return {
      commitmentId: row.id,
      subjectId: row.subjectId,
      authorityId: row.authorityId,
      kind: row.kind as CommitmentKind,
      policyArea: row.policyArea,
      dueDates: row.dueDates as string[],
      registeredAt: row.registeredAt.toISOString(),
      registeredById: row.registeredById,
      policy: row.policy as unknown as PolicySnapshot<CommitmentPolicy>,
    };
  }

  const cases = createCaseService(
    { prisma, temporal },
    {
      caseType: COMMITMENT_CASE_TYPE,
      noun: 'Commitment',
      finalStatuses: CLOSED_COMMITMENT_STATUSES,
      initialStatus: CommitmentStatus.REGISTERED,
      findVisible: (actor, id) => prisma.commitment.findFirst({ where: { id, ...visibleTo(actor) } }),
      findRow: (id) => prisma.commitment.findUniqueOrThrow({ where: { id } }),
      view: (row) => commitmentView(row),
      evidenceFields: ['evidence'],
      workflowStartOf: async (row) => workflowStart(inputOf(row)),
      async openWorkflowIds(year) {
        const rows = await prisma.commitment.findMany({ where: { AND: [calendarChangeScope(year), { status: CommitmentStatus.CHECK_DUE }] }, select: { workflowId: true } });
        return rows.map((row) => row.workflowId);
      },
    },
  );

  async function commit(actor: Actor, input: RegisterCommitmentInput, scopedKey: string | null) {
    if (!actor.subjectId) throw new AppError(ErrorCode.FORBIDDEN, 'Only an applicant acting for a body may register its commitments');
    const authority = await prisma.authority.findUnique({ where: { id: input.authorityId }, select: { id: true } });
    if (!authority) throw invalid('authorityId', 'no such authority');
    const now = new Date();
    if (input.dueDate < localDateOf(now, timeZone)) throw invalid('dueDate', 'must not be in the past');
    if (input.recurrence && input.recurrence.endsOn < input.dueDate) throw invalid('recurrence.endsOn', 'must not be before dueDate');
    const dueDates = commitmentDueDates(input.dueDate, input.recurrence);
    if (!dueDates) throw invalid('recurrence', `at most ${MAX_COMMITMENT_CHECKS} checks`);
    const rules = await loadPolicy(prisma, 'COMMITMENT', commitmentPolicySchema, commitmentPolicyId);
    const id = `CMT-${day(now).replaceAll('-', '')}-${randomBytes(5).toString('hex').toUpperCase()}`;
    const workflowId = commitmentWorkflowId(id);
    const row = await prisma.$transaction(async (tx) => {
      const created = await tx.commitment.create({
        data: {
          id,
          workflowId,
          subjectId: actor.subjectId!,
          authorityId: input.authorityId,
          registeredById: actor.id,
          kind: input.kind,
          policyArea: input.policyArea,
          promise: input.promise,
          publicConcerned: input.publicConcerned,
          dueDate: dbDate(input.dueDate),
          everyMonths: input.recurrence?.everyMonths ?? null,
          endsOn: input.recurrence ? dbDate(input.recurrence.endsOn) : null,
          dueDates,
          status: CommitmentStatus.REGISTERED,
          policyId: rules.id,
          policyVersion: rules.version,
          policy: rules as unknown as Prisma.InputJsonValue,
          idempotencyKey: scopedKey,
          registeredAt: now,
        },
      });
      await appendAuditEvent(tx, {
        eventKey: `${workflowId}/registered`,
        caseId: id,
        caseType: COMMITMENT_CASE_TYPE,
        type: CommitmentEventType.REGISTERED,
        actorId: actor.id,
        actorRole: actor.role,
        reason: null,
        data: { ...input, dueDates, policy: { id: rules.id, version: rules.version } },
        occurredAt: now,
      });
      return created;
    });
    return { id, start: workflowStart(inputOf(row)) };
  }

  return {
    get: cases.get,
    act: cases.act,
    recomputeDeadlines: cases.recomputeDeadlines,

    async register(actor: Actor, input: RegisterCommitmentInput, idempotencyKey?: string) {
      const scopedKey = idempotencyKey ? `${actor.id}:${idempotencyKey}` : null;
      const { created, id } = await fileCase(temporal, {
        async replay() {
          const existing = scopedKey ? await prisma.commitment.findUnique({ where: { idempotencyKey: scopedKey } }) : null;
          if (existing) await cases.ensureWorkflow(existing);
          return existing;
        },
        commit: () => commit(actor, input, scopedKey),
        conflict: () => new AppError(ErrorCode.CONFLICT, 'This commitment was registered already'),
      }, caseSetUpWaitMs);
      return { created, commitment: await cases.detail(id) };
    },

    async list(actor: Actor, query: ListCommitmentsQuery) {
      const where: Prisma.CommitmentWhereInput = {
        AND: [
          visibleTo(actor),
          query.status ? { status: query.status } : {},
          query.subjectId ? { subjectId: query.subjectId } : {},
          query.kind ? { kind: query.kind } : {},
          query.policyArea ? { policyArea: query.policyArea } : {},
        ],
      };
      return listPage(
        {
          sortKey: 'registeredAt',
          countable: countableFor(actor, query),
          find: ({ where: page, ...args }) => prisma.commitment.findMany({ where: { AND: [where, page] }, ...args }),
          count: () => prisma.commitment.count({ where }),
        },
        query,
        (row) => commitmentView(row),
      );
    },

    /**
     * A body's record of kept promises, for evaluations: its checks by outcome and its commitments by standing, in the
     * caller's scope (an applicant their own body's, staff their authority's), optionally in one policy area.
     */
    async summary(actor: Actor, subjectId: string, policyArea?: CommitmentPolicyArea) {
      if (actor.role === 'APPLICANT' && actor.subjectId !== subjectId) throw AppError.notFound('Subject', subjectId);
      const subject = await prisma.subject.findUnique({ where: { id: subjectId }, select: { id: true } });
      if (!subject) throw AppError.notFound('Subject', subjectId);
      const scope = { ...visibleTo(actor), subjectId, ...(policyArea ? { policyArea } : {}) };
      const [checks, commitments] = await Promise.all([
        prisma.commitmentCheck.groupBy({ by: ['outcome'], where: scope, _count: { _all: true } }),
        prisma.commitment.groupBy({ by: ['status'], where: scope, _count: { _all: true } }),
      ]);
      const checkCount = (outcome: string) => checks.find((c) => c.outcome === outcome)?._count._all ?? 0;
      const statusCount = (status: string) => commitments.find((c) => c.status === status)?._count._all ?? 0;
      const closed = new Set<string>(CLOSED_COMMITMENT_STATUSES);
      return {
        subjectId,
        policyArea: policyArea ?? null,
        checks: { kept: checkCount('KEPT'), late: checkCount('LATE'), broken: checkCount('BROKEN') },
        commitments: {
          open: commitments.filter((c) => !closed.has(c.status)).reduce((sum, c) => sum + c._count._all, 0),
          kept: statusCount('KEPT'),
          late: statusCount('LATE'),
          broken: statusCount('BROKEN'),
        },
      };
    },
  };
}

export type CommitmentService = ReturnType<typeof createCommitmentService>;
