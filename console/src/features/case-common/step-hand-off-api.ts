import { api, must } from '../../api/client';

export type CaseType = 'OBJECTION' | 'RECTIFICATION' | 'REPAIR' | 'COMPLAINT' | 'COMMITMENT';
export type HandOffVerb = 'handover' | 'delegation' | 'delegation/return';

/** 转办, 委派 or its return on a case of any type (each type has the same claim routes under its own path). */
export function postHandOff(caseType: CaseType, id: string, verb: HandOffVerb, body: { colleagueId?: string; note: string }): Promise<unknown> {
  // The body's shape is the route's schema; the API validates it and answers 400 with the fields at fault.
  const payload = body as never;
  if (caseType === 'REPAIR') return must(api.POST(`/repairs/{applicationId}/${verb}` as '/repairs/{applicationId}/handover', { params: { path: { applicationId: id } }, body: payload }));
  if (caseType === 'RECTIFICATION') {
    return must(api.POST(`/rectifications/{rectificationId}/${verb}` as '/rectifications/{rectificationId}/handover', { params: { path: { rectificationId: id } }, body: payload }));
  }
  if (caseType === 'COMMITMENT') {
    return must(api.POST(`/commitments/{commitmentId}/${verb}` as '/commitments/{commitmentId}/handover', { params: { path: { commitmentId: id } }, body: payload }));
  }
  if (caseType === 'COMPLAINT') {
    return must(api.POST(`/complaints/{complaintId}/${verb}` as '/complaints/{complaintId}/handover', { params: { path: { complaintId: id } }, body: payload }));
  }
  return must(api.POST(`/objections/{caseId}/${verb}` as '/objections/{caseId}/handover', { params: { path: { caseId: id } }, body: payload }));
}

export function postUrge(caseType: CaseType, caseId: string, note: string): Promise<unknown> {
  return must(api.POST('/work-items/{caseType}/{caseId}/urge', { params: { path: { caseType, caseId } }, body: { note } }));
}

export function getColleagues(caseType: CaseType, caseId: string) {
  return must(api.GET('/work-items/{caseType}/{caseId}/colleagues', { params: { path: { caseType, caseId } } }));
}

const CLAIM_EVENTS = new Set(['STEP_OPENED', 'STEP_CLAIMED', 'STEP_RELEASED', 'STEP_REASSIGNED', 'STEP_HANDED_OVER', 'STEP_DELEGATED', 'STEP_DELEGATION_RETURNED']);

/** Who delegated the current step, if it is delegated now: the last claim event of the timeline says so. */
export function delegatorOf(timeline: readonly { type: string; data?: unknown }[]): string | null {
  const last = [...timeline].reverse().find((e) => CLAIM_EVENTS.has(e.type));
  if (last?.type !== 'STEP_DELEGATED') return null;
  const data = last.data as { delegatedById?: unknown } | null | undefined;
  return typeof data?.delegatedById === 'string' ? data.delegatedById : null;
}
