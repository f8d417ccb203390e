import type { TimelineEvent } from '../case-common/case-timeline';

/** A repair application as GET /repairs/{id} answers (api/repairs/repair-views.ts). */
export interface RepairView {
  id: string;
  workflowId: string;
  recordId: string;
  subjectId: string;
  applicantId: string;
  status: string;
  materials: { kind: string; title: string; fileId?: string }[];
  currentStep: string | null;
  assigneeRole: string | null;
  dueAt: string | null;
  dueProvisional: boolean;
  clockPaused: boolean;
  overdue: boolean;
  escalated: boolean;
  claimedById: string | null;
  reviewedById: string | null;
  decidedById: string | null;
  decisionReasons: string | null;
  reapplyFrom: string | null;
  filedAt: string;
  closedAt: string | null;
  timeline: (TimelineEvent & { data?: unknown })[];
}

export const REQUIRED_MATERIALS = ['APPLICATION_FORM', 'CREDIT_COMMITMENT', 'PERFORMANCE_PROOF', 'IDENTITY_AUTHORIZATION'] as const;

/** The materials the last 补正 request listed (its event's data), if any. */
export function requestedMaterials(view: RepairView): string[] {
  const request = [...view.timeline].reverse().find((e) => e.type === 'CORRECTION_REQUESTED');
  const data = request?.data as { missing?: string[] } | undefined;
  return Array.isArray(data?.missing) ? data.missing : [];
}

/** Every material of the application: those filed and those submitted later (补正, 退回补充), each file once. */
export function allMaterials(view: RepairView): RepairView['materials'] {
  const later = view.timeline
    .filter((e) => e.type === 'MATERIALS_SUBMITTED')
    .flatMap((e) => {
      const materials = (e.data as { materials?: unknown } | null | undefined)?.materials;
      return Array.isArray(materials) ? (materials as RepairView['materials']) : [];
    });
  const seen = new Set<string>();
  return [...view.materials, ...later].filter((m) => {
    const key = m.fileId ?? `${m.kind}:${m.title}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
