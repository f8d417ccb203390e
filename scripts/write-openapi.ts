/**
 * Writes the API's OpenAPI document (the same one GET /openapi.json serves) to a file, without a running server:
 * the console's typed client is generated from it at build time. Usage: `npx tsx scripts/write-openapi.ts OUT.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildOpenApiDocument } from '../api/openapi/openapi-document.js';

const out = process.argv[2];
if (!out) {
  console.error('usage: tsx scripts/write-openapi.ts OUT.json');
  process.exit(2);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
