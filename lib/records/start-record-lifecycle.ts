import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { DishonestyRecord, Subject } from '../../generated/prisma/client.js';
import { publicationPolicySchema } from '../../domain/records/publication-policy.js';
import { SANCTION_KINDS, type SanctionKind } from '../../domain/records/record-types.js';
import { rectificationPolicySchema } from '../../domain/rectification/rectification-policy.js';
import { RECORD_CASE_TYPE, RECORD_WORKFLOW_TYPE, recordWorkflowId, type RecordLifecycleInput } from '../../workflows/record/record-contract.js';
import { CaseStatusKey, CaseTypeKey, RecordIdKey, SubjectIdKey } from '../../workflows/shared/search-attributes.js';
import type { PrismaClient } from '../prisma.js';
import { loadPolicy } from '../policies/load-policy.js';


export interface LifecyclePolicyPins {
  publicationPolicyId?: string | undefined;
  rectificationPolicyId?: string | undefined;
}

export interface StartLifecycleOptions extends LifecyclePolicyPins {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  /** Government bodies only: whether a rectification order (限期整改) runs. */
  rectificationRequired: boolean;
  /** A revoked repair: the record's lifecycle runs again (same workflow id, new run), started by that repair case. */
  reinstated?: { byCaseId: string };
  /** A reinstated record keeps its leniency and its rectification requirement. */
  carriedOver?: RecordLifecycleInput['carriedOver'];
  /** Policies already loaded (a batch loads them once instead of once per record). */
  policies?: Partial<Pick<RecordLifecycleInput, 'publication' | 'rectification'>>;
}

/** The memo that names the repair case whose revocation started a reinstated run. */
const REINSTATED_BY_MEMO = 'reinstatedBy';

const isSanctionKind = (value: string | null): value is SanctionKind => value !== null && (SANCTION_KINDS as string[]).includes(value);

/** Starts a record's lifecycle workflow; starting it twice is harmless (same workflow id). */
export async function startRecordLifecycle(record: DishonestyRecord, subject: Subject, options: StartLifecycleOptions): Promise<string> {
  const { prisma, temporal, taskQueue } = options;
  const isBody = subject.kind === 'GOVERNMENT_BODY';
  const input: RecordLifecycleInput = {
    recordId: record.id,
    subjectId: subject.id,
    restriction: isBody ? 'HONOR_EVALUATION' : 'AWARDS',
    authorityId: record.authorityId,
    severity: record.severity,
    decisionDate: record.decisionDate.toISOString().slice(0, 10),
    sanctionKind: isSanctionKind(record.sanctionKind) ? record.sanctionKind : null,
    registeredAt: new Date().toISOString(),
    // The policy the record was registered under, unless the caller pins one.
    publication:
      options.policies?.publication ??
      (await loadPolicy(prisma, 'PUBLICATION', publicationPolicySchema, options.publicationPolicyId ?? record.publicationPolicyId ?? undefined)),
    rectification:
      isBody && options.rectificationRequired
        ? (options.policies?.rectification ?? (await loadPolicy(prisma, 'RECTIFICATION', rectificationPolicySchema, options.rectificationPolicyId)))
        : null,
    ...(options.reinstated ? { reinstated: true } : {}),
    ...(options.carriedOver ? { carriedOver: options.carriedOver } : {}),
  };
  const workflowId = recordWorkflowId(record.id);
  try {
    await temporal.workflow.start(RECORD_WORKFLOW_TYPE, {
      workflowId,
      taskQueue,
      args: [input],
      workflowIdReusePolicy: options.reinstated ? 'ALLOW_DUPLICATE' : 'REJECT_DUPLICATE',
      ...(options.reinstated ? { memo: { [REINSTATED_BY_MEMO]: options.reinstated.byCaseId } } : {}),
      typedSearchAttributes: [
        { key: CaseTypeKey, value: RECORD_CASE_TYPE },
        { key: CaseStatusKey, value: 'ACTIVE' },
        { key: SubjectIdKey, value: subject.id },
        { key: RecordIdKey, value: record.id },
      ],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    if (options.reinstated) await assertReinstatedRun(temporal, workflowId, options.reinstated.byCaseId);
  }
  return workflowId;
}

/**
 * A running lifecycle is either this reinstatement's own run (a retry: nothing to do) or the run the repair ended,
 * still closing (its REPAIRED signal not yet handled). The second must finish first, or the reinstatement is lost:
 * the error makes the calling activity retry until it has.
 */
async function assertReinstatedRun(temporal: Client, workflowId: string, byCaseId: string): Promise<void> {
  const running = await temporal.workflow.getHandle(workflowId).describe();
  if (running.memo?.[REINSTATED_BY_MEMO] === byCaseId) return;
  throw new Error(`record lifecycle ${workflowId} (run ${running.runId}) has not yet closed; the reinstatement by ${byCaseId} waits for it`);
}
