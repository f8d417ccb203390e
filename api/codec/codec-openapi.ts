import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { jsonBody, jsonResponse, problemResponses } from '../openapi/openapi-helpers.js';
import { codecBodySchema } from './codec-schemas.js';

export function registerCodecOpenApi(registry: OpenAPIRegistry): void {
  for (const [action, summary] of [
    ['decode', 'Decrypt payloads of Temporal workflow histories (the Web UI’s and CLI’s remote codec)'],
    ['encode', 'Encrypt payloads with the installation’s payload key (remote codec protocol)'],
  ] as const) {
    registry.registerPath({
      method: 'post',
      path: `/codec/${action}`,
      summary,
      description: 'Roles: ADMIN. Body and answer follow the Temporal codec server protocol: `{"payloads":[{"metadata":{…base64},"data":"base64"}]}`. CORS allows the Temporal Web UI origins (TEMPORAL_UI_ORIGIN).',
      tags: ['temporal'],
      request: { body: jsonBody(codecBodySchema) },
      responses: { 200: jsonResponse('The payloads, in the same order', codecBodySchema), ...problemResponses(400, 401, 403) },
    });
  }
}
