/**
 * StepClaims through the updates it registers (claimStep, releaseStep, reassignStep: validator, then handler) and
 * the checks it offers decision validators. setHandler is faked to capture the handlers (no worker); the recorder
 * the workflow passes is a list.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../domain/roles.js';
import { ClaimEventType, claimStepUpdate, reassignStepUpdate, releaseStepUpdate } from '../../workflows/shared/claim-contract.js';
import type { HumanStepState } from '../../workflows/shared/human-step.js';
import { FailureType } from '../../workflows/shared/failure-types.js';
import { StepClaims } from '../../workflows/shared/step-claims.js';
import { handlers } from './workflow-sdk-fake.js';

vi.mock('@temporalio/workflow', async (importOriginal) => (await import('./workflow-sdk-fake.js')).workflowSdkFake(importOriginal));

const AUTHORITY = 'auth-court';
const person = (id: string, role: Actor['role'], authorityId: string | null = AUTHORITY): Actor => ({ id, role, subjectId: role === 'APPLICANT' ? 'body-1' : null, authorityId });
const reviewer = person('reviewer-1', 'REVIEWER');
const colleague = person('reviewer-2', 'REVIEWER');
const supervisor = person('supervisor-1', 'SUPERVISOR');
const admin = person('admin-1', 'ADMIN', null);
const foreign = person('reviewer-x', 'REVIEWER', 'auth-other');
const filer = person('filer-1', 'REVIEWER');

function stepOf(assigneeRole: Actor['role'], step = 'VERIFICATION'): HumanStepState {
  return { step, assigneeRole, openedAt: '2026-03-02T01:00:00.000Z', workingDays: 5, deadline: null, remindAt: null, reminded: false, escalated: false };
}

function claimableCase(current: HumanStepState | null = stepOf('REVIEWER')) {
  const kase = { step: current, holder: { claimedById: null as string | null } };
  const events: { type: string; actor: string; data: Record<string, unknown> }[] = [];
  const claims = new StepClaims({ authorityId: AUTHORITY, currentStep: () => kase.step, excludedActorIds: () => [filer.id], holder: kase.holder });
  claims.register(async (type, actor, { data }) => void events.push({ type, actor: actor.id, data }));
  return { kase, claims, events };
}

/** Calls a registered update as Temporal would: the validator first (a throw is a rejection), then the handler. */
async function call(name: string, command: Record<string, unknown>): Promise<unknown> {
  const registered = handlers.get(name);
  if (!registered) throw new Error(`no handler ${name}`);
  registered.validator?.(command);
  return registered.handler(command);
}

const failureOf = async (promise: Promise<unknown>) => promise.then(() => null, (err: { type?: string; message: string }) => err);

beforeEach(() => handlers.clear());

describe('StepClaims (unit, setHandler faked)', () => {
  it('a reviewer of the authority claims the open step; the claim is recorded and shows in the view and search attributes', async () => {
    const { claims, events, kase } = claimableCase();
    expect(claims.searchAttributes()).toEqual([]);
    expect(await call(claimStepUpdate.name, { actor: reviewer, note: '我来办' })).toEqual({ step: 'VERIFICATION', claimedById: reviewer.id });
    expect(kase.holder.claimedById).toBe(reviewer.id);
    expect(events).toEqual([{ type: ClaimEventType.STEP_CLAIMED, actor: reviewer.id, data: { step: 'VERIFICATION', claimedById: reviewer.id } }]);
    expect(claims.searchAttributes()).toEqual([expect.objectContaining({ value: reviewer.id })]);
  });

  it('refuses a second claim (state), and claims by outsiders, the filer or non-staff (forbidden)', async () => {
    const { claims } = claimableCase();
    await call(claimStepUpdate.name, { actor: reviewer });
    expect(await failureOf(call(claimStepUpdate.name, { actor: reviewer }))).toMatchObject({ type: FailureType.INVALID_STATE, message: expect.stringMatching(/already claimed this step/) });
    expect(await failureOf(call(claimStepUpdate.name, { actor: colleague }))).toMatchObject({ type: FailureType.INVALID_STATE, message: expect.stringMatching(/already claimed by reviewer-1/) });

    const fresh = claimableCase();
    for (const outsider of [foreign, filer, admin, person('applicant-1', 'APPLICANT', null)]) {
      expect(await failureOf(call(claimStepUpdate.name, { actor: outsider })), outsider.id).toMatchObject({ type: FailureType.FORBIDDEN });
    }
    expect(fresh.claims.claimedById).toBeNull();
    expect(claims.claimedById).toBe(reviewer.id);
  });

  it('there is nothing to claim without an open staff step, and a supervisor’s step is claimed by supervisors only', async () => {
    claimableCase(null);
    expect(await failureOf(call(claimStepUpdate.name, { actor: reviewer }))).toMatchObject({ type: FailureType.INVALID_STATE, message: expect.stringMatching(/no open step/) });
    claimableCase(stepOf('APPLICANT', 'EXPLANATION'));
    expect(await failureOf(call(claimStepUpdate.name, { actor: reviewer }))).toMatchObject({ type: FailureType.INVALID_STATE, message: expect.stringMatching(/applicant's/) });
    claimableCase(stepOf('SUPERVISOR', 'APPROVAL'));
    expect(await failureOf(call(claimStepUpdate.name, { actor: reviewer }))).toMatchObject({ type: FailureType.FORBIDDEN, message: expect.stringMatching(/supervisor's/) });
    expect(await call(claimStepUpdate.name, { actor: supervisor })).toEqual({ step: 'APPROVAL', claimedById: supervisor.id });
  });

  it('the claimer or an administrator releases; anyone else is forbidden, and an unclaimed step cannot be released', async () => {
    const { claims, events } = claimableCase();
    expect(await failureOf(call(releaseStepUpdate.name, { actor: reviewer }))).toMatchObject({ type: FailureType.INVALID_STATE });
    await call(claimStepUpdate.name, { actor: reviewer });
    for (const other of [colleague, supervisor]) {
      expect(await failureOf(call(releaseStepUpdate.name, { actor: other })), other.id).toMatchObject({ type: FailureType.FORBIDDEN });
    }
    expect(await call(releaseStepUpdate.name, { actor: admin, reason: '休假' })).toEqual({ step: 'VERIFICATION', claimedById: null });
    expect(events.at(-1)).toEqual({ type: ClaimEventType.STEP_RELEASED, actor: admin.id, data: { step: 'VERIFICATION', claimedById: null, releasedId: reviewer.id } });
    await call(claimStepUpdate.name, { actor: colleague });
    expect(await call(releaseStepUpdate.name, { actor: colleague })).toEqual({ step: 'VERIFICATION', claimedById: null });
    expect(claims.claimedById).toBeNull();
  });

  it('only an administrator reassigns, and only to eligible staff of the authority', async () => {
    const { claims, events } = claimableCase();
    await call(claimStepUpdate.name, { actor: reviewer });
    expect(await failureOf(call(reassignStepUpdate.name, { actor: supervisor, assignee: colleague }))).toMatchObject({ type: FailureType.FORBIDDEN });
    expect(await failureOf(call(reassignStepUpdate.name, { actor: admin, assignee: foreign }))).toMatchObject({ type: FailureType.VALIDATION });
    expect(await failureOf(call(reassignStepUpdate.name, { actor: admin, assignee: filer }))).toMatchObject({ type: FailureType.VALIDATION });
    expect(await call(reassignStepUpdate.name, { actor: admin, assignee: colleague })).toEqual({ step: 'VERIFICATION', claimedById: colleague.id });
    expect(events.at(-1)).toMatchObject({ type: ClaimEventType.STEP_REASSIGNED, data: { claimedById: colleague.id, previousId: reviewer.id } });
    expect(claims.claimedById).toBe(colleague.id);
  });

  it('a claimed step is decided by its claimer or a supervisor; an unclaimed one by any reviewer; a claim ends with its step', async () => {
    const { claims } = claimableCase();
    expect(() => claims.requireClaimerOrSupervisor(colleague, 'decide')).not.toThrow();
    await call(claimStepUpdate.name, { actor: reviewer });
    expect(() => claims.requireClaimerOrSupervisor(colleague, 'decide')).toThrow(/claimed by reviewer-1/);
    expect(() => claims.requireClaimerOrSupervisor(reviewer, 'decide')).not.toThrow();
    expect(() => claims.requireClaimerOrSupervisor(supervisor, 'decide')).not.toThrow();
    claims.clear();
    expect(claims.view()).toEqual({ step: 'VERIFICATION', claimedById: null });
    expect(() => claims.requireClaimerOrSupervisor(colleague, 'decide')).not.toThrow();
  });
});
