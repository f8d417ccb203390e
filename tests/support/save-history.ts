import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { AesGcmPayloadCodec } from '../../lib/temporal-security/aes-gcm-payload-codec.js';
import { TEST_TEMPORAL_KEYS } from './temporal-test-keys.js';

const codec = new AesGcmPayloadCodec(TEST_TEMPORAL_KEYS.payload, TEST_TEMPORAL_KEYS.previousPayloadKeys);

/** Decodes every `payloads` list (and failure attributes) of a history in place, as the codec endpoint would. */
async function decodeAll(node: unknown): Promise<void> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) await decodeAll(item);
    return;
  }
  const object = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(object)) {
    if (key === 'payloads' && Array.isArray(value)) object[key] = await codec.decode(value as never);
    else if (key === 'encodedAttributes' && value && typeof value === 'object') object[key] = (await codec.decode([value as never]))[0];
    else await decodeAll(value);
  }
}

/**
 * With RECORD_HISTORIES=1, saves a finished workflow's history, decoded, to tests/workflows/histories/<name>.json for
 * the replay test: the in-test counterpart of scripts/record-history.sh (which needs a running product).
 */
export async function saveHistoryIfAsked(client: Client, workflowId: string, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  await decodeAll(history);
  // The workflow id is part of the name: signed signals are verified against it on replay.
  const path = fileURLToPath(new URL(`../workflows/histories/${name}--${workflowId}.json`, import.meta.url));
  writeFileSync(path, `${JSON.stringify(JSON.parse(historyToJSON(history)), null, 2)}\n`);
}
