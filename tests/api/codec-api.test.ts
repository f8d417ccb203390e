import { defaultPayloadConverter } from '@temporalio/common';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING } from '../../lib/temporal-security/aes-gcm-payload-codec.js';
import { deriveTemporalKeys } from '../../lib/temporal-security/temporal-keys.js';
import { bearer, createTestApp, TEST_UI_ORIGIN } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { TEST_TEMPORAL_KEYS } from '../support/temporal-test-keys.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
let app: Express;
let world: ObjectionWorld;

beforeAll(async () => {
  world = await createObjectionWorld(env.prisma);
  app = await createTestApp({ taskQueue: uniqueId('codec-api') });
});

const b64 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('base64');
const asJson = (payloads: Array<{ metadata?: Record<string, Uint8Array | null> | null; data?: Uint8Array | null }>) => ({
  payloads: payloads.map((p) => ({ metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, b64(v)])), data: b64(p.data) })),
});

const REASON = { reasons: '欠款金额有误', applicant: '110101199001011234' };

describe('the remote codec of the Temporal Web UI and CLI (POST /codec/decode, /codec/encode)', () => {
  it('an administrator decodes a payload as Temporal stores it; plaintext payloads of older histories pass unchanged', async () => {
    const [encrypted] = await new AesGcmPayloadCodec(TEST_TEMPORAL_KEYS.payload).encode([defaultPayloadConverter.toPayload(REASON)]);
    expect(Buffer.from(encrypted!.metadata!.encoding!).toString()).toBe(ENCRYPTED_ENCODING);
    const plain = defaultPayloadConverter.toPayload({ old: true });

    const res = await request(app).post('/codec/decode').set('Authorization', await bearer(world.actors.admin)).set('X-Namespace', 'default').send(asJson([encrypted!, plain]));
    expect(res.status).toBe(200);
    const [decoded, passed] = res.body.payloads as Array<{ metadata: Record<string, string>; data: string }>;
    expect(Buffer.from(decoded!.metadata.encoding!, 'base64').toString()).toBe('json/plain');
    expect(JSON.parse(Buffer.from(decoded!.data, 'base64').toString())).toEqual(REASON);
    expect(JSON.parse(Buffer.from(passed!.data, 'base64').toString())).toEqual({ old: true });
  });

  it('encode gives payloads the product decodes, and a payload of another key is a 400 problem, not a 500', async () => {
    const admin = await bearer(world.actors.admin);
    const encoded = await request(app).post('/codec/encode').set('Authorization', admin).send(asJson([defaultPayloadConverter.toPayload(REASON)]));
    expect(encoded.status).toBe(200);
    const [payload] = encoded.body.payloads as Array<{ metadata: Record<string, string>; data: string }>;
    expect(Buffer.from(payload!.data, 'base64').toString('utf8')).not.toContain('欠款金额有误');

    const foreign = new AesGcmPayloadCodec(deriveTemporalKeys({ installationSecret: 'another-installation-secret-0123456789abcdef' }).payload);
    const [alien] = await foreign.encode([defaultPayloadConverter.toPayload(REASON)]);
    const refused = await request(app).post('/codec/decode').set('Authorization', admin).send(asJson([alien!]));
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('staff are refused (403); the Web UI origin passes CORS, another origin does not', async () => {
    const staff = await request(app).post('/codec/decode').set('Authorization', await bearer(world.actors.supervisor)).send({ payloads: [] });
    expect(staff.status).toBe(403);

    const preflight = await request(app)
      .options('/codec/decode')
      .set('Origin', TEST_UI_ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type,x-namespace');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(TEST_UI_ORIGIN);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);

    const other = await request(app).options('/codec/decode').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
