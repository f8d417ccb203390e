/**
 * The authorization matrix as a whole: every mounted route × every kind of caller, against an explicit table of
 * expected answers. A route without a row (or a row without a route) fails the first test, so a new endpoint cannot
 * ship without saying who may call it.
 *
 * Expected answers are exact statuses. Every action route runs on a case prepared into the state the action needs
 * (an accepted objection for a decision, a claimed step for a release, a reviewed repair for its approval …), so a
 * caller the matrix admits must get a 2xx: a 409 never counts as "passed the gates".
 *
 * Callers the matrix refuses (401, 403, 404, 400) and the first admitted caller share one prepared case per route:
 * refusals by role and scope are decided before a case's state, so they change nothing and no earlier success
 * changes them. Every further admitted caller of a state-changing route, and every caller the case itself refuses
 * (`refusedByCase`: its validator looks at the state first), gets a freshly prepared case of its own, so one
 * caller's success never turns another's answer into a 409.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPAIR_POLICY } from '../../domain/repair/repair-policy.js';
import { DEFAULT_COMPLAINT_POLICY } from '../../domain/complaint/complaint-policy.js';
import type { Actor } from '../../domain/roles.js';
import { createLocalDiskFileStore } from '../../lib/storage/local-disk-file-store.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { eventually } from '../support/eventually.js';
import { FULL_MATERIALS } from '../support/repair-fixtures.js';
import { commitmentRegistration } from '../support/commitment-fixtures.js';
import { DEFAULT_COMMITMENT_POLICY } from '../../domain/commitment/commitment-policy.js';
import { randomCreditCode } from '../support/credit-codes.js';
import { startRealWorker } from '../support/real-worker.js';
import { startRectification } from '../support/rectification-fixtures.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';
import { mountedRoutes, routeKey } from '../support/mounted-routes.js';
import { proposeRecord } from '../../lib/record-proposals/propose-record.js';
import { recordProposal } from '../support/record-proposal-fixtures.js';

const env = await getTestEnv();
const taskQueue = uniqueId('authz-matrix');

type Expected = 200 | 201 | 204 | 400 | 401 | 403 | 404 | 409;

const ROLES = ['applicant', 'otherApplicant', 'reviewer', 'foreignReviewer', 'supervisor', 'admin', 'none'] as const;
type Caller = (typeof ROLES)[number];
/** Callers of the table, plus the colleagues who prepare cases (a first decider other than the callers). */
type Sender = Caller | 'reviewer2' | 'supervisor2';

/** Columns: APPLICANT of the subject, APPLICANT of another subject, REVIEWER of the authority, REVIEWER of another authority, SUPERVISOR (of the authority), ADMIN, no token. */
function e(applicant: Expected, otherApplicant: Expected, reviewer: Expected, foreignReviewer: Expected, supervisor: Expected, admin: Expected, none: Expected = 401) {
  return { applicant, otherApplicant, reviewer, foreignReviewer, supervisor, admin, none };
}
const ALL_200 = e(200, 200, 200, 200, 200, 200);
const PUBLIC = e(200, 200, 200, 200, 200, 200, 200);
/** A case read: its parties and its authority's staff see it, administrators see all, anyone else gets 404. */
const CASE_READ = e(200, 404, 200, 404, 200, 200);
/** A decision of the applicant (their own case). */
const APPLICANT_ACTS = e(200, 404, 403, 403, 403, 403);
/** A decision of the authority's staff. */
const STAFF_ACTS = e(403, 403, 200, 404, 200, 403);
/** A decision of a supervisor of the authority. */
const SUPERVISOR_ACTS = e(403, 403, 403, 403, 200, 403);
/** Releasing a step a reviewer of the authority claimed: the claimer or an administrator (a supervisor is refused). */
const RELEASE = e(403, 403, 200, 404, 403, 200);
/** Handing a step to a named reviewer: administrators only. */
const ASSIGN = e(403, 403, 403, 403, 403, 200);
/**
 * 转办 and 委派 of a step a reviewer of the authority claimed, and the return of a step delegated to them: only the
 * holder (a supervisor, admitted by role, is refused by the case: they do not hold it).
 */
const PASS_ON = e(403, 403, 200, 404, 403, 403);
/** 催办: supervisors (of the authority) only. */
const URGE = e(403, 403, 403, 403, 200, 403);

/** The state a route's case is prepared into before the callers call it (see prepare()). */
type FixtureKind =
  | 'none'
  | 'record'
  | 'registered-record'
  | 'revocation-proposed'
  | 'leniency-proposed'
  | 'objection'
  | 'claimed-objection'
  | 'delegated-objection'
  | 'overdue-objection'
  | 'accepted-objection'
  | 'objection-needs-correction'
  | 'paused-objection'
  | 'rejected-objection'
  | 'second-review-objection'
  | 'evidence'
  | 'rectification'
  | 'explained-rectification'
  | 'completed-rectification'
  | 'claimed-rectification'
  | 'delegated-rectification'
  | 'repair'
  | 'claimed-repair'
  | 'delegated-repair'
  | 'repair-needs-correction'
  | 'accepted-repair'
  | 'reviewed-repair'
  | 'approved-repair'
  | 'commitment'
  | 'due-commitment'
  | 'claimed-commitment'
  | 'delegated-commitment'
  | 'record-proposal'
  | 'complaint'
  | 'claimed-complaint'
  | 'delegated-complaint'
  | 'forwarded-complaint'
  | 'found-complaint'
  | 'dead-outbox-message';

interface Fixture {
  caseId: string;
  recordId: string;
  rectificationId: string;
  fileId: string;
  repairId: string;
  commitmentId: string;
  proposalId: string;
  complaintId: string;
}

interface RouteSpec {
  fixture: FixtureKind;
  request: (fx: Fixture) => { path: string; body?: object; upload?: Buffer };
  expect: Record<Caller, Expected>;
  /** Callers refused by the case itself (its workflow validator), after its state: they need the prepared state too. */
  refusedByCase?: Caller[];
}

const NO_BODY = (path: string) => () => ({ path });
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let world: ObjectionWorld;
let otherSubject: { subjectId: string; applicant: Actor };
let app: Express;
let stopWorker: () => Promise<void>;
let repairPolicyId: string;
let commitmentPolicyId: string;
let complaintPolicyId: string;

const MATRIX: Record<string, RouteSpec> = {
  // --- open to anyone ---------------------------------------------------------------------------------------------
  'GET /health': { fixture: 'none', request: NO_BODY('/health'), expect: PUBLIC },
  'GET /health/live': { fixture: 'none', request: NO_BODY('/health/live'), expect: PUBLIC },
  // Ready: the test's worker polls the app's task queue.
  'GET /health/ready': { fixture: 'none', request: NO_BODY('/health/ready'), expect: PUBLIC },
  // Only the scraper's METRICS_TOKEN opens it (tests/api/observability.test.ts); no user token does, whatever the role.
  'GET /metrics': { fixture: 'none', request: NO_BODY('/metrics'), expect: e(401, 401, 401, 401, 401, 401, 401) },
  'GET /openapi.json': { fixture: 'none', request: NO_BODY('/openapi.json'), expect: PUBLIC },
  'GET /public/criticisms': { fixture: 'none', request: NO_BODY('/public/criticisms'), expect: PUBLIC },
  'GET /public/records': { fixture: 'none', request: NO_BODY('/public/records'), expect: PUBLIC },
  'GET /me': { fixture: 'none', request: NO_BODY('/me'), expect: ALL_200 },
  // Console sign-in: open to anyone (a wrong password is a 401 for everyone); signing out always succeeds.
  'POST /auth/login': { fixture: 'none', request: () => ({ path: '/auth/login', body: { userId: 'no-such-user', password: 'wrong' } }), expect: e(401, 401, 401, 401, 401, 401, 401) },
  // The login page's choice of sign-in, and the identity provider's round trip (not configured here: 404 for everyone).
  'GET /auth/methods': { fixture: 'none', request: NO_BODY('/auth/methods'), expect: PUBLIC },
  'GET /auth/oidc/login': { fixture: 'none', request: NO_BODY('/auth/oidc/login'), expect: e(404, 404, 404, 404, 404, 404, 404) },
  'GET /auth/oidc/callback': { fixture: 'none', request: NO_BODY('/auth/oidc/callback'), expect: e(404, 404, 404, 404, 404, 404, 404) },
  'POST /auth/logout': { fixture: 'none', request: () => ({ path: '/auth/logout', body: {} }), expect: e(204, 204, 204, 204, 204, 204, 204) },
  'GET /stats/cases': { fixture: 'none', request: NO_BODY('/stats/cases'), expect: e(403, 403, 403, 403, 403, 200) },
  'GET /stats/trends': { fixture: 'none', request: NO_BODY('/stats/trends'), expect: e(403, 403, 403, 403, 403, 200) },
  // The console's views: everyone's own work and the names on their cases (scoped inside), the admin's audit log and outbox.
  'GET /work-items': { fixture: 'none', request: NO_BODY('/work-items?scope=all'), expect: ALL_200 },
  'GET /work-items/summary': { fixture: 'none', request: NO_BODY('/work-items/summary'), expect: ALL_200 },
  'GET /users': { fixture: 'none', request: NO_BODY('/users?ids=no-such-user'), expect: ALL_200 },
  'GET /authorities': { fixture: 'none', request: NO_BODY('/authorities'), expect: ALL_200 },
  'GET /audit/events': { fixture: 'none', request: NO_BODY('/audit/events?pageSize=5'), expect: e(403, 403, 403, 403, 403, 200) },
  'GET /outbox/messages': { fixture: 'none', request: NO_BODY('/outbox/messages?pageSize=5'), expect: e(403, 403, 403, 403, 403, 200) },
  'POST /outbox/messages/{id}/retry': {
    fixture: 'dead-outbox-message',
    request: (fx) => ({ path: `/outbox/messages/${fx.caseId}/retry`, body: {} }),
    expect: e(403, 403, 403, 403, 403, 200),
  },
  // Bulk claims answer 200 with one result per case (a foreign reviewer's item is a 404 inside: tests/api/step-handover.test.ts).
  'POST /work-items/claims': {
    fixture: 'objection',
    request: (fx) => ({ path: '/work-items/claims', body: { items: [{ caseType: 'OBJECTION', caseId: fx.caseId }] } }),
    expect: e(403, 403, 200, 200, 200, 403),
  },
  'POST /work-items/assignments': {
    fixture: 'objection',
    request: (fx) => ({ path: '/work-items/assignments', body: { items: [{ caseType: 'OBJECTION', caseId: fx.caseId }], assigneeId: world.actors.reviewer2.id } }),
    expect: ASSIGN,
  },
  'GET /work-items/{caseType}/{caseId}/colleagues': {
    fixture: 'objection',
    request: (fx) => ({ path: `/work-items/OBJECTION/${fx.caseId}/colleagues` }),
    expect: e(403, 403, 200, 404, 200, 200),
  },
  'POST /work-items/{caseType}/{caseId}/urge': {
    fixture: 'overdue-objection',
    request: (fx) => ({ path: `/work-items/OBJECTION/${fx.caseId}/urge`, body: { note: '请尽快办理' } }),
    expect: URGE,
  },

  // --- objections -------------------------------------------------------------------------------------------------
  'POST /objections': {
    fixture: 'record',
    request: (fx) => ({ path: '/objections', body: { recordId: fx.recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误' } }),
    // Another subject's applicant cannot see the record (404); only the subject's applicant files.
    expect: e(201, 404, 403, 403, 403, 403),
  },
  'GET /objections': { fixture: 'none', request: NO_BODY('/objections'), expect: ALL_200 },
  'GET /objections/{caseId}': { fixture: 'objection', request: (fx) => ({ path: `/objections/${fx.caseId}` }), expect: CASE_READ },
  'POST /objections/{caseId}/accept': { fixture: 'objection', request: (fx) => ({ path: `/objections/${fx.caseId}/accept`, body: {} }), expect: STAFF_ACTS },
  'POST /objections/{caseId}/decline': {
    fixture: 'objection',
    request: (fx) => ({ path: `/objections/${fx.caseId}/decline`, body: { reason: '不属于异议范围' } }),
    expect: STAFF_ACTS,
  },
  'POST /objections/{caseId}/decision': {
    fixture: 'accepted-objection',
    request: (fx) => ({ path: `/objections/${fx.caseId}/decision`, body: { outcome: 'DELETE', reasons: '认定有误' } }),
    expect: STAFF_ACTS,
  },
  'POST /objections/{caseId}/extension': {
    fixture: 'accepted-objection',
    request: (fx) => ({ path: `/objections/${fx.caseId}/extension`, body: { workingDays: 2, reason: '需要调取案卷' } }),
    expect: SUPERVISOR_ACTS,
  },
  'POST /objections/{caseId}/second-review': {
    fixture: 'rejected-objection',
    request: (fx) => ({ path: `/objections/${fx.caseId}/second-review`, body: { reason: '不服' } }),
    expect: APPLICANT_ACTS,
  },
  'POST /objections/{caseId}/second-review/decision': {
    fixture: 'second-review-objection',
    request: (fx) => ({ path: `/objections/${fx.caseId}/second-review/decision`, body: { upholdRejection: true, reasons: '维持' } }),
    expect: SUPERVISOR_ACTS,
  },
  'POST /objections/{caseId}/withdraw': { fixture: 'objection', request: (fx) => ({ path: `/objections/${fx.caseId}/withdraw`, body: {} }), expect: APPLICANT_ACTS },
  'POST /objections/{caseId}/correction-request': {
    fixture: 'objection',
    request: (fx) => ({ path: `/objections/${fx.caseId}/correction-request`, body: { missing: ['授权委托书'], reason: '材料不全' } }),
    expect: STAFF_ACTS,
  },
  'POST /objections/{caseId}/materials': {
    fixture: 'objection-needs-correction',
    request: (fx) => ({ path: `/objections/${fx.caseId}/materials`, body: { materials: [{ title: '授权委托书' }] } }),
    expect: APPLICANT_ACTS,
  },
  'POST /objections/{caseId}/clock-stop': {
    fixture: 'accepted-objection',
    request: (fx) => ({ path: `/objections/${fx.caseId}/clock-stop`, body: { cause: 'APPRAISAL', reason: '委托鉴定' } }),
    expect: STAFF_ACTS,
  },
  'POST /objections/{caseId}/clock-resumption': {
    fixture: 'paused-objection',
    request: (fx) => ({ path: `/objections/${fx.caseId}/clock-resumption`, body: {} }),
    expect: STAFF_ACTS,
  },
  'POST /objections/{caseId}/claim': { fixture: 'objection', request: (fx) => ({ path: `/objections/${fx.caseId}/claim`, body: {} }), expect: STAFF_ACTS },
  'POST /objections/{caseId}/release': {
    fixture: 'claimed-objection',
    request: (fx) => ({ path: `/objections/${fx.caseId}/release`, body: {} }),
    expect: RELEASE,
    refusedByCase: ['supervisor'],
  },
  'POST /objections/{caseId}/assignment': {
    fixture: 'objection',
    request: (fx) => ({ path: `/objections/${fx.caseId}/assignment`, body: { assigneeId: world.actors.reviewer2.id } }),
    expect: ASSIGN,
  },
  ...passOnActions('/objections/{caseId}', (fx) => `/objections/${fx.caseId}`, 'claimed-objection', 'delegated-objection'),

  // --- rectifications ---------------------------------------------------------------------------------------------
  'GET /rectifications': { fixture: 'none', request: NO_BODY('/rectifications'), expect: ALL_200 },
  'GET /rectifications/{rectificationId}': {
    fixture: 'rectification',
    request: (fx) => ({ path: `/rectifications/${fx.rectificationId}` }),
    expect: CASE_READ,
  },
  'POST /rectifications/{rectificationId}/explanation': {
    fixture: 'rectification',
    request: (fx) => ({ path: `/rectifications/${fx.rectificationId}/explanation`, body: { explanation: '原因', plan: '方案' } }),
    expect: APPLICANT_ACTS,
  },
  'POST /rectifications/{rectificationId}/progress': {
    fixture: 'explained-rectification',
    request: (fx) => ({ path: `/rectifications/${fx.rectificationId}/progress`, body: { note: '进展' } }),
    expect: APPLICANT_ACTS,
  },
  'POST /rectifications/{rectificationId}/completion': {
    fixture: 'explained-rectification',
    request: (fx) => ({ path: `/rectifications/${fx.rectificationId}/completion`, body: { summary: '完成', evidence: [{ title: '报告' }] } }),
    expect: APPLICANT_ACTS,
  },
  'POST /rectifications/{rectificationId}/review': {
    fixture: 'completed-rectification',
    request: (fx) => ({ path: `/rectifications/${fx.rectificationId}/review`, body: { accept: true, reasons: '到位' } }),
    expect: STAFF_ACTS,
  },
  'POST /rectifications/{rectificationId}/extension': {
    fixture: 'explained-rectification',
    request: (fx) => ({ path: `/rectifications/${fx.rectificationId}/extension`, body: { workingDays: 5, reason: '延期' } }),
    expect: SUPERVISOR_ACTS,
  },
  'POST /rectifications/{rectificationId}/claim': {
    fixture: 'completed-rectification',
    request: (fx) => ({ path: `/rectifications/${fx.rectificationId}/claim`, body: {} }),
    expect: STAFF_ACTS,
  },
  'POST /rectifications/{rectificationId}/release': {
    fixture: 'claimed-rectification',
    request: (fx) => ({ path: `/rectifications/${fx.rectificationId}/release`, body: {} }),
    expect: RELEASE,
    refusedByCase: ['supervisor'],
  },
  'POST /rectifications/{rectificationId}/assignment': {
    fixture: 'completed-rectification',
    request: (fx) => ({ path: `/rectifications/${fx.rectificationId}/assignment`, body: { assigneeId: world.actors.reviewer2.id } }),
    expect: ASSIGN,
  },
  ...passOnActions('/rectifications/{rectificationId}', (fx) => `/rectifications/${fx.rectificationId}`, 'claimed-rectification', 'delegated-rectification'),

  // --- records and their consequences -----------------------------------------------------------------------------
  'POST /records': {
    fixture: 'none',
    request: () => ({
      path: '/records',
      body: {
        subjectId: world.subjectId,
        source: 'COURT_JUDGMENT',
        documentNumber: `（2026）矩阵${uniqueId('doc')}号`,
        severity: 'GENERAL',
        policyArea: 'ARREARS_TO_FIRMS',
        decisionDate: '2026-03-02',
        facts: { title: '拖欠账款', summary: '未按期支付工程款' },
        rectificationRequired: false,
      },
    }),
    // Staff register records as their own authority (any subject); applicants and administrators do not.
    expect: e(403, 403, 201, 201, 201, 403),
  },
  'POST /records/batch': {
    fixture: 'none',
    request: () => ({
      path: '/records/batch',
      body: {
        records: [
          {
            subjectId: world.subjectId,
            source: 'COURT_JUDGMENT',
            documentNumber: `（2026）矩阵${uniqueId('batch')}号`,
            severity: 'GENERAL',
            policyArea: 'ARREARS_TO_FIRMS',
            decisionDate: '2026-03-02',
            facts: { title: '拖欠账款', summary: '未按期支付工程款' },
            rectificationRequired: false,
          },
        ],
      },
    }),
    // As registering one record: staff import as their own authority; applicants and administrators do not.
    expect: e(403, 403, 200, 200, 200, 403),
  },
  'GET /records': { fixture: 'none', request: NO_BODY('/records'), expect: ALL_200 },
  'GET /records/{recordId}': { fixture: 'record', request: (fx) => ({ path: `/records/${fx.recordId}` }), expect: CASE_READ },
  'POST /records/{recordId}/revocation': {
    fixture: 'registered-record',
    request: (fx) => ({ path: `/records/${fx.recordId}/revocation`, body: { reason: '原决定已撤销' } }),
    expect: STAFF_ACTS,
  },
  'POST /records/{recordId}/revocation/decision': {
    fixture: 'revocation-proposed',
    request: (fx) => ({ path: `/records/${fx.recordId}/revocation/decision`, body: { approve: true, reasons: '同意撤销' } }),
    expect: SUPERVISOR_ACTS,
  },
  'POST /records/{recordId}/leniency': {
    fixture: 'registered-record',
    request: (fx) => ({ path: `/records/${fx.recordId}/leniency`, body: { kind: 'LIGHTER', acts: ['RECOVERED_LOSSES'], reasons: '主动纠错' } }),
    expect: STAFF_ACTS,
  },
  'POST /records/{recordId}/leniency/decision': {
    fixture: 'leniency-proposed',
    request: (fx) => ({ path: `/records/${fx.recordId}/leniency/decision`, body: { approve: true, reasons: '同意' } }),
    expect: SUPERVISOR_ACTS,
  },
  'GET /subjects/{subjectId}/eligibility': {
    fixture: 'none',
    request: () => ({ path: `/subjects/${world.subjectId}/eligibility` }),
    // Eligibility is a subject's standing, not a case: staff of any authority and administrators may ask.
    expect: e(200, 404, 200, 200, 200, 200),
  },
  'POST /eligibility/evaluations': {
    fixture: 'none',
    request: () => ({ path: '/eligibility/evaluations', body: { subjectId: world.subjectId, evaluation: '2026年度文明单位评选' } }),
    // Staff of any authority running an evaluation; applicants and administrators do not evaluate.
    expect: e(403, 403, 201, 201, 201, 403),
  },
  'GET /eligibility/evaluations/{evaluationId}': {
    fixture: 'none',
    request: NO_BODY('/eligibility/evaluations/EVAL-20260101-NOSUCHEVAL'),
    expect: e(404, 404, 404, 404, 404, 404),
  },
  'GET /eligibility/suspended': { fixture: 'none', request: NO_BODY('/eligibility/suspended'), expect: e(403, 403, 200, 200, 200, 200) },

  // --- calendar -----------------------------------------------------------------------------------------------------
  'GET /calendar/due-date': { fixture: 'none', request: NO_BODY('/calendar/due-date?from=2025-09-26&workingDays=5'), expect: ALL_200 },
  'GET /calendar/working-day': { fixture: 'none', request: NO_BODY('/calendar/working-day?date=2025-10-01'), expect: ALL_200 },
  'GET /calendar/years': { fixture: 'none', request: NO_BODY('/calendar/years'), expect: ALL_200 },
  'GET /calendar/years/{year}': { fixture: 'none', request: NO_BODY('/calendar/years/2025'), expect: ALL_200 },
  'PUT /calendar/years/{year}': {
    fixture: 'none',
    // An invalid body, so that the administrator's admitted request changes no calendar other tests rely on: the
    // 400 shows the role gate let them through, where everyone else is stopped at 403.
    request: () => ({ path: '/calendar/years/2025', body: {} }),
    expect: e(403, 403, 403, 403, 403, 400),
  },

  // --- evidence files ----------------------------------------------------------------------------------------------
  'POST /cases/{caseType}/{caseId}/evidence': {
    fixture: 'objection',
    request: (fx) => ({ path: `/cases/objection/${fx.caseId}/evidence`, upload: PNG }),
    expect: e(201, 404, 201, 404, 201, 403),
  },
  'GET /cases/{caseType}/{caseId}/evidence': { fixture: 'evidence', request: (fx) => ({ path: `/cases/objection/${fx.caseId}/evidence` }), expect: CASE_READ },
  'GET /evidence/{fileId}': { fixture: 'evidence', request: (fx) => ({ path: `/evidence/${fx.fileId}` }), expect: CASE_READ },
  'GET /evidence/{fileId}/content': { fixture: 'evidence', request: (fx) => ({ path: `/evidence/${fx.fileId}/content` }), expect: CASE_READ },

  // --- audit trail --------------------------------------------------------------------------------------------------
  'GET /audit/verify': { fixture: 'objection', request: (fx) => ({ path: `/audit/verify?caseId=${fx.caseId}` }), expect: e(403, 403, 403, 403, 403, 200) },

  // --- Temporal payload codec (personal data of every case): administrators only ---------------------------------
  'POST /codec/decode': { fixture: 'none', request: () => ({ path: '/codec/decode', body: { payloads: [] } }), expect: e(403, 403, 403, 403, 403, 200) },
  'POST /codec/encode': { fixture: 'none', request: () => ({ path: '/codec/encode', body: { payloads: [] } }), expect: e(403, 403, 403, 403, 403, 200) },

  // --- credit repair (a real application, prepared into the state each action needs) ---------------------------------
  'GET /records/{recordId}/repair-eligibility': { fixture: 'record', request: (fx) => ({ path: `/records/${fx.recordId}/repair-eligibility` }), expect: CASE_READ },
  'POST /repairs': {
    fixture: 'registered-record',
    request: (fx) => ({ path: '/repairs', body: { recordId: fx.recordId, materials: FULL_MATERIALS } }),
    expect: e(201, 404, 403, 403, 403, 403),
  },
  'GET /repairs': { fixture: 'none', request: NO_BODY('/repairs'), expect: ALL_200 },
  'GET /repairs/{applicationId}': { fixture: 'repair', request: (fx) => ({ path: `/repairs/${fx.repairId}` }), expect: CASE_READ },
  ...repairActions({
    acceptance: ['repair', STAFF_ACTS, { note: '受理' }],
    'correction-request': ['repair', STAFF_ACTS, { missing: ['CREDIT_COMMITMENT'], reason: '缺少承诺书' }],
    materials: ['repair-needs-correction', APPLICANT_ACTS, { materials: [{ kind: 'CREDIT_COMMITMENT', title: '信用承诺书' }] }],
    'refusal-to-accept': ['repair', STAFF_ACTS, { reason: '不予受理' }],
    review: ['accepted-repair', STAFF_ACTS, { recommendation: 'APPROVE', reasons: '符合条件' }],
    return: ['accepted-repair', STAFF_ACTS, { reasons: '补充材料' }],
    decision: ['reviewed-repair', SUPERVISOR_ACTS, { approve: true, reasons: '同意' }],
    withdrawal: ['repair', APPLICANT_ACTS, {}],
    revocation: ['approved-repair', SUPERVISOR_ACTS, { reason: '材料虚假' }],
    extension: ['repair', SUPERVISOR_ACTS, { reason: '需进一步核实' }],
    claim: ['repair', STAFF_ACTS, {}],
    release: ['claimed-repair', RELEASE, {}],
  }),
  // --- complaints (投诉举报): the credit office (here the authority itself) registers, forwards, replies; it also verifies
  'POST /complaints': { fixture: 'none', request: () => ({ path: '/complaints', body: complaintBody() }), expect: e(403, 403, 201, 201, 201, 403) },
  'GET /complaints': { fixture: 'none', request: NO_BODY('/complaints'), expect: e(403, 403, 200, 200, 200, 200) },
  'GET /complaints/{complaintId}': { fixture: 'complaint', request: (fx) => ({ path: `/complaints/${fx.complaintId}` }), expect: e(403, 403, 200, 404, 200, 200) },
  'POST /complaints/{complaintId}/forwarding': {
    fixture: 'complaint',
    request: (fx) => ({ path: `/complaints/${fx.complaintId}/forwarding`, body: { competentAuthorityId: world.authorityId } }),
    expect: STAFF_ACTS,
  },
  'POST /complaints/{complaintId}/refusal': { fixture: 'complaint', request: (fx) => ({ path: `/complaints/${fx.complaintId}/refusal`, body: { reason: '不属于受理范围' } }), expect: STAFF_ACTS },
  'POST /complaints/{complaintId}/finding': {
    fixture: 'forwarded-complaint',
    request: (fx) => ({ path: `/complaints/${fx.complaintId}/finding`, body: { finding: 'UNFOUNDED', reasons: '不属实' } }),
    expect: STAFF_ACTS,
  },
  'POST /complaints/{complaintId}/reply': { fixture: 'found-complaint', request: (fx) => ({ path: `/complaints/${fx.complaintId}/reply`, body: { reply: '经核查不属实' } }), expect: STAFF_ACTS },
  'POST /complaints/{complaintId}/claim': { fixture: 'complaint', request: (fx) => ({ path: `/complaints/${fx.complaintId}/claim`, body: {} }), expect: STAFF_ACTS },
  'POST /complaints/{complaintId}/release': {
    fixture: 'claimed-complaint',
    request: (fx) => ({ path: `/complaints/${fx.complaintId}/release`, body: {} }),
    expect: RELEASE,
    refusedByCase: ['supervisor'],
  },
  'POST /complaints/{complaintId}/assignment': {
    fixture: 'complaint',
    request: (fx) => ({ path: `/complaints/${fx.complaintId}/assignment`, body: { assigneeId: world.actors.reviewer2.id } }),
    expect: ASSIGN,
  },
  // No token needed; without the case's secret every caller gets the same 404.
  'POST /public/complaints/lookup': {
    fixture: 'complaint',
    request: (fx) => ({ path: '/public/complaints/lookup', body: { caseNumber: fx.complaintId, secret: 'not-the-secret' } }),
    expect: e(404, 404, 404, 404, 404, 404, 404),
  },

  // --- record proposals (from complaints and broken commitments): the competent authority's staff decide them --------
  'GET /record-proposals': { fixture: 'none', request: NO_BODY('/record-proposals'), expect: e(403, 403, 200, 200, 200, 200) },
  'GET /record-proposals/{proposalId}': {
    fixture: 'record-proposal',
    request: (fx) => ({ path: `/record-proposals/${fx.proposalId}` }),
    expect: e(403, 403, 200, 404, 200, 200),
  },
  'POST /record-proposals/{proposalId}/confirm': {
    fixture: 'record-proposal',
    request: (fx) => ({ path: `/record-proposals/${fx.proposalId}/confirm`, body: {} }),
    expect: STAFF_ACTS,
  },
  'POST /record-proposals/{proposalId}/reject': {
    fixture: 'record-proposal',
    request: (fx) => ({ path: `/record-proposals/${fx.proposalId}/reject`, body: { reasons: '证据不足' } }),
    expect: STAFF_ACTS,
  },
  'POST /repairs/{applicationId}/assignment': {
    fixture: 'repair',
    request: (fx) => ({ path: `/repairs/${fx.repairId}/assignment`, body: { assigneeId: world.actors.reviewer2.id } }),
    expect: ASSIGN,
  },
  ...passOnActions('/repairs/{applicationId}', (fx) => `/repairs/${fx.repairId}`, 'claimed-repair', 'delegated-repair'),
  ...passOnActions('/complaints/{complaintId}', (fx) => `/complaints/${fx.complaintId}`, 'claimed-complaint', 'delegated-complaint'),

  // --- commitments (守信践诺): the body registers and reports, the supervising authority checks ----------------------
  // Any applicant registers their own body's commitment (the other applicant's body too).
  'POST /commitments': { fixture: 'none', request: () => ({ path: '/commitments', body: commitmentRegistration(world) }), expect: e(201, 201, 403, 403, 403, 403) },
  'GET /commitments': { fixture: 'none', request: NO_BODY('/commitments'), expect: ALL_200 },
  'GET /commitments/{commitmentId}': { fixture: 'commitment', request: (fx) => ({ path: `/commitments/${fx.commitmentId}` }), expect: CASE_READ },
  // Counts in the caller's scope: another authority's reviewer sees the body's counts of their own authority (zeros).
  'GET /subjects/{subjectId}/commitments/summary': {
    fixture: 'none',
    request: () => ({ path: `/subjects/${world.subjectId}/commitments/summary` }),
    expect: e(200, 404, 200, 200, 200, 200),
  },
  ...commitmentActions({
    progress: ['commitment', APPLICANT_ACTS, { note: '进展' }],
    fulfilment: ['commitment', APPLICANT_ACTS, { summary: '已履行', evidence: [{ title: '证明' }] }],
    check: ['due-commitment', STAFF_ACTS, { outcome: 'KEPT', reasons: '守诺', evidence: [{ title: '核查记录' }] }],
    claim: ['due-commitment', STAFF_ACTS, {}],
    release: ['claimed-commitment', RELEASE, {}],
  }),
  'POST /commitments/{commitmentId}/assignment': {
    fixture: 'due-commitment',
    request: (fx) => ({ path: `/commitments/${fx.commitmentId}/assignment`, body: { assigneeId: world.actors.reviewer2.id } }),
    expect: ASSIGN,
  },
  ...passOnActions('/commitments/{commitmentId}', (fx) => `/commitments/${fx.commitmentId}`, 'claimed-commitment', 'delegated-commitment'),
};

/**
 * 转办 and 委派 of a step the reviewer claimed (to the second reviewer), and the return of a step the second reviewer
 * delegated to the reviewer: the holder acts; a supervisor passes the role gate and is refused by the case.
 */
function passOnActions(casePath: string, pathOf: (fx: Fixture) => string, claimed: FixtureKind, delegated: FixtureKind): Record<string, RouteSpec> {
  const pass = (path: string): RouteSpec => ({
    fixture: claimed,
    request: (fx) => ({ path: `${pathOf(fx)}/${path}`, body: { colleagueId: world.actors.reviewer2.id, note: '出差，请同事办理' } }),
    expect: PASS_ON,
    refusedByCase: ['supervisor'],
  });
  return {
    [`POST ${casePath}/handover`]: pass('handover'),
    [`POST ${casePath}/delegation`]: pass('delegation'),
    [`POST ${casePath}/delegation/return`]: {
      fixture: delegated,
      request: (fx) => ({ path: `${pathOf(fx)}/delegation/return`, body: { note: '已核实，交回' } }),
      expect: PASS_ON,
      refusedByCase: ['supervisor'],
    },
  };
}

/** Commitment actions on a commitment prepared into the state the action needs. */
function commitmentActions(actions: Record<string, [FixtureKind, Record<Caller, Expected>, object]>): Record<string, RouteSpec> {
  return Object.fromEntries(
    Object.entries(actions).map(([path, [fixture, expected, body]]) => [
      `POST /commitments/{commitmentId}/${path}`,
      {
        fixture,
        request: (fx: Fixture) => ({ path: `/commitments/${fx.commitmentId}/${path}`, body }),
        expect: expected,
        ...(expected === RELEASE ? { refusedByCase: ['supervisor' as const] } : {}),
      },
    ]),
  );
}

/** Repair actions on an application prepared into the state the action needs. */
function repairActions(actions: Record<string, [FixtureKind, Record<Caller, Expected>, object]>): Record<string, RouteSpec> {
  return Object.fromEntries(
    Object.entries(actions).map(([path, [fixture, expected, body]]) => [
      `POST /repairs/{applicationId}/${path}`,
      {
        fixture,
        request: (fx: Fixture) => ({ path: `/repairs/${fx.repairId}/${path}`, body }),
        expect: expected,
        ...(expected === RELEASE ? { refusedByCase: ['supervisor' as const] } : {}),
      },
    ]),
  );
}

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createObjectionWorld(env.prisma);
  const other = uniqueId('other-body');
  await env.prisma.subject.create({ data: { id: other, kind: 'GOVERNMENT_BODY', name: '另一县人民政府', creditCode: randomCreditCode() } });
  const otherApplicant: Actor = { id: `applicant-${other}`, role: 'APPLICANT', subjectId: other, authorityId: null };
  await env.prisma.user.create({ data: { id: otherApplicant.id, name: otherApplicant.id, role: 'APPLICANT', subjectId: other } });
  otherSubject = { subjectId: other, applicant: otherApplicant };
  complaintPolicyId = `${uniqueId('complaint-matrix')}@1`;
  await env.prisma.policy.create({
    data: { id: complaintPolicyId, name: complaintPolicyId.split('@')[0]!, processType: 'COMPLAINT', version: 1, active: false, params: { ...DEFAULT_COMPLAINT_POLICY } },
  });
  repairPolicyId = `${uniqueId('repair-matrix')}@1`;
  await env.prisma.policy.create({
    data: { id: repairPolicyId, name: repairPolicyId.split('@')[0]!, processType: 'REPAIR', version: 1, active: false, params: { ...DEFAULT_REPAIR_POLICY } },
  });
  commitmentPolicyId = `${uniqueId('commitment-matrix')}@1`;
  await env.prisma.policy.create({
    data: { id: commitmentPolicyId, name: commitmentPolicyId.split('@')[0]!, processType: 'COMMITMENT', version: 1, active: false, params: { ...DEFAULT_COMMITMENT_POLICY } },
  });
  app = await createTestApp({
    taskQueue,
    objectionPolicyId: world.policyId,
    repairPolicyId,
    commitmentPolicyId,
    complaintPolicyId,
    evidence: { store: createLocalDiskFileStore(mkdtempSync(join(tmpdir(), 'authz-evidence-'))), maxBytes: 1024 * 1024 },
  });
});
afterAll(async () => {
  await stopWorker?.();
});
// A revoked repair bars the world's subject from repair (that row's fixture revokes one): lifted after each row, so
// the rows after it can still file repairs for the subject.
afterEach(async () => {
  await env.prisma.repairBar.deleteMany({ where: { subjectId: world.subjectId } });
});

function actorOf(caller: Sender): Actor | null {
  switch (caller) {
    case 'none':
      return null;
    case 'otherApplicant':
      return otherSubject.applicant;
    case 'foreignReviewer':
      return world.actors.foreignReviewer;
    default:
      return world.actors[caller];
  }
}

async function send(method: string, spec: ReturnType<RouteSpec['request']>, caller: Sender) {
  const actor = actorOf(caller);
  let req = request(app)[method.toLowerCase() as 'get' | 'post' | 'put'](spec.path);
  if (actor) req = req.set('Authorization', await bearer(actor));
  if (spec.upload) return req.attach('file', spec.upload, { filename: 'site-photo.png' });
  return spec.body === undefined ? req : req.send(spec.body);
}

/** Sends as `caller` and requires a 2xx: a step of preparing a fixture. */
async function step(method: string, spec: ReturnType<RouteSpec['request']>, caller: Sender) {
  const res = await send(method, spec, caller);
  expect(res.status, `preparing: ${method} ${spec.path} as ${caller}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res;
}

const currentStepOf = {
  objection: (id: string) => env.prisma.objection.findUnique({ where: { id } }).then((row) => row?.currentStep ?? undefined),
  rectification: (id: string) => env.prisma.rectification.findUnique({ where: { id } }).then((row) => row?.currentStep ?? undefined),
  repair: (id: string) => env.prisma.repairApplication.findUnique({ where: { id } }).then((row) => row?.currentStep ?? undefined),
  commitment: (id: string) => env.prisma.commitment.findUnique({ where: { id } }).then((row) => row?.currentStep ?? row?.status ?? undefined),
  complaint: (id: string) => env.prisma.complaint.findUnique({ where: { id } }).then((row) => row?.currentStep ?? undefined),
};

function complaintBody() {
  return { subjectId: world.subjectId, policyArea: 'OTHER', category: 'CONTRACT_NOT_HONOURED', summary: '中标合同未履行', anonymous: true };
}

/** Waits until the case's open step is `expected` (the workflow opens steps after the update that led to them). */
async function stepOpened(kind: keyof typeof currentStepOf, id: string, expected: string): Promise<void> {
  await eventually(async () => ((await currentStepOf[kind](id)) === expected ? true : undefined));
}

/** A record registered through the API by the authority's reviewer: its lifecycle workflow runs. */
async function registeredRecord(): Promise<string> {
  const registered = await step('POST', (MATRIX['POST /records']!.request as () => { path: string; body: object })(), 'reviewer');
  return registered.body.id as string;
}

/** Prepares a case in the state `kind` names, taking each step as the actor who may take it. */
async function prepare(kind: FixtureKind): Promise<Fixture> {
  const fx: Fixture = { caseId: '', recordId: '', rectificationId: '', fileId: '', repairId: '', commitmentId: '', proposalId: '', complaintId: '' };
  const objection = async () => {
    fx.recordId = await world.createRecord();
    const filed = await step('POST', { path: '/objections', body: { recordId: fx.recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误' } }, 'applicant');
    fx.caseId = filed.body.id;
    await stepOpened('objection', fx.caseId, 'ACCEPTANCE');
  };
  const objectionAct = (action: string, body: object, caller: Sender) => step('POST', { path: `/objections/${fx.caseId}/${action}`, body }, caller);
  const rectificationAct = (action: string, body: object) => step('POST', { path: `/rectifications/${fx.rectificationId}/${action}`, body }, 'applicant');
  const repairAct = (action: string, body: object, caller: Sender) => step('POST', { path: `/repairs/${fx.repairId}/${action}`, body }, caller);
  const complaintAct = (action: string, body: object, caller: Sender) => step('POST', { path: `/complaints/${fx.complaintId}/${action}`, body }, caller);
  const repair = async () => {
    fx.recordId = await registeredRecord();
    const filed = await step('POST', { path: '/repairs', body: { recordId: fx.recordId, materials: FULL_MATERIALS } }, 'applicant');
    fx.repairId = filed.body.id;
    await stepOpened('repair', fx.repairId, 'ACCEPTANCE');
  };
  const commitment = async () => {
    const registered = await step('POST', { path: '/commitments', body: commitmentRegistration(world) }, 'applicant');
    fx.commitmentId = registered.body.id;
    await stepOpened('commitment', fx.commitmentId, 'ACTIVE');
    if (kind === 'commitment') return;
    await step('POST', { path: `/commitments/${fx.commitmentId}/fulfilment`, body: { summary: '已履行', evidence: [{ title: '证明' }] } }, 'applicant');
    await stepOpened('commitment', fx.commitmentId, 'CHECK');
    if (kind === 'claimed-commitment') await step('POST', { path: `/commitments/${fx.commitmentId}/claim`, body: {} }, 'reviewer');
    if (kind === 'delegated-commitment') {
      await step('POST', { path: `/commitments/${fx.commitmentId}/claim`, body: {} }, 'reviewer2');
      await step('POST', { path: `/commitments/${fx.commitmentId}/delegation`, body: { colleagueId: world.actors.reviewer.id, note: '请协助核实' } }, 'reviewer2');
    }
  };
  switch (kind) {
    case 'commitment':
    case 'due-commitment':
    case 'claimed-commitment':
    case 'delegated-commitment':
      await commitment();
      break;
    case 'none':
      break;
    case 'dead-outbox-message':
      fx.caseId = uniqueId('outbox-dead');
      await env.prisma.outboxMessage.create({ data: { id: fx.caseId, topic: 'objection.decided', recipientId: world.actors.applicant.id, payload: {}, status: 'DEAD', attempts: 12, lastError: 'HTTP 500' } });
      break;
    case 'record':
      fx.recordId = await world.createRecord();
      break;
    case 'registered-record':
      fx.recordId = await registeredRecord();
      break;
    case 'revocation-proposed':
      fx.recordId = await registeredRecord();
      await step('POST', { path: `/records/${fx.recordId}/revocation`, body: { reason: '原决定已撤销' } }, 'reviewer');
      break;
    case 'leniency-proposed':
      fx.recordId = await registeredRecord();
      await step('POST', { path: `/records/${fx.recordId}/leniency`, body: { kind: 'LIGHTER', acts: ['RECOVERED_LOSSES'], reasons: '主动纠错' } }, 'reviewer');
      break;
    case 'objection':
      await objection();
      break;
    case 'claimed-objection':
      await objection();
      await objectionAct('claim', {}, 'reviewer');
      break;
    case 'objection-needs-correction':
      await objection();
      await objectionAct('correction-request', { missing: ['授权委托书'], reason: '材料不全' }, 'reviewer2');
      await stepOpened('objection', fx.caseId, 'CORRECTION');
      break;
    case 'paused-objection':
      await objection();
      await objectionAct('accept', {}, 'reviewer2');
      await stepOpened('objection', fx.caseId, 'VERIFICATION');
      await objectionAct('clock-stop', { cause: 'EXPERT_REVIEW', reason: '专家评审' }, 'reviewer2');
      break;
    case 'delegated-objection':
      await objection();
      await objectionAct('claim', {}, 'reviewer2');
      await objectionAct('delegation', { colleagueId: world.actors.reviewer.id, note: '请协助核实' }, 'reviewer2');
      break;
    case 'overdue-objection':
      // Its acceptance step ran past its due time (the read model the inbox and 催办 read).
      await objection();
      await env.prisma.objection.update({ where: { id: fx.caseId }, data: { dueAt: new Date(Date.now() - 86_400_000) } });
      break;
    case 'accepted-objection':
    case 'rejected-objection':
    case 'second-review-objection':
      // Accepted and decided by the second reviewer, so the callers (first reviewer, supervisor) are not the first deciders.
      await objection();
      await objectionAct('accept', {}, 'reviewer2');
      if (kind === 'accepted-objection') break;
      await objectionAct('decision', { outcome: 'REJECT', reasons: '经核实，记录无误' }, 'reviewer2');
      if (kind === 'rejected-objection') break;
      await objectionAct('second-review', { reason: '不服' }, 'applicant');
      await stepOpened('objection', fx.caseId, 'SECOND_REVIEW');
      break;
    case 'evidence': {
      await objection();
      const uploaded = await step('POST', { path: `/cases/objection/${fx.caseId}/evidence`, upload: PNG }, 'applicant');
      fx.fileId = uploaded.body.id;
      break;
    }
    case 'rectification':
    case 'explained-rectification':
    case 'completed-rectification':
    case 'claimed-rectification':
    case 'delegated-rectification': {
      const started = await startRectification(env.prisma, env.temporalClient, taskQueue, world);
      fx.rectificationId = started.rectificationId;
      fx.recordId = started.recordId;
      if (kind === 'rectification') break;
      await rectificationAct('explanation', { explanation: '原因', plan: '方案' });
      if (kind === 'explained-rectification') break;
      await rectificationAct('completion', { summary: '完成', evidence: [{ title: '报告' }] });
      await stepOpened('rectification', fx.rectificationId, 'REVIEW');
      if (kind === 'claimed-rectification') await step('POST', { path: `/rectifications/${fx.rectificationId}/claim`, body: {} }, 'reviewer');
      if (kind === 'delegated-rectification') {
        await step('POST', { path: `/rectifications/${fx.rectificationId}/claim`, body: {} }, 'reviewer2');
        await step('POST', { path: `/rectifications/${fx.rectificationId}/delegation`, body: { colleagueId: world.actors.reviewer.id, note: '请协助核实' } }, 'reviewer2');
      }
      break;
    }
    case 'repair':
      await repair();
      break;
    case 'complaint':
    case 'claimed-complaint':
    case 'delegated-complaint':
    case 'forwarded-complaint':
    case 'found-complaint': {
      // Registered by the authority's second reviewer as the credit office, and verified by the same authority.
      const filed = await step('POST', { path: '/complaints', body: complaintBody() }, 'reviewer2');
      fx.complaintId = filed.body.id;
      await stepOpened('complaint', fx.complaintId, 'INTAKE');
      if (kind === 'claimed-complaint') await complaintAct('claim', {}, 'reviewer');
      if (kind === 'delegated-complaint') {
        await complaintAct('claim', {}, 'reviewer2');
        await complaintAct('delegation', { colleagueId: world.actors.reviewer.id, note: '请协助核实' }, 'reviewer2');
      }
      if (kind === 'complaint' || kind === 'claimed-complaint' || kind === 'delegated-complaint') break;
      await complaintAct('forwarding', { competentAuthorityId: world.authorityId }, 'reviewer2');
      await stepOpened('complaint', fx.complaintId, 'VERIFICATION');
      if (kind === 'forwarded-complaint') break;
      await complaintAct('finding', { finding: 'UNFOUNDED', reasons: '不属实' }, 'reviewer2');
      await stepOpened('complaint', fx.complaintId, 'REPLY');
      break;
    }
    case 'record-proposal':
      fx.proposalId = (await proposeRecord(env.prisma, recordProposal(world, world.actors.reviewer2))).id;
      break;
    case 'claimed-repair':
      await repair();
      await repairAct('claim', {}, 'reviewer');
      break;
    case 'delegated-repair':
      await repair();
      await repairAct('claim', {}, 'reviewer2');
      await repairAct('delegation', { colleagueId: world.actors.reviewer.id, note: '请协助核实' }, 'reviewer2');
      break;
    case 'repair-needs-correction':
      await repair();
      await repairAct('correction-request', { missing: ['CREDIT_COMMITMENT'], reason: '缺少承诺书' }, 'reviewer2');
      break;
    case 'accepted-repair':
    case 'reviewed-repair':
    case 'approved-repair':
      await repair();
      await repairAct('acceptance', { note: '受理' }, 'reviewer2');
      await stepOpened('repair', fx.repairId, 'REVIEW');
      if (kind === 'accepted-repair') break;
      await repairAct('review', { recommendation: 'APPROVE', reasons: '符合条件' }, 'reviewer2');
      await stepOpened('repair', fx.repairId, 'APPROVAL');
      if (kind === 'reviewed-repair') break;
      await repairAct('decision', { approve: true, reasons: '同意' }, 'supervisor2');
      break;
  }
  return fx;
}

const admitted = (expected: Expected) => expected < 300 || expected === 409;

describe('authorization matrix', () => {
  it('has an expectation for every mounted route, and no expectation without a route', () => {
    const mounted = mountedRouteKeys(app);
    expect(mounted.length).toBeGreaterThan(40);
    expect(mounted.filter((route) => !(route in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !mounted.includes(route))).toEqual([]);
  });

  it.each(Object.keys(MATRIX))('%s answers every kind of caller as the matrix says', async (route) => {
    const spec = MATRIX[route]!;
    const [method] = route.split(' ') as [string];
    const shared = await prepare(spec.fixture);
    const answers: Record<string, number> = {};
    const details: Record<string, unknown> = {};
    let sharedActedOn = false;
    for (const caller of ROLES) {
      let fx = shared;
      if (method !== 'GET' && (admitted(spec.expect[caller]) || spec.refusedByCase?.includes(caller))) {
        if (sharedActedOn) fx = await prepare(spec.fixture);
        sharedActedOn = true;
      }
      const res = await send(method, spec.request(fx), caller);
      answers[caller] = res.status;
      if (res.status >= 400) {
        details[caller] = res.body?.detail;
        expect(res.headers['content-type'], `${route} as ${caller}`).toMatch(/application\/problem\+json/);
      }
    }
    const mismatches = ROLES.filter((caller) => answers[caller] !== spec.expect[caller]).map(
      (caller) => `${caller}: expected ${spec.expect[caller]}, got ${answers[caller]} (${String(details[caller] ?? '')})`,
    );
    expect(mismatches, `${route}: ${JSON.stringify(answers)}`).toEqual([]);
  });

  it('lists show each caller only the cases in their scope', async () => {
    const objection = await prepare('objection');
    const rectification = await prepare('rectification');
    const sees = { applicant: true, otherApplicant: false, reviewer: true, foreignReviewer: false, supervisor: true, admin: true };
    for (const [caller, visible] of Object.entries(sees) as [Caller, boolean][]) {
      const objections = await send('GET', { path: `/objections?recordId=${objection.recordId}` }, caller);
      const rectifications = await send('GET', { path: `/rectifications?recordId=${rectification.recordId}` }, caller);
      const recordIds = await allRecordIds(caller);
      expect(objections.body.items.map((c: { id: string }) => c.id), `objections as ${caller}`).toEqual(visible ? [objection.caseId] : []);
      expect(rectifications.body.items.map((c: { id: string }) => c.id), `rectifications as ${caller}`).toEqual(
        visible ? [rectification.rectificationId] : [],
      );
      expect(recordIds.includes(objection.recordId), `records as ${caller}`).toBe(visible);
    }
  });

  it('no permission that decides a case admits administrators', async () => {
    const { PERMISSIONS } = await import('../../api/access/permissions.js');
    const deciding = Object.entries(PERMISSIONS).filter(([, rule]) => rule.decides);
    expect(deciding.length).toBeGreaterThan(10);
    for (const [name, rule] of deciding) expect(rule.roles, name).not.toContain('ADMIN');
  });
});

/** Every page of the world's subject's records as `caller` sees them (the matrix's rows register many of them). */
async function allRecordIds(caller: Caller): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const res = await send('GET', { path: `/records?subjectId=${world.subjectId}&pageSize=100&page=${page}` }, caller);
    expect(res.status).toBe(200);
    const items = res.body.items as { id: string }[];
    ids.push(...items.map((r) => r.id));
    if (items.length < 100) return ids;
  }
}

function mountedRouteKeys(express: Express): string[] {
  return mountedRoutes(express).map(routeKey);
}
