import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Typed search attributes (registered by scripts/start-temporal.sh from temporal/search-attributes.json). IDs and statuses only: they are stored unencrypted. */
export const CaseTypeKey = defineSearchAttributeKey('CaseType', SearchAttributeType.KEYWORD);
export const CaseStatusKey = defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD);
export const SubjectIdKey = defineSearchAttributeKey('SubjectId', SearchAttributeType.KEYWORD);
export const RecordIdKey = defineSearchAttributeKey('RecordId', SearchAttributeType.KEYWORD);
export const AssigneeRoleKey = defineSearchAttributeKey('AssigneeRole', SearchAttributeType.KEYWORD);
export const CaseDueAtKey = defineSearchAttributeKey('CaseDueAt', SearchAttributeType.DATETIME);
export const EscalatedKey = defineSearchAttributeKey('Escalated', SearchAttributeType.BOOL);
/** The staff member who claimed the case's current step (a user id); removed when the step is released or ends. */
export const ClaimedByKey = defineSearchAttributeKey('ClaimedBy', SearchAttributeType.KEYWORD);

/** The search attributes every case keeps current, from its state at each transition. */
export function caseSearchAttributes(c: {
  caseType: string;
  subjectId: string;
  recordId: string | null;
  status: string;
  assigneeRole: string | null;
  dueAt: string | null;
  escalated: boolean;
}): SearchAttributeUpdatePair[] {
  return [
    { key: CaseTypeKey, value: c.caseType },
    { key: SubjectIdKey, value: c.subjectId },
    { key: RecordIdKey, value: c.recordId },
    { key: CaseStatusKey, value: c.status },
    { key: AssigneeRoleKey, value: c.assigneeRole },
    { key: CaseDueAtKey, value: c.dueAt ? new Date(c.dueAt) : null },
    { key: EscalatedKey, value: c.escalated },
  ];
}
