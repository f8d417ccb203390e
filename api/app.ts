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
import { recordRouter } from './records/record-router.js';

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

  const objections = createObjectionService(deps);
  app.use(authenticate(deps.tokens));
  app.use(meRouter());
  app.use(objectionRouter(objections));
  app.use(recordRouter(deps.prisma));
  app.use(calendarRouter({ ...deps, onCalendarChanged: () => objections.recomputeProvisionalDeadlines() }));

  app.use(notFoundHandler);
  app.use(errorMiddleware(deps.logger));
  return app;
}
