import express, { type Express } from 'express';
import type { AppDeps } from './app-deps.js';
import { authenticate } from './auth/authenticate.js';
import { calendarRouter } from './calendar/calendar-router.js';
import { errorMiddleware, notFoundHandler } from './errors/error-middleware.js';
import { meRouter } from './me-router.js';
import { requestId } from './middleware/request-id.js';
import { securityHeaders } from './middleware/security-headers.js';
import { createObjectionService } from './objections/objection-service.js';
import { objectionRouter } from './objections/objection-router.js';
import { buildOpenApiDocument } from './openapi/openapi-document.js';
import { eligibilityRouter } from './eligibility/eligibility-router.js';
import { publicRouter } from './public/public-router.js';
import { createRecordService } from './records/record-service.js';
import { recordRouter } from './records/record-router.js';
import { rectificationRouter } from './rectifications/rectification-router.js';
import { createRectificationService } from './rectifications/rectification-service.js';

/** Builds the HTTP API without listening (server.ts listens; tests use supertest). */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestId, securityHeaders);
  app.use(express.json({ limit: '256kb', strict: true }));

  const openApi = buildOpenApiDocument();
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });

  app.use(publicRouter(deps.prisma));

  const objections = createObjectionService(deps);
  const rectifications = createRectificationService(deps);
  const records = createRecordService(deps);
  app.use(authenticate(deps.tokens));
  app.use(meRouter());
  app.use(objectionRouter(objections));
  app.use(rectificationRouter(rectifications));
  app.use(recordRouter(deps.prisma, records));
  app.use(eligibilityRouter(deps.prisma));
  app.use(calendarRouter({ ...deps, onCalendarChanged: async () => (await objections.recomputeProvisionalDeadlines()) + (await rectifications.recomputeProvisionalDeadlines()) }));

  app.use(notFoundHandler);
  app.use(errorMiddleware(deps.logger));
  return app;
}
