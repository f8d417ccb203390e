import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { registerAuditOpenApi } from '../audit/audit-openapi.js';
import { registerCommitmentOpenApi } from '../commitments/commitment-openapi.js';
import { registerCodecOpenApi } from '../codec/codec-openapi.js';
import { registerCalendarOpenApi } from '../calendar/calendar-openapi.js';
import { registerEvidenceOpenApi } from '../evidence/evidence-openapi.js';
import { registerRectificationOpenApi } from '../rectifications/rectification-openapi.js';
import { registerObjectionOpenApi } from './openapi-objections.js';
import { registerRecordOpenApi } from './openapi-records.js';
import { registerObservabilityOpenApi } from '../observability/observability-openapi.js';
import { registerRepairOpenApi } from '../repairs/repair-openapi.js';
import { registerComplaintOpenApi } from '../complaints/complaint-openapi.js';
import { registerRecordProposalOpenApi } from '../record-proposals/record-proposal-openapi.js';
import { registerSessionOpenApi } from '../session/session-openapi.js';
import { registerStatsOpenApi } from '../stats/stats-openapi.js';
import { registerStatsTrendsOpenApi } from '../stats/stats-trends-openapi.js';
import { registerAdminViewsOpenApi } from '../outbox/outbox-openapi.js';
import { registerUserOpenApi } from '../users/user-openapi.js';
import { registerAuthorityOpenApi } from '../authorities/authority-openapi.js';
import { registerWorkItemOpenApi } from '../work/work-item-openapi.js';
import { registerStepWorkOpenApi } from '../claims/step-work-openapi.js';

/** The OpenAPI document of the routes createApp mounts. */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  registerObjectionOpenApi(registry);
  registerCalendarOpenApi(registry);
  registerRecordOpenApi(registry);
  registerRepairOpenApi(registry);
  registerRecordProposalOpenApi(registry);
  registerComplaintOpenApi(registry);
  registerRectificationOpenApi(registry);
  registerCommitmentOpenApi(registry);
  registerEvidenceOpenApi(registry);
  registerAuditOpenApi(registry);
  registerCodecOpenApi(registry);
  registerSessionOpenApi(registry);
  registerStatsOpenApi(registry);
  registerStatsTrendsOpenApi(registry);
  registerWorkItemOpenApi(registry);
  registerStepWorkOpenApi(registry);
  registerUserOpenApi(registry);
  registerAuthorityOpenApi(registry);
  registerAdminViewsOpenApi(registry);
  registerObservabilityOpenApi(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Credit objection and repair engine',
      version: '0.1.0',
      description: 'Objections (异议) against government dishonesty records, their workflow and audit trail.',
    },
    security: [{ bearerAuth: [] }],
  });
}
