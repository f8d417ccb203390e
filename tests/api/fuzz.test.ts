/**
 * Fuzz-style test of the whole HTTP API: every mounted route gets malformed requests (wrong JSON types, missing and
 * unknown fields, oversize strings and bodies, invalid UTF-8, bad JSON, prototype-pollution keys, SQL/NoSQL
 * injection strings, path traversal and hostile ids, huge numbers, arrays for objects, wrong content types, bad
 * query strings) with valid admin, reviewer and applicant tokens. No answer may be a 5xx; every refusal is a
 * problem+json without stack traces or SQL; nothing in the database changes.
 *
 * Reproducible: a seeded generator (FUZZ_SEED, default below) picks the variants; a failure names the seed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/roles.js';
import { searchTextSchema } from '../../api/work/work-item-schemas.js';
import { createLocalDiskFileStore } from '../../lib/storage/local-disk-file-store.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { startRealWorker } from '../support/real-worker.js';
import { createRecordWorld, type RecordWorld } from '../support/record-fixtures.js';
import { startRectification } from '../support/rectification-fixtures.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';
import { mountedRoutes, type MountedRoute } from '../support/mounted-routes.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_129);

/** mulberry32: a small, good-enough seeded PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)]!;
    },
    hex: (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join(''),
  };
}
const rng = prng(SEED);

const env = await getTestEnv();
const taskQueue = uniqueId('fuzz');
const storeDir = mkdtempSync(join(tmpdir(), 'fuzz-evidence-'));
let stopWorker: () => Promise<void>;
let app: Express;
let server: Server;
let world: RecordWorld;
let existing: Record<string, string>;

// --- hostile values ---------------------------------------------------------------------------------------------
const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE \"Objection\"; --",
  '1; SELECT pg_sleep(5)--',
  '" UNION SELECT * FROM "User" --',
  '{"$gt": ""}',
  '{"$where": "sleep(1000)"}',
  '$ne',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '%00',
  'null\u0000byte',
  '\u202Eevil\u202C',
  '\ud800',
  '𠜎'.repeat(50),
];
const HUGE_NUMBERS = [1e308, -1e308, 2 ** 53 + 1, -1, 0.5, 1e-320];
/** Path segments, already percent-encoded, that name no case (or no valid id). */
const HOSTILE_IDS = [
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2f',
  "%27%20OR%20%271%27%3D%271",
  '%7B%22%24gt%22%3A%22%22%7D',
  '%24where',
  '%00',
  '%FF%FE%FD',
  '%E4%B8',
  'x'.repeat(3_000),
  '__proto__',
  'constructor',
  '-1',
  '99999999999999999999999999',
  '1e999',
  'OBJ-20260101-DEADBEEF00',
  '%F0%9F%92%A9',
];
const BAD_JSON = ['{"a":', '{a:1}', '[1,2', "{'a':1}", '{"a":1,}', '{"a":01}', '{"a":"\\x"}', '{"a":NaN}', 'null', '"text"', '12', 'true', '{"a":1}{"b":2}', '\uFEFF{"a":1'];

// --- the routes and what OpenAPI says they take ---------------------------------------------------------------------
type JsonSchema = { $ref?: string; type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; enum?: unknown[]; items?: JsonSchema; anyOf?: JsonSchema[] };
interface OpenApi {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
let openApi: OpenApi;

function resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  return openApi.components?.schemas?.[schema.$ref.split('/').pop()!];
}
function operationOf(route: MountedRoute) {
  return openApi.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
}
function bodySchemaOf(route: MountedRoute): JsonSchema | undefined {
  return resolve(operationOf(route)?.requestBody?.content['application/json']?.schema);
}
function queryParamsOf(route: MountedRoute): string[] {
  return (operationOf(route)?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
}

/** A value of a type the property does not have. */
function wrongValue(schema: JsonSchema | undefined): unknown {
  const resolved = resolve(schema);
  const type = Array.isArray(resolved?.type) ? resolved.type.find((t) => t !== 'null') : resolved?.type;
  switch (type) {
    case 'string':
      return rng.pick<unknown>([12345, true, { $gt: '' }, [rng.pick(INJECTIONS)], 1e308]);
    case 'number':
    case 'integer':
      return rng.pick<unknown>(["1 OR 1=1", '9'.repeat(400), { $gt: 0 }, [1], true]);
    case 'boolean':
      return rng.pick<unknown>(['true', 1, 'yes', { $ne: false }]);
    case 'array':
      return rng.pick<unknown>([{ '0': 'x' }, 'a,b', 42, { $in: [] }]);
    case 'object':
      return rng.pick<unknown>([[1, 2], "' OR 1=1", 7]);
    default:
      return { $where: '1==1', __proto__x: rng.pick(INJECTIONS) };
  }
}

/** A plausible-looking value for a property: the dangerous kind (injections, huge numbers, long strings). */
function hostileValue(): unknown {
  return rng.pick<() => unknown>([
    () => rng.pick(INJECTIONS),
    () => rng.pick(HUGE_NUMBERS),
    () => 'x'.repeat(100 * 1024),
    () => [rng.pick(INJECTIONS)],
    () => ({ title: rng.pick(INJECTIONS) }),
  ])();
}

/** A JSON body the route must refuse: every documented field hostile, at least one of a wrong type, an unknown key. */
function malformedObject(route: MountedRoute): Record<string, unknown> {
  const schema = bodySchemaOf(route);
  const properties = Object.entries(schema?.properties ?? {});
  const body: Record<string, unknown> = {};
  for (const [name] of properties) if (rng.next() < 0.7) body[name] = hostileValue();
  const [forced] = properties.length ? [rng.pick(properties)] : [];
  if (forced) body[forced[0]] = wrongValue(forced[1]);
  body[`unexpected_${rng.hex(4)}`] = rng.pick(INJECTIONS);
  return body;
}

interface FuzzRequest {
  label: string;
  method: string;
  url: string;
  actor: Actor;
  contentType?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  multipart?: { field: string; content: Buffer; fileName: string };
  /** false when the route takes no input that could be malformed here: a 2xx is fine. */
  mustRefuse: boolean;
}

const REUSED_KEY = `reused-${Date.now().toString(36)}`;

function bodyVariants(route: MountedRoute): Omit<FuzzRequest, 'method' | 'url' | 'actor' | 'mustRefuse'>[] {
  const json = (label: string, value: unknown) => ({ label, contentType: 'application/json', body: JSON.stringify(value) });
  const protoBody = `{"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}},"unexpected":1}`;
  const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
  return [
    json('wrong types', malformedObject(route)),
    json('wrong types', malformedObject(route)),
    json('missing fields, unknown key', { [`unknown_${rng.hex(6)}`]: rng.pick(INJECTIONS) }),
    json('array for object', [malformedObject(route)]),
    // Otherwise plausible text the database cannot store (NUL, a lone surrogate): a 400, not a database error.
    json('unstorable text', Object.fromEntries(Object.keys(bodySchemaOf(route)?.properties ?? { text: {} }).map((k) => [k, rng.pick(['a\u0000b', 'x\ud800y', '\udfff'])]))),
    json('huge numbers', Object.fromEntries(Object.keys(bodySchemaOf(route)?.properties ?? { n: {} }).map((k) => [k, rng.pick(HUGE_NUMBERS)]))),
    json('oversize strings', { ...malformedObject(route), padding: 'x'.repeat(100 * 1024) }),
    { label: 'body over the 256 KB limit', contentType: 'application/json', body: JSON.stringify({ padding: 'y'.repeat(300 * 1024) }) },
    { label: 'bad JSON', contentType: 'application/json', body: rng.pick(BAD_JSON) },
    { label: 'bad JSON', contentType: 'application/json', body: rng.pick(BAD_JSON) },
    { label: 'prototype pollution', contentType: 'application/json', body: protoBody },
    { label: 'deep nesting', contentType: 'application/json', body: deep },
    // Issue 8: hashing the body for the idempotency store once recursed into 8,000 levels and answered 500.
    { label: 'deep nesting with a key', contentType: 'application/json', headers: { 'Idempotency-Key': `deep-${rng.hex(8)}` }, body: `${'{"a":'.repeat(8_000)}1${'}'.repeat(8_000)}` },
    // Issue 8: one key reused across every action and route must never replay another route's answer.
    { label: 'key reused across actions', contentType: 'application/json', headers: { 'Idempotency-Key': REUSED_KEY }, body: JSON.stringify(malformedObject(route)) },
    { label: 'invalid UTF-8', contentType: 'application/json', body: Buffer.concat([Buffer.from('{"reason":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]), Buffer.from('","x":1}')]) },
    { label: 'invalid UTF-8', contentType: 'application/json', body: Buffer.from([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d]) },
    { label: 'wrong content type', contentType: 'text/plain', body: JSON.stringify(malformedObject(route)) },
    { label: 'wrong content type', contentType: 'application/x-www-form-urlencoded', body: 'reason=x&__proto__[admin]=1&constructor[prototype][x]=1' },
    { label: 'wrong content type', contentType: 'application/xml', body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' },
    { label: 'unsupported charset', contentType: 'application/json; charset=utf-16', body: Buffer.from('{"a":1}', 'utf16le') },
    { label: 'bad gzip', contentType: 'application/json', headers: { 'Content-Encoding': 'gzip' }, body: Buffer.from('not gzip at all') },
    { label: 'unknown encoding', contentType: 'application/json', headers: { 'Content-Encoding': 'x-evil' }, body: '{}' },
    { label: 'gzip bomb-ish', contentType: 'application/json', headers: { 'Content-Encoding': 'gzip' }, body: gzipSync(Buffer.from(`{"p":"${'z'.repeat(2 * 1024 * 1024)}"}`)) },
    { label: 'bad Idempotency-Key', contentType: 'application/json', headers: { 'Idempotency-Key': rng.pick(['', 'a', "' OR 1=1", 'x'.repeat(500)]) }, body: JSON.stringify(malformedObject(route)) },
    { label: 'malformed multipart', contentType: 'multipart/form-data; boundary=B', body: '--B\r\nContent-Disposition: form-data; name="file"; filename="../../x.pdf"\r\n\r\n%PDF-' },
    { label: 'multipart without boundary', contentType: 'multipart/form-data', body: 'garbage' },
    { label: 'executable upload', multipart: { field: 'file', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]), fileName: '..%2F..%2Fevil.pdf' } },
    { label: 'garbage upload', multipart: { field: rng.pick(['file', '__proto__', 'constructor']), content: Buffer.from(Array.from({ length: 512 }, () => rng.int(256))), fileName: `${rng.pick(INJECTIONS)}.exe` } },
  ];
}

/** Percent-encodes; a lone surrogate (not encodable) becomes the invalid UTF-8 bytes of one. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

/** A free-text search (q, of the inbox and of the public records alike) takes what the searched fields hold: such a value is valid there, not hostile. */
const validSearch = (value: string) => searchTextSchema.safeParse(value).success;

function queryVariants(route: MountedRoute): string[] {
  const params = queryParamsOf(route);
  const BAD_VALUES = ["' OR 1=1--", '{"$gt":""}', '../..', 'x'.repeat(5_000), '2025-13-45 25:61', '1e999;', '<b>0x10</b>', 'NaN; --'];
  const bad = (name: string) => `${encode(name)}=${encode(rng.pick<string>(name === 'q' ? BAD_VALUES.filter((v) => !validSearch(v)) : BAD_VALUES))}`;
  const variants = [
    `__proto__[polluted]=yes&constructor[prototype][polluted]=yes`,
    `%24where=1&%24gt=`,
    `unknown_${rng.hex(4)}=${encode(rng.pick(INJECTIONS))}`,
    'page=%ZZ&pageSize=%',
    'page=1&page=2&pageSize=1&pageSize=5',
  ];
  for (const name of params) {
    // Letters only (50 × 𠜎) are a valid free-text search (q), and hostile in every other parameter.
    const injections = name === 'q' ? INJECTIONS.filter((value) => !validSearch(value)) : INJECTIONS;
    variants.push(bad(name), `${encode(name)}[]=1`, `${encode(name)}=${encode(rng.pick(injections))}`);
  }
  return variants;
}

function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => values[name] ?? 'unknown');
}

function buildRequests(): FuzzRequest[] {
  const actors = [world.actors.admin, world.actors.reviewer, world.actors.applicant];
  const requests: FuzzRequest[] = [];
  for (const route of mountedRoutes(app)) {
    const hasParams = route.path.includes(':');
    // Every query schema is strict: on a route that reads its query, each of these is a 400. Others ignore it.
    const readsQuery = queryParamsOf(route).length > 0;
    const hostilePath = () =>
      fillPath(route.path, Object.fromEntries(Object.keys(existing).map((name) => [name, rng.next() < 0.5 ? rng.pick(HOSTILE_IDS) : `${name}-${rng.hex(8)}`])));
    if (route.method === 'GET') {
      for (const query of queryVariants(route)) {
        requests.push({ label: `bad query ${query.slice(0, 40)}`, method: 'GET', url: `${fillPath(route.path, existing)}?${query}`, actor: rng.pick(actors), mustRefuse: readsQuery });
      }
      if (hasParams) for (let i = 0; i < 8; i++) requests.push({ label: 'hostile path', method: 'GET', url: hostilePath(), actor: rng.pick(actors), mustRefuse: true });
      requests.push({ label: 'body on GET', method: 'GET', url: fillPath(route.path, existing), actor: rng.pick(actors), contentType: 'application/json', body: '{"a":', mustRefuse: false });
      continue;
    }
    // Issue 8: case and trailing-slash variants of a path are other (unknown) paths, never aliases of the route.
    const exact = fillPath(route.path, existing);
    const upperFirst = exact.replace(/^\/(\w)/, (_m, c: string) => `/${c.toUpperCase()}`);
    for (const url of [`${exact}/`, upperFirst]) {
      requests.push({ label: 'path variant', method: route.method, url, actor: rng.pick(actors), contentType: 'application/json', body: JSON.stringify(malformedObject(route)), mustRefuse: true });
    }
    for (const variant of bodyVariants(route)) {
      // Each malformed body once against the real case (the dangerous one), and a few against hostile ids.
      requests.push({ ...variant, method: route.method, url: fillPath(route.path, existing), actor: rng.pick(actors), mustRefuse: true });
      if (hasParams && rng.next() < 0.3) requests.push({ ...variant, method: route.method, url: hostilePath(), actor: rng.pick(actors), mustRefuse: true });
    }
  }
  return requests;
}

async function send(fuzz: FuzzRequest): Promise<request.Response> {
  const method = fuzz.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
  const req = request(server)[method](fuzz.url).timeout({ response: 15_000 }).set('Authorization', await bearer(fuzz.actor));
  for (const [name, value] of Object.entries(fuzz.headers ?? {})) req.set(name, value);
  if (fuzz.multipart) return req.attach(fuzz.multipart.field, fuzz.multipart.content, { filename: fuzz.multipart.fileName });
  if (fuzz.contentType) req.set('Content-Type', fuzz.contentType);
  return fuzz.body === undefined ? req : req.send(fuzz.body);
}

// --- what "the database did not change" means while other test files run next to this one --------------------------
async function snapshot() {
  const actorIds = Object.values(world.actors).map((a) => a.id);
  const subjects = [world.subjectId, world.civilServantId];
  const authorities = [world.authorityId, world.otherAuthorityId];
  const caseIds = [existing.caseId!, existing.recordId!, existing.rectificationId!, ...subjects];
  const p = env.prisma;
  const [objections, records, repairs, rectifications, evidence, events, revisions, leniency, versions] = await Promise.all([
    p.objection.findMany({ where: { OR: [{ subjectId: { in: subjects } }, { applicantId: { in: actorIds } }] }, orderBy: { id: 'asc' } }),
    p.dishonestyRecord.findMany({ where: { OR: [{ subjectId: { in: subjects } }, { authorityId: { in: authorities } }, { registeredById: { in: actorIds } }] }, orderBy: { id: 'asc' } }),
    p.repairApplication.findMany({ where: { OR: [{ subjectId: { in: subjects } }, { applicantId: { in: actorIds } }] }, orderBy: { id: 'asc' } }),
    p.rectification.findMany({ where: { subjectId: { in: subjects } }, orderBy: { id: 'asc' } }),
    p.evidenceFile.findMany({ where: { OR: [{ uploadedById: { in: actorIds } }, { caseId: { in: caseIds } }] }, orderBy: { id: 'asc' } }),
    p.caseEvent.findMany({ where: { caseType: { not: 'ACCESS' }, OR: [{ actorId: { in: actorIds } }, { caseId: { in: caseIds } }] }, orderBy: { id: 'asc' } }),
    p.calendarRevision.count({ where: { actorId: { in: actorIds } } }),
    p.leniencyDecision.count({ where: { OR: [{ proposedById: { in: actorIds } }, { decidedById: { in: actorIds } }] } }),
    p.recordVersion.count({ where: { actorId: { in: actorIds } } }),
  ]);
  const calendarDays = await p.calendarDay.count({ where: { year: 2025 } });
  const policies = await p.policy.count({ where: { id: { in: [world.policyId, world.publicationPolicyId, world.rectificationPolicyId] } } });
  return JSON.parse(
    JSON.stringify({ objections, records, repairs, rectifications, evidence, events, revisions, leniency, versions, calendarDays, policies }, (_k, v: unknown) =>
      typeof v === 'bigint' ? v.toString() : v,
    ),
  ) as unknown;
}

beforeAll(async () => {
  // The real calendar: no reminder or escalation of the existing cases fires (and writes) while the fuzzer runs.
  ({ stop: stopWorker } = await startRealWorker(taskQueue, { timeScale: {} }));
  world = await createRecordWorld(env.prisma);
  app = await createTestApp({
    taskQueue,
    objectionPolicyId: world.policyId,
    publicationPolicyId: world.publicationPolicyId,
    rectificationPolicyId: world.rectificationPolicyId,
    evidence: { store: createLocalDiskFileStore(storeDir), maxBytes: 64 * 1024 },
  });
  server = app.listen(0, '127.0.0.1');
  openApi = (await request(server).get('/openapi.json')).body as OpenApi;

  const recordId = await world.createRecord();
  const filed = await request(server)
    .post('/objections')
    .set('Authorization', await bearer(world.actors.applicant))
    .send({ recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误' });
  expect(filed.status).toBe(201);
  const rectification = await startRectification(env.prisma, env.temporalClient, taskQueue, world);
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
  const uploaded = await request(server)
    .post(`/cases/objection/${filed.body.id}/evidence`)
    .set('Authorization', await bearer(world.actors.applicant))
    .attach('file', png, 'photo.png');
  expect(uploaded.status).toBe(201);
  // From here on the cases stand still (no worker: no timers, reminders or steps write anything), so any change
  // in the database during the fuzzing comes from a request; a request that reached a workflow would time out.
  await stopWorker();
  existing = {
    caseId: filed.body.id as string,
    recordId,
    rectificationId: rectification.rectificationId,
    subjectId: world.subjectId,
    fileId: uploaded.body.id as string,
    caseType: 'objection',
    year: '2025',
    applicationId: `REP-${rng.hex(8)}`,
  };
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await stopWorker?.(); // already stopped unless the set-up failed
  rmSync(storeDir, { recursive: true, force: true });
});

describe(`fuzzing every route with malformed requests (FUZZ_SEED=${SEED})`, () => {
  it('answers only 4xx problem documents (never a 5xx) and changes nothing in the database', { timeout: 600_000 }, async () => {
    const requests = buildRequests();
    expect(requests.length).toBeGreaterThan(500);
    const routes = new Set(mountedRoutes(app).map((r) => `${r.method} ${r.path}`));
    expect(routes.size).toBeGreaterThan(30);

    const before = await snapshot();
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const fuzz of requests) {
      let res: request.Response;
      try {
        res = await send(fuzz);
      } catch (err) {
        failures.push(`${fuzz.method} ${fuzz.url.slice(0, 120)} [${fuzz.label}]: transport error ${(err as Error).message}`);
        continue;
      }
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const where = `${fuzz.method} ${fuzz.url.slice(0, 120)} [${fuzz.label}] as ${fuzz.actor.role} → ${res.status}`;
      const text = typeof res.text === 'string' ? res.text : '';
      if (res.status >= 500) failures.push(`${where}: server error ${text.slice(0, 200)}`);
      else if (res.status < 400 && fuzz.mustRefuse) failures.push(`${where}: accepted a malformed request`);
      if (res.status >= 400) {
        if (!/application\/problem\+json/.test(String(res.headers['content-type']))) failures.push(`${where}: not a problem document (${res.headers['content-type']})`);
        if (/\bat .+\.(ts|js):\d+|node_modules|prisma|postgres|SELECT |INSERT |UPDATE "|relation "|syntax error|stack/i.test(text)) {
          failures.push(`${where}: leaks internals: ${text.slice(0, 200)}`);
        }
      }
    }
    const after = await snapshot();

    console.log(`[fuzz] seed ${SEED}: ${requests.length} requests over ${routes.size} routes; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(failures, `FUZZ_SEED=${SEED}`).toEqual([]);
    expect(after).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
