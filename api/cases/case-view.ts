/** The fields every case's read-model row shows the same way: who and what it is about, and its current step. */
export function caseView(row: {
  id: string;
  workflowId: string;
  recordId: string;
  subjectId: string;
  status: string;
  currentStep: string | null;
  assigneeRole: string | null;
  dueAt: Date | null;
  dueProvisional: boolean;
  claimedById: string | null;
  policyId: string;
  policyVersion: number;
}) {
  return {
    id: row.id,
    workflowId: row.workflowId,
    recordId: row.recordId,
    subjectId: row.subjectId,
    status: row.status,
    currentStep: row.currentStep,
    assigneeRole: row.assigneeRole,
    dueAt: row.dueAt?.toISOString() ?? null,
    dueProvisional: row.dueProvisional,
    claimedById: row.claimedById,
    policy: { id: row.policyId, version: row.policyVersion },
  };
}
