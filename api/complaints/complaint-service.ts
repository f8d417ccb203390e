import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { Complaint, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { complaintPolicySchema, type ComplaintPolicy } from '../../domain/complaint/complaint-policy.js';
import { DEFAULT_TIME_ZONE } from '../../domain/calendar/local-date.js';
import type { PolicySnapshot } from '../../domain/policies/policy-snapshot.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { appendAuditEvent } from '../../lib/audit/append-audit-event.js';
import { calendarChangeScope } from '../../lib/calendar/calendar-change-scope.js';
import { loadPolicy } from '../../lib/policies/load-policy.js';
import {
  CLOSED_COMPLAINT_STATUSES,
  COMPLAINT_CASE_TYPE,
  COMPLAINT_WORKFLOW_TYPE,
  ComplaintStatus,
  complaintWorkflowId,
  forwardComplaintUpdate,
  type ComplaintWorkflowInput,
} from '../../workflows/complaint/complaint-contract.js';
import { countableFor, listPage } from '../cases/case-list.js';
import { createCaseService } from '../cases/case-service.js';
import { fileCase } from '../cases/file-case.js';
import type { CaseWorkflowStart } from '../cases/start-case-workflow.js';
import { requireOwnEvidence } from '../evidence/evidence-refs.js';
import type { ListComplaintsQuery, RegisterComplaintInput } from './complaint-schemas.js';
import { complaintView, reporterProgressView } from './complaint-views.js';

export interface ComplaintServiceDeps {
  /** How long a filing's answer waits for its workflow to open the first step (CASE_SET_UP_WAIT_MS; 0: not at all). */
  caseSetUpWaitMs?: number | undefined;
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  complaintPolicyId?: string | undefined;
  timeZone?: string | undefined;
}

const NOTHING = '__none__';
const OPEN = { notIn: [...CLOSED_COMPLAINT_STATUSES] };
const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();
/** Compared against when the case number is unknown, so an unknown case costs the same as a wrong secret. */
const DUMMY_HASH = sha256('no such complaint').toString('hex');

/**
 * Who sees a complaint: the staff of the credit office that registered it and of the authority verifying it;
 * administrators all. Applicants (the reported body's people) do not see complaints about them.
 */
function visibleComplaints(actor: Actor): Prisma.ComplaintWhereInput {
  switch (actor.role) {
    case 'ADMIN':
      return {};
    case 'APPLICANT':
      return { id: NOTHING };
    case 'REVIEWER':
    case 'SUPERVISOR': {
      const authorityId = actor.authorityId ?? NOTHING;
      return { OR: [{ authorityId }, { intakeAuthorityId: authorityId }] };
    }
  }
}

/** The intake office's staff handle the reporter: only they see who it is. */
function handlesIntake(actor: Actor, row: Pick<Complaint, 'intakeAuthorityId'>): boolean {
  return (actor.role === 'REVIEWER' || actor.role === 'SUPERVISOR') && !!actor.authorityId && actor.authorityId === row.intakeAuthorityId;
}

export function createComplaintService({ prisma, temporal, taskQueue, complaintPolicyId, timeZone = DEFAULT_TIME_ZONE, caseSetUpWaitMs }: ComplaintServiceDeps) {
  const policy = () => loadPolicy(prisma, 'COMPLAINT', complaintPolicySchema, complaintPolicyId);

  function workflowStart(input: ComplaintWorkflowInput): CaseWorkflowStart<ComplaintWorkflowInput> {
    return {
      workflowType: COMPLAINT_WORKFLOW_TYPE,
      workflowId: complaintWorkflowId(input.complaintId),
      taskQueue,
      input,
      caseType: COMPLAINT_CASE_TYPE,
      subjectId: input.subjectId,
      recordId: null,
    };
  }

  const inputOf = (row: Complaint): ComplaintWorkflowInput => ({
    complaintId: row.id,
    subjectId: row.subjectId,
    intakeAuthorityId: row.intakeAuthorityId,
    policyArea: row.policyArea,
    filedAt: row.filedAt.toISOString(),
    registeredById: row.registeredById,
    policy: row.policy as unknown as PolicySnapshot<ComplaintPolicy>,
    timeZone,
  });

  const cases = createCaseService(
    { prisma, temporal },
    {
      caseType: COMPLAINT_CASE_TYPE,
      noun: 'Complaint',
      finalStatuses: CLOSED_COMPLAINT_STATUSES,
      initialStatus: ComplaintStatus.FILED,
      findVisible: (actor, id) => prisma.complaint.findFirst({ where: { AND: [{ id }, visibleComplaints(actor)] } }),
      findRow: (id) => prisma.complaint.findUniqueOrThrow({ where: { id } }),
      view: (row) => complaintView(row),
      evidenceFields: ['evidence'],
      workflowStartOf: async (row) => workflowStart(inputOf(row)),
      async openWorkflowIds(year) {
        const rows = await prisma.complaint.findMany({ where: { AND: [calendarChangeScope(year), { status: OPEN }] }, select: { workflowId: true } });
        return rows.map((row) => row.workflowId);
      },
    },
  );

  /** The case as `actor` may see it: the reporter's identity for the intake staff, redacted for everyone else. */
  async function withReporter<V extends { id: string; intakeAuthorityId: string; anonymous: boolean }>(actor: Actor, view: V) {
    if (view.anonymous) return { ...view, reporter: null };
    if (!handlesIntake(actor, view)) return { ...view, reporter: { redacted: true as const } };
    const reporter = await prisma.complaintReporter.findUnique({ where: { complaintId: view.id } });
    const { name, phone, email, organization, address } = reporter ?? { name: '', phone: null, email: null, organization: null, address: null };
    return { ...view, reporter: { name, phone, email, organization, address } };
  }

  async function commit(actor: Actor, input: RegisterComplaintInput, scopedKey: string | null) {
    if (!actor.authorityId) throw new AppError(ErrorCode.FORBIDDEN, 'Only staff of the credit office register complaints');
    await requireOwnEvidence(prisma, actor, input.evidence, 'evidence');
    const subject = await prisma.subject.findUnique({ where: { id: input.subjectId }, select: { id: true } });
    if (!subject) throw AppError.notFound('Subject', input.subjectId);
    const rules = await policy();
    const now = new Date();
    const id = `CMP-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(5).toString('hex').toUpperCase()}`;
    const workflowId = complaintWorkflowId(id);
    const secret = randomBytes(24).toString('base64url');
    await prisma.$transaction(async (tx) => {
      await tx.complaint.create({
        data: {
          id,
          workflowId,
          subjectId: input.subjectId,
          authorityId: actor.authorityId!,
          intakeAuthorityId: actor.authorityId!,
          registeredById: actor.id,
          anonymous: input.anonymous,
          policyArea: input.policyArea,
          category: input.category,
          summary: input.summary,
          evidence: input.evidence as Prisma.InputJsonValue,
          status: ComplaintStatus.FILED,
          lookupSecretHash: sha256(secret).toString('hex'),
          policyId: rules.id,
          policyVersion: rules.version,
          policy: rules as unknown as Prisma.InputJsonValue,
          idempotencyKey: scopedKey,
          filedAt: now,
        },
      });
      if (input.reporter) await tx.complaintReporter.create({ data: { complaintId: id, ...input.reporter } });
      // The audit trail never names the reporter.
      await appendAuditEvent(tx, {
        eventKey: `${workflowId}/filed`,
        caseId: id,
        caseType: COMPLAINT_CASE_TYPE,
        type: 'FILED',
        actorId: actor.id,
        actorRole: actor.role,
        data: { subjectId: input.subjectId, policyArea: input.policyArea, category: input.category, anonymous: input.anonymous, policy: { id: rules.id, version: rules.version } },
        occurredAt: now,
      });
    });
    const row = await prisma.complaint.findUniqueOrThrow({ where: { id } });
    return { id, secret, start: workflowStart(inputOf(row)) };
  }

  return {
    recomputeDeadlines: cases.recomputeDeadlines,

    /**
     * Registers a complaint as the credit office (the actor's authority); answers the case with the reporter's case
     * number and secret (shown this once: only its hash is stored).
     */
    async register(actor: Actor, input: RegisterComplaintInput, idempotencyKey?: string) {
      const scopedKey = idempotencyKey ? `${actor.id}:${idempotencyKey}` : null;
      let secret: string | null = null;
      const { created, id } = await fileCase(temporal, {
        async replay() {
          const existing = scopedKey ? await prisma.complaint.findUnique({ where: { idempotencyKey: scopedKey } }) : null;
          if (existing) await cases.ensureWorkflow(existing);
          return existing;
        },
        async commit() {
          const committed = await commit(actor, input, scopedKey);
          secret = committed.secret;
          return committed;
        },
        conflict: () => new AppError(ErrorCode.CONFLICT, 'This complaint was registered already'),
      }, caseSetUpWaitMs);
      const detail = await withReporter(actor, await cases.detail(id));
      return { created, complaint: { ...detail, ...(secret ? { lookup: { caseNumber: id, secret } } : {}) } };
    },

    async get(actor: Actor, id: string) {
      return withReporter(actor, await cases.get(actor, id));
    },

    async act<C extends { actor: Actor }, R>(actor: Actor, id: string, update: UpdateDefinition<R, [C]>, command: Omit<C, 'actor'>, idempotencyKey?: string) {
      if (update.name === forwardComplaintUpdate.name) {
        const target = (command as { competentAuthorityId?: string }).competentAuthorityId ?? '';
        if (!(await prisma.authority.findUnique({ where: { id: target }, select: { id: true } }))) throw AppError.notFound('Authority', target);
      }
      return withReporter(actor, await cases.act(actor, id, update, command, idempotencyKey));
    },

    async list(actor: Actor, query: ListComplaintsQuery) {
      const where: Prisma.ComplaintWhereInput = {
        AND: [
          visibleComplaints(actor),
          query.status ? { status: query.status } : {},
          query.policyArea ? { policyArea: query.policyArea } : {},
          query.subjectId ? { subjectId: query.subjectId } : {},
        ],
      };
      return listPage(
        {
          sortKey: 'filedAt',
          countable: countableFor(actor, query),
          find: ({ where: page, ...args }) => prisma.complaint.findMany({ where: { AND: [where, page] }, ...args }),
          count: () => prisma.complaint.count({ where }),
        },
        query,
        (row) => ({ ...complaintView(row), reporter: row.anonymous ? null : { redacted: true as const } }),
      );
    },

    /** The reporter's view, by case number and secret (no account); a wrong pair and an unknown case answer alike. */
    async lookup(caseNumber: string, secret: string) {
      const row = await prisma.complaint.findUnique({ where: { id: caseNumber } });
      const expected = Buffer.from(row?.lookupSecretHash ?? DUMMY_HASH, 'hex');
      const matches = timingSafeEqual(sha256(secret), expected) && row !== null;
      if (!matches) throw new AppError(ErrorCode.NOT_FOUND, 'No complaint with this case number and secret');
      return reporterProgressView(row);
    },
  };
}

export type ComplaintService = ReturnType<typeof createComplaintService>;
