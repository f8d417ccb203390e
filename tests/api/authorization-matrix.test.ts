/**
 * The authorization matrix as a whole: every mounted route × every kind of caller, against an explicit table of
 * expected answers. A route without a row (or a row without a route) fails the first test, so a new endpoint cannot
 * ship without saying who may call it.
 *
 * Expected answers:
 * - 200, 201, 204, 400, 401, 403, 404: exactly that status.
 * - PASS: the caller passed every authorization gate (role, scope, four-eyes) and the case's state decides the
 *   outcome: a 2xx, or a 409 when the state does not allow the action (e.g. the second of two allowed callers).
 *   Never 400, 401, 403, 404 or 5xx (request bodies are valid, so a 400 would be a failed test too).
 *
 * Roles run in the order of ROLES below on a fresh case per route: refusals (role, then scope) are checked before a
 * case's state, so an earlier caller's successful action never turns a later caller's refusal into a 409.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPAIR_POLICY } from '../../domain/repair/repair-policy.js';
import type { Actor } from '../../domain/roles.js';
import { createLocalDiskFileStore } from '../../lib/storage/local-disk-file-store.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { createObjectionWorld, randomCreditCode, type ObjectionWorld } from '../support/objection-fixtures.js';
import { startRealWorker } from '../support/real-worker.js';
import { startRectification } from '../support/rectification-fixtures.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';
import { mountedRoutes, routeKey } from '../support/mounted-routes.js';

const env = await getTestEnv();
const taskQueue = uniqueId('authz-matrix');

const PASS = 'PASS';
type Expected = 200 | 201 | 204 | 400 | 401 | 403 | 404 | typeof PASS;

const ROLES = ['applicant', 'otherApplicant', 'reviewer', 'foreignReviewer', 'supervisor', 'admin', 'none'] as const;
type Caller = (typeof ROLES)[number];

/** Columns: APPLICANT of the subject, APPLICANT of another subject, REVIEWER of the authority, REVIEWER of another authority, SUPERVISOR (of the authority), ADMIN, no token. */
function e(applicant: Expected, otherApplicant: Expected, reviewer: Expected, foreignReviewer: Expected, supervisor: Expected, admin: Expected, none: Expected = 401) {
  return { applicant, otherApplicant, reviewer, foreignReviewer, supervisor, admin, none };
}
const ALL_200 = e(200, 200, 200, 200, 200, 200);
const PUBLIC = e(200, 200, 200, 200, 200, 200, 200);
/** A case read: its parties and its authority's staff see it, administrators see all, anyone else gets 404. */
const CASE_READ = e(200, 404, 200, 404, 200, 200);
/** A decision of the applicant (their own case). */
const APPLICANT_ACTS = e(PASS, 404, 403, 403, 403, 403);
/** A decision of the authority's staff. */
const STAFF_ACTS = e(403, 403, PASS, 404, PASS, 403);
/** A decision of a supervisor of the authority. */
const SUPERVISOR_ACTS = e(403, 403, 403, 403, PASS, 403);

type FixtureKind = 'none' | 'objection' | 'rectification' | 'record' | 'evidence';

interface Fixture {
  caseId: string;
  recordId: string;
  rectificationId: string;
  fileId: string;
}

interface RouteSpec {
  fixture: FixtureKind;
  request: (fx: Fixture) => { path: string; body?: object; upload?: Buffer };
  expect: Record<Caller, Expected>;
}

const NO_BODY = (path: string) => () => ({ path });
const UNKNOWN_REPAIR = 'REP-20250101-NOSUCHCASE';
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let world: ObjectionWorld;
let otherSubject: { subjectId: string; applicant: Actor };
let app: Express;
let stopWorker: () => Promise<void>;
let repairPolicyId: string;

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
  'POST /auth/logout': { fixture: 'none', request: () => ({ path: '/auth/logout', body: {} }), expect: e(204, 204, 204, 204, 204, 204, 204) },
  'GET /stats/cases': { fixture: 'none', request: NO_BODY('/stats/cases'), expect: e(403, 403, 403, 403, 403, 200) },

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
    fixture: 'objection',
    request: (fx) => ({ path: `/objections/${fx.caseId}/decision`, body: { outcome: 'DELETE', reasons: '认定有误' } }),
    expect: STAFF_ACTS,
  },
  'POST /objections/{caseId}/extension': {
    fixture: 'objection',
    request: (fx) => ({ path: `/objections/${fx.caseId}/extension`, body: { workingDays: 2, reason: '需要调取案卷' } }),
    expect: SUPERVISOR_ACTS,
  },
  'POST /objections/{caseId}/second-review': {
    fixture: 'objection',
    request: (fx) => ({ path: `/objections/${fx.caseId}/second-review`, body: { reason: '不服' } }),
    expect: APPLICANT_ACTS,
  },
  'POST /objections/{caseId}/second-review/decision': {
    fixture: 'objection',
    request: (fx) => ({ path: `/objections/${fx.caseId}/second-review/decision`, body: { upholdRejection: true, reasons: '维持' } }),
    expect: SUPERVISOR_ACTS,
  },
  'POST /objections/{caseId}/withdraw': { fixture: 'objection', request: (fx) => ({ path: `/objections/${fx.caseId}/withdraw`, body: {} }), expect: APPLICANT_ACTS },
  'POST /objections/{caseId}/claim': { fixture: 'objection', request: (fx) => ({ path: `/objections/${fx.caseId}/claim`, body: {} }), expect: STAFF_ACTS },
  'POST /objections/{caseId}/release': {
    fixture: 'objection',
    request: (fx) => ({ path: `/objections/${fx.caseId}/release`, body: {} }),
    // The claimer or an administrator; on this unclaimed case every admitted caller gets 409.
    expect: e(403, 403, PASS, 404, PASS, PASS),
  },
  'POST /objections/{caseId}/assignment': {
    fixture: 'objection',
    request: (fx) => ({ path: `/objections/${fx.caseId}/assignment`, body: { assigneeId: world.actors.reviewer2.id } }),
    expect: e(403, 403, 403, 403, 403, PASS),
  },

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
    fixture: 'rectification',
    request: (fx) => ({ path: `/rectifications/${fx.rectificationId}/progress`, body: { note: '进展' } }),
    expect: APPLICANT_ACTS,
  },
  'POST /rectifications/{rectificationId}/completion': {
    fixture: 'rectification',
    request: (fx) => ({ path: `/rectifications/${fx.rectificationId}/completion`, body: { summary: '完成', evidence: [{ title: '报告' }] } }),
    expect: APPLICANT_ACTS,
  },
  'POST /rectifications/{rectificationId}/review': {
    fixture: 'rectification',
    request: (fx) => ({ path: `/rectifications/${fx.rectificationId}/review`, body: { accept: true, reasons: '到位' } }),
    expect: STAFF_ACTS,
  },
  'POST /rectifications/{rectificationId}/extension': {
    fixture: 'rectification',
    request: (fx) => ({ path: `/rectifications/${fx.rectificationId}/extension`, body: { workingDays: 5, reason: '延期' } }),
    expect: SUPERVISOR_ACTS,
  },
  'POST /rectifications/{rectificationId}/claim': {
    fixture: 'rectification',
    request: (fx) => ({ path: `/rectifications/${fx.rectificationId}/claim`, body: {} }),
    expect: STAFF_ACTS,
  },
  'POST /rectifications/{rectificationId}/release': {
    fixture: 'rectification',
    request: (fx) => ({ path: `/rectifications/${fx.rectificationId}/release`, body: {} }),
    expect: e(403, 403, PASS, 404, PASS, PASS),
  },
  'POST /rectifications/{rectificationId}/assignment': {
    fixture: 'rectification',
    request: (fx) => ({ path: `/rectifications/${fx.rectificationId}/assignment`, body: { assigneeId: world.actors.reviewer2.id } }),
    expect: e(403, 403, 403, 403, 403, PASS),
  },

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
    expect: e(403, 403, PASS, PASS, PASS, 403),
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
    expect: e(403, 403, PASS, PASS, PASS, 403),
  },
  'GET /records': { fixture: 'none', request: NO_BODY('/records'), expect: ALL_200 },
  'GET /records/{recordId}': { fixture: 'record', request: (fx) => ({ path: `/records/${fx.recordId}` }), expect: CASE_READ },
  'POST /records/{recordId}/revocation': {
    fixture: 'record',
    request: (fx) => ({ path: `/records/${fx.recordId}/revocation`, body: { reason: '原决定已撤销' } }),
    expect: STAFF_ACTS,
  },
  'POST /records/{recordId}/revocation/decision': {
    fixture: 'record',
    request: (fx) => ({ path: `/records/${fx.recordId}/revocation/decision`, body: { approve: true, reasons: '同意撤销' } }),
    expect: SUPERVISOR_ACTS,
  },
  'POST /records/{recordId}/leniency': {
    fixture: 'record',
    request: (fx) => ({ path: `/records/${fx.recordId}/leniency`, body: { kind: 'LIGHTER', acts: ['RECOVERED_LOSSES'], reasons: '主动纠错' } }),
    expect: STAFF_ACTS,
  },
  'POST /records/{recordId}/leniency/decision': {
    fixture: 'record',
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

  // --- credit repair (role gate on an unknown application: admitted callers get 404, the others 403) ----------------
  'GET /records/{recordId}/repair-eligibility': { fixture: 'record', request: (fx) => ({ path: `/records/${fx.recordId}/repair-eligibility` }), expect: CASE_READ },
  'POST /repairs': {
    fixture: 'record',
    request: (fx) => ({ path: '/repairs', body: { recordId: fx.recordId, materials: [{ kind: 'APPLICATION_FORM', title: '信用修复申请书' }] } }),
    expect: e(PASS, 404, 403, 403, 403, 403),
  },
  'GET /repairs': { fixture: 'none', request: NO_BODY('/repairs'), expect: ALL_200 },
  'GET /repairs/{applicationId}': { fixture: 'none', request: NO_BODY(`/repairs/${UNKNOWN_REPAIR}`), expect: e(404, 404, 404, 404, 404, 404) },
  ...repairActions({
    acceptance: ['staff', { note: '受理' }],
    'correction-request': ['staff', { missing: ['CREDIT_COMMITMENT'], reason: '缺少承诺书' }],
    materials: ['applicant', { materials: [{ kind: 'CREDIT_COMMITMENT', title: '信用承诺书' }] }],
    'refusal-to-accept': ['staff', { reason: '不予受理' }],
    review: ['staff', { recommendation: 'APPROVE', reasons: '符合条件' }],
    return: ['staff', { reasons: '补充材料' }],
    decision: ['supervisor', { approve: true, reasons: '同意' }],
    withdrawal: ['applicant', {}],
    revocation: ['supervisor', { reason: '材料虚假' }],
    extension: ['supervisor', { reason: '需进一步核实' }],
  }),
  'POST /repairs/{applicationId}/claim': { fixture: 'none', request: NO_BODY(`/repairs/${UNKNOWN_REPAIR}/claim`), expect: e(403, 403, 404, 404, 404, 403) },
  'POST /repairs/{applicationId}/release': { fixture: 'none', request: NO_BODY(`/repairs/${UNKNOWN_REPAIR}/release`), expect: e(403, 403, 404, 404, 404, 404) },
  'POST /repairs/{applicationId}/assignment': {
    fixture: 'none',
    request: () => ({ path: `/repairs/${UNKNOWN_REPAIR}/assignment`, body: { assigneeId: world.actors.reviewer2.id } }),
    expect: e(403, 403, 403, 403, 403, 404),
  },
};

/** Repair actions on an unknown application: the role gate answers 403, an admitted caller learns nothing but 404. */
function repairActions(actions: Record<string, ['staff' | 'applicant' | 'supervisor', object]>): Record<string, RouteSpec> {
  const gates = { staff: e(403, 403, 404, 404, 404, 403), applicant: e(404, 404, 403, 403, 403, 403), supervisor: e(403, 403, 403, 403, 404, 403) };
  return Object.fromEntries(
    Object.entries(actions).map(([path, [who, body]]) => [
      `POST /repairs/{applicationId}/${path}`,
      { fixture: 'none' as const, request: () => ({ path: `/repairs/${UNKNOWN_REPAIR}/${path}`, body }), expect: gates[who] },
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
  repairPolicyId = `${uniqueId('repair-matrix')}@1`;
  await env.prisma.policy.create({
    data: { id: repairPolicyId, name: repairPolicyId.split('@')[0]!, processType: 'REPAIR', version: 1, active: false, params: { ...DEFAULT_REPAIR_POLICY } },
  });
  app = await createTestApp({
    taskQueue,
    objectionPolicyId: world.policyId,
    repairPolicyId,
    evidence: { store: createLocalDiskFileStore(mkdtempSync(join(tmpdir(), 'authz-evidence-'))), maxBytes: 1024 * 1024 },
  });
});
afterAll(async () => {
  await stopWorker?.();
});

function actorOf(caller: Caller): Actor | null {
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

async function send(method: string, spec: ReturnType<RouteSpec['request']>, caller: Caller) {
  const actor = actorOf(caller);
  let req = request(app)[method.toLowerCase() as 'get' | 'post' | 'put'](spec.path);
  if (actor) req = req.set('Authorization', await bearer(actor));
  if (spec.upload) return req.attach('file', spec.upload, { filename: 'site-photo.png' });
  return spec.body === undefined ? req : req.send(spec.body);
}

async function fixture(kind: FixtureKind): Promise<Fixture> {
  const fx: Fixture = { caseId: '', recordId: '', rectificationId: '', fileId: '' };
  if (kind === 'record') fx.recordId = await world.createRecord();
  if (kind === 'objection' || kind === 'evidence') {
    fx.recordId = await world.createRecord();
    const filed = await send('POST', { path: '/objections', body: { recordId: fx.recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误' } }, 'applicant');
    expect(filed.status).toBe(201);
    fx.caseId = filed.body.id;
  }
  if (kind === 'evidence') {
    const uploaded = await send('POST', { path: `/cases/objection/${fx.caseId}/evidence`, upload: PNG }, 'applicant');
    expect(uploaded.status).toBe(201);
    fx.fileId = uploaded.body.id;
  }
  if (kind === 'rectification') {
    const started = await startRectification(env.prisma, env.temporalClient, taskQueue, world);
    fx.rectificationId = started.rectificationId;
    fx.recordId = started.recordId;
  }
  return fx;
}

function meets(status: number, expected: Expected): boolean {
  if (expected === PASS) return (status >= 200 && status < 300) || status === 409;
  return status === expected;
}

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
    const fx = await fixture(spec.fixture);
    const answers: Record<string, number> = {};
    for (const caller of ROLES) {
      const res = await send(method, spec.request(fx), caller);
      answers[caller] = res.status;
      if (res.status >= 400) expect(res.headers['content-type'], `${route} as ${caller}`).toMatch(/application\/problem\+json/);
    }
    const mismatches = ROLES.filter((caller) => !meets(answers[caller]!, spec.expect[caller])).map(
      (caller) => `${caller}: expected ${spec.expect[caller]}, got ${answers[caller]}`,
    );
    expect(mismatches, `${route}: ${JSON.stringify(answers)}`).toEqual([]);
  });

  it('lists show each caller only the cases in their scope', async () => {
    const objection = await fixture('objection');
    const rectification = await fixture('rectification');
    const sees = { applicant: true, otherApplicant: false, reviewer: true, foreignReviewer: false, supervisor: true, admin: true };
    for (const [caller, visible] of Object.entries(sees) as [Caller, boolean][]) {
      const objections = await send('GET', { path: `/objections?recordId=${objection.recordId}` }, caller);
      const rectifications = await send('GET', { path: `/rectifications?recordId=${rectification.recordId}` }, caller);
      const records = await send('GET', { path: `/records?subjectId=${world.subjectId}&pageSize=100` }, caller);
      expect(objections.body.items.map((c: { id: string }) => c.id), `objections as ${caller}`).toEqual(visible ? [objection.caseId] : []);
      expect(rectifications.body.items.map((c: { id: string }) => c.id), `rectifications as ${caller}`).toEqual(
        visible ? [rectification.rectificationId] : [],
      );
      const recordIds = records.body.items.map((r: { id: string }) => r.id);
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

function mountedRouteKeys(express: Express): string[] {
  return mountedRoutes(express).map(routeKey);
}
