import express, { type Express } from 'express';
import type { AppDeps } from './app-deps.js';
import { accessDeniedRecorder } from './audit/access-denied-audit.js';
import { auditRouter } from './audit/audit-router.js';
import { identify, rejectFailedAuthentication, requireAuthenticated } from './auth/authenticate.js';
import { createTokenVerifier } from './auth/token-verifier.js';
import { codecRouter } from './codec/codec-router.js';
import { calendarRouter } from './calendar/calendar-router.js';
import { errorMiddleware, notFoundHandler } from './errors/error-middleware.js';
import { meRouter } from './me-router.js';
import { idempotency } from './middleware/idempotency.js';
import { rateLimitPerActor } from './middleware/rate-limit.js';
import { requestId } from './middleware/request-id.js';
import { securityHeaders } from './middleware/security-headers.js';
import { createObjectionService } from './objections/objection-service.js';
import { objectionRouter } from './objections/objection-router.js';
import { buildOpenApiDocument } from './openapi/openapi-document.js';
import { eligibilityRouter } from './eligibility/eligibility-router.js';
import { EVIDENCE_UPLOAD_ROUTE, evidenceRouter } from './evidence/evidence-router.js';
import { jsonBodyOnly } from './middleware/json-body-only.js';
import { createEvidenceService } from './evidence/evidence-service.js';
import { createLocalDiskFileStore } from '../lib/storage/local-disk-file-store.js';
import { publicRouter } from './public/public-router.js';
import { createRecordImporter } from './records/record-import.js';
import { createRecordService } from './records/record-service.js';
import { recordRouter } from './records/record-router.js';
import { createComplaintService } from './complaints/complaint-service.js';
import { complaintPublicRouter, complaintRouter } from './complaints/complaint-router.js';
import { createRecordProposalService } from './record-proposals/record-proposal-service.js';
import { recordProposalRouter } from './record-proposals/record-proposal-router.js';
import { createRepairService } from './repairs/repair-service.js';
import { repairRouter } from './repairs/repair-router.js';
import { commitmentRouter } from './commitments/commitment-router.js';
import { createCommitmentService } from './commitments/commitment-service.js';
import { consoleStatic } from './console/console-static.js';
import { csrfProtection, identifySession } from './session/session-auth.js';
import { sessionRouter } from './session/session-router.js';
import { oidcRouter } from './session/oidc-router.js';
import { createOidcSignIn } from '../lib/oidc-sign-in.js';
import { createSessionStore } from './session/session-store.js';
import { statsRouter } from './stats/stats-router.js';
import { statsTrendsRouter } from './stats/stats-trends-router.js';
import { auditEventsRouter } from './audit/audit-events-router.js';
import { outboxRouter } from './outbox/outbox-router.js';
import { userRouter } from './users/user-router.js';
import { authorityRouter } from './authorities/authority-router.js';
import { workItemRouter } from './work/work-item-router.js';
import { stepWorkRouter } from './claims/step-work-router.js';
import { createApiMetrics } from './observability/api-metrics.js';
import { healthRouter } from './observability/health-router.js';
import { metricsRouter } from './observability/metrics-router.js';
import { requestLog } from './observability/request-log.js';
import { traceRequests } from './observability/trace-requests.js';
import { rectificationRouter } from './rectifications/rectification-router.js';
import { createRectificationService } from './rectifications/rectification-service.js';

const DEFAULT_EVIDENCE_DIR = '.data/evidence';
const DEFAULT_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

const DEFAULT_RATE_LIMIT_PER_MINUTE = 300;

/** Builds the HTTP API without listening (server.ts listens; tests use supertest). */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('case sensitive routing', true);
  app.set('strict routing', true);
  const metrics = createApiMetrics(deps.prisma);
  if (deps.tracer) app.use(traceRequests(deps.tracer));
  app.use(requestId, securityHeaders, metrics.observeRequests, requestLog(deps.logger));

  const openApi = buildOpenApiDocument();
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  // Probes and the scraper have credentials of their own (none, METRICS_TOKEN), never a user's token.
  app.use(healthRouter({ prisma: deps.prisma, temporal: deps.temporal, taskQueue: deps.taskQueue }));
  app.use(metricsRouter(metrics.registry, deps.metricsToken));

  const verifier = createTokenVerifier({ prisma: deps.prisma, local: deps.tokens, oidc: deps.oidc });
  const sessions = createSessionStore(deps.prisma);
  app.use(consoleStatic(deps.console));
  // Who is asking: a bearer token (a token that was sent must be valid), else the console's session cookie; then the
  // per-actor rate limit and, for cookie sessions, CSRF protection, before any body is parsed.
  app.use(identify(verifier), identifySession(sessions), rateLimitPerActor({ perMinute: deps.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE }), rejectFailedAuthentication, csrfProtection);
  // Before the app's JSON parser: history payloads need a larger body limit (and CORS for the Temporal Web UI).
  app.use(codecRouter({ codec: deps.payloadCodec, uiOrigins: deps.temporalUiOrigins ?? [] }));
  // A batch of records (up to 1,000) is larger than any other body.
  app.use('/records/batch', express.json({ limit: '2mb', strict: true }));
  app.use(express.json({ limit: '256kb', strict: true }));

  app.use(publicRouter(deps.prisma, deps.deadlines.timeZone));
  const complaints = createComplaintService({ ...deps, timeZone: deps.deadlines.timeZone });
  app.use(complaintPublicRouter(complaints));
  app.use(sessionRouter(deps.prisma, sessions));
  const signIn = deps.oidcSignIn ? createOidcSignIn(deps.oidcSignIn) : undefined;
  app.use(oidcRouter({ prisma: deps.prisma, sessions, logger: deps.logger, signIn, installationSecret: deps.tokens.secret }));

  const objections = createObjectionService({ ...deps, timeZone: deps.deadlines.timeZone });
  const rectifications = createRectificationService(deps);
  const records = createRecordService({ ...deps, timeZone: deps.deadlines.timeZone });
  // Malformed bodies are refused before the idempotency store sees them: a corrected retry with the same key runs.
  app.use(requireAuthenticated, jsonBodyOnly([EVIDENCE_UPLOAD_ROUTE]));
  app.use(idempotency({ prisma: deps.prisma, logger: deps.logger }));
  app.use(meRouter());
  app.use(objectionRouter(objections, deps.prisma));
  app.use(rectificationRouter(rectifications, deps.prisma));
  app.use(recordRouter(records, createRecordImporter({ ...deps, timeZone: deps.deadlines.timeZone })));
  app.use(recordProposalRouter(createRecordProposalService({ ...deps, timeZone: deps.deadlines.timeZone })));
  app.use(eligibilityRouter(deps.prisma));
  const evidence = deps.evidence ?? { store: createLocalDiskFileStore(DEFAULT_EVIDENCE_DIR), maxBytes: DEFAULT_EVIDENCE_MAX_BYTES };
  app.use(evidenceRouter(createEvidenceService({ prisma: deps.prisma, store: evidence.store, logger: deps.logger }), { maxBytes: evidence.maxBytes }));
  app.use(auditRouter(deps.prisma, deps.auditPublicKey));
  app.use(statsRouter(deps.prisma, deps.deadlines));
  app.use(statsTrendsRouter(deps.prisma, deps.deadlines.timeZone));
  // The console's views: a person's work across case types, names on cases, the audit log and the outbox.
  app.use(workItemRouter(deps.prisma), userRouter(deps.prisma), authorityRouter(deps.prisma), auditEventsRouter(deps.prisma), outboxRouter(deps.prisma));
  const repairs = createRepairService({ ...deps, timeZone: deps.deadlines.timeZone });
  app.use(repairRouter(repairs, deps.prisma));
  const commitments = createCommitmentService({ ...deps, timeZone: deps.deadlines.timeZone });
  app.use(commitmentRouter(commitments, deps.prisma));
  app.use(stepWorkRouter({ prisma: deps.prisma, logger: deps.logger, acts: { OBJECTION: objections.act, RECTIFICATION: rectifications.act, REPAIR: repairs.act, COMPLAINT: complaints.act, COMMITMENT: commitments.act } }));
  app.use(complaintRouter(complaints, deps.prisma));
  // Every case type with working-day deadlines recomputes them when a year is published or corrected.
  const onCalendarChanged = async (year: number) =>
    (await objections.recomputeDeadlines(year)) +
    (await rectifications.recomputeDeadlines(year)) +
    (await repairs.recomputeDeadlines(year)) +
    (await complaints.recomputeDeadlines(year)) +
    (await commitments.recomputeDeadlines(year));
  app.use(calendarRouter({ ...deps, onCalendarChanged }));

  app.use(notFoundHandler);
  app.use(errorMiddleware(deps.logger, { onDenied: accessDeniedRecorder(deps.prisma, deps.logger) }));
  return app;
}
