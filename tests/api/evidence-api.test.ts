import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/roles.js';
import { verifyCaseChain } from '../../lib/audit/verify-audit.js';
import { createLocalDiskFileStore } from '../../lib/storage/local-disk-file-store.js';
import { bearer, createTestApp } from '../support/api-harness.js';
import { createObjectionWorld, type ObjectionWorld } from '../support/objection-fixtures.js';
import { startRealWorker } from '../support/real-worker.js';
import { getTestEnv, uniqueId } from '../support/test-env.js';

const env = await getTestEnv();
const taskQueue = uniqueId('evidence-api');
const MAX_BYTES = 64 * 1024;
const storeDir = mkdtempSync(join(tmpdir(), 'evidence-api-'));
let stopWorker: () => Promise<void>;
let app: Express;
let world: ObjectionWorld;
let caseId: string;
let recordId: string;

// --- real, small files built here -------------------------------------------------------------------------------
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** The start of a Windows executable (DOS header 'MZ' and the PE offset). */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(200)]);

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A stored (uncompressed) ZIP archive of the entries: enough to make a real, minimal DOCX. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

const DOCX = zip({
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  'word/document.xml': '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
});

/** An OLE compound file header whose directory names a WordDocument stream (a Word 97–2003 .doc). */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const DOC = Buffer.concat([OLE_MAGIC, Buffer.alloc(504), Buffer.from('Root Entry', 'utf16le'), Buffer.alloc(54), Buffer.from('WordDocument', 'utf16le'), Buffer.alloc(400)]);
const MSI = Buffer.concat([OLE_MAGIC, Buffer.alloc(504), Buffer.from('Root Entry', 'utf16le'), Buffer.alloc(500)]);

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function binary(res: request.Response, callback: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function upload(actor: Actor | null, content: Buffer, fileName: string, path = `/cases/objection/${caseId}/evidence`) {
  const req = request(app).post(path);
  if (actor) req.set('Authorization', await bearer(actor));
  return req.attach('file', content, { filename: fileName });
}

async function download(actor: Actor, fileId: string) {
  return request(app)
    .get(`/evidence/${fileId}/content`)
    .set('Authorization', await bearer(actor))
    .buffer(true)
    .parse(binary);
}

function expectProblem(res: request.Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|prisma|SELECT /i);
}

beforeAll(async () => {
  ({ stop: stopWorker } = await startRealWorker(taskQueue));
  world = await createObjectionWorld(env.prisma);
  app = await createTestApp({ taskQueue, objectionPolicyId: world.policyId, evidence: { store: createLocalDiskFileStore(storeDir), maxBytes: MAX_BYTES } });
  recordId = await world.createRecord();
  const filed = await request(app)
    .post('/objections')
    .set('Authorization', await bearer(world.actors.applicant))
    .send({ recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误' });
  expect(filed.status).toBe(201);
  caseId = filed.body.id as string;
});
afterAll(async () => {
  await stopWorker?.();
  rmSync(storeDir, { recursive: true, force: true });
});

describe('evidence files', () => {
  it('stores an applicant’s PDF with its SHA-256, a generated key and an audit event in the case’s chain', async () => {
    const res = await upload(world.actors.applicant, PDF, '履行完毕证明.pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      caseType: 'objection',
      caseId,
      fileName: '履行完毕证明.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: sha256(PDF),
      uploadedById: world.actors.applicant.id,
      contentUrl: `/evidence/${res.body.id}/content`,
    });
    expect(res.headers.location).toBe(`/evidence/${res.body.id}`);

    const row = await env.prisma.evidenceFile.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.storageKey).not.toMatch(/履行|pdf/);
    expect(existsSync(join(storeDir, ...row.storageKey.split('/')))).toBe(true);
    const event = await env.prisma.caseEvent.findUniqueOrThrow({ where: { eventKey: `evidence/${res.body.id}` } });
    expect(event).toMatchObject({ caseId, caseType: 'OBJECTION', type: 'EVIDENCE_UPLOADED', actorId: world.actors.applicant.id });
    expect(event.data).toMatchObject({ fileId: res.body.id, sha256: sha256(PDF) });
    expect(await verifyCaseChain(env.prisma, caseId)).toMatchObject({ ok: true });
  });

  it('lets the owner and the case’s reviewer download it as an attachment of its stored type', async () => {
    const { body: uploaded } = await upload(world.actors.reviewer, PNG, 'site-photo.PNG');
    expect(uploaded).toMatchObject({ mediaType: 'image/png', sha256: sha256(PNG) });
    for (const actor of [world.actors.reviewer, world.actors.applicant, world.actors.supervisor, world.actors.admin]) {
      const res = await download(actor, uploaded.id);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?site-photo\.PNG"?$/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(sha256(res.body as Buffer)).toBe(sha256(PNG));
    }
    const meta = await request(app).get(`/evidence/${uploaded.id}`).set('Authorization', await bearer(world.actors.applicant));
    expect(meta.status).toBe(200);
    expect(meta.body).toEqual(uploaded);
    const list = await request(app).get(`/cases/objection/${caseId}/evidence`).set('Authorization', await bearer(world.actors.applicant));
    expect(list.status).toBe(200);
    expect(list.body.items.map((f: { id: string }) => f.id)).toContain(uploaded.id);
  });

  it('hides the files of a case from whoever cannot see the case', async () => {
    const { body: uploaded } = await upload(world.actors.applicant, PDF, 'statement.pdf');
    for (const outsider of [world.actors.otherApplicant, world.actors.foreignReviewer]) {
      const token = await bearer(outsider);
      expectProblem(await request(app).get(`/evidence/${uploaded.id}`).set('Authorization', token), 404);
      expectProblem(await request(app).get(`/evidence/${uploaded.id}/content`).set('Authorization', token), 404);
      expectProblem(await request(app).get(`/cases/objection/${caseId}/evidence`).set('Authorization', token), 404);
      expectProblem(await upload(outsider, PDF, 'intrusion.pdf'), 404);
    }
    expectProblem(await request(app).get('/evidence/evd-does-not-exist').set('Authorization', await bearer(world.actors.admin)), 404);
  });

  it('refuses content that is not an accepted type, or whose name disagrees with it, with 415', async () => {
    expect((await upload(world.actors.applicant, EXE, 'invoice.pdf')).body.detail).toMatch(/not accepted/);
    expectProblem(await upload(world.actors.applicant, EXE, 'invoice.pdf'), 415);
    expectProblem(await upload(world.actors.applicant, PNG, 'scan.pdf'), 415);
    expectProblem(await upload(world.actors.applicant, PDF, 'scan'), 415);
    expectProblem(await upload(world.actors.applicant, Buffer.from('just some text, not a document'), 'notes.pdf'), 415);
    expectProblem(await upload(world.actors.applicant, MSI, 'setup.doc'), 415);
    const json = await request(app).post(`/cases/objection/${caseId}/evidence`).set('Authorization', await bearer(world.actors.applicant)).send({ file: 'x' });
    expectProblem(json, 415);
  });

  it('accepts office documents recognised by their content', async () => {
    const docx = await upload(world.actors.applicant, DOCX, '情况说明.docx');
    expect(docx.status).toBe(201);
    expect(docx.body.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const doc = await upload(world.actors.applicant, DOC, 'old-report.doc');
    expect(doc.status).toBe(201);
    expect(doc.body.mediaType).toBe('application/msword');
    expectProblem(await upload(world.actors.applicant, DOCX, 'report.xlsx'), 415);
  });

  it('refuses a file over the size limit with 413', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES + 1 - PDF.length, 0x20)]);
    expectProblem(await upload(world.actors.applicant, big, 'big.pdf'), 413);
    const exactly = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES - PDF.length, 0x20)]);
    expect((await upload(world.actors.applicant, exactly, 'limit.pdf')).status).toBe(201);
  });

  it('requires exactly one file in the field "file"', async () => {
    const token = await bearer(world.actors.applicant);
    const path = `/cases/objection/${caseId}/evidence`;
    expectProblem(await request(app).post(path).set('Authorization', token).field('title', 'no file'), 400);
    expectProblem(await request(app).post(path).set('Authorization', token).attach('document', PDF, 'a.pdf'), 400);
    expectProblem(await request(app).post(path).set('Authorization', token).attach('file', PDF, 'a.pdf').attach('file', PDF, 'b.pdf'), 400);
    expectProblem(await request(app).post(path).set('Authorization', token), 400);
    expectProblem(await request(app).post(path).set('Authorization', token).attach('file', Buffer.alloc(0), 'empty.pdf'), 400);
    const truncated = await request(app)
      .post(path)
      .set('Authorization', token)
      .set('Content-Type', 'multipart/form-data; boundary=XYZ')
      .send('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 trunc');
    expectProblem(truncated, 400);
  });

  it('requires a token, a role that may upload, and a known case type', async () => {
    expectProblem(await upload(null, PDF, 'a.pdf'), 401);
    expectProblem(await request(app).get(`/cases/objection/${caseId}/evidence`), 401);
    expectProblem(await upload(world.actors.admin, PDF, 'a.pdf'), 403);
    expectProblem(await upload(world.actors.applicant, PDF, 'a.pdf', `/cases/repairs/${caseId}/evidence`), 400);
    expectProblem(await upload(world.actors.applicant, PDF, 'a.pdf', `/cases/objection/OBJ-NOPE/evidence`), 404);
  });

  it('takes evidence on a record the applicant’s body is under, and an objection references it by id', async () => {
    const otherRecord = await world.createRecord();
    const res = await upload(world.actors.applicant, PDF, 'receipt.pdf', `/cases/record/${otherRecord}/evidence`);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ caseType: 'record', caseId: otherRecord });
    const event = await env.prisma.caseEvent.findUniqueOrThrow({ where: { eventKey: `evidence/${res.body.id}` } });
    expect(event.caseType).toBe('RECORD');

    const token = await bearer(world.actors.applicant);
    const { body: reviewersFile } = await upload(world.actors.reviewer, PNG, 'photo.png', `/cases/record/${otherRecord}/evidence`);
    const file = (evidence: object[]) =>
      request(app).post('/objections').set('Authorization', token).send({ recordId: otherRecord, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '已付清', evidence });
    const foreign = await file([{ title: '收据', fileId: res.body.id }, { title: '照片', fileId: reviewersFile.id }]);
    expectProblem(foreign, 400);
    expect(foreign.body.errors).toEqual([{ path: 'evidence.1.fileId', message: expect.any(String) }]);
    expectProblem(await file([{ title: '收据', fileId: 'evd-unknown' }]), 400);
    const filed = await file([{ title: '收据', fileId: res.body.id }]);
    expect(filed.status).toBe(201);
    expect(filed.body.evidence).toEqual([{ title: '收据', fileId: res.body.id }]);
  });
});

describe('evidence uploads: regressions of the security probe (issue 8, items 7–9)', () => {
  const uploadWithKey = async (key: string, content: Buffer, fileName: string) =>
    request(app)
      .post(`/cases/objection/${caseId}/evidence`)
      .set('Authorization', await bearer(world.actors.applicant))
      .set('Idempotency-Key', key)
      .attach('file', content, { filename: fileName });

  it('answers a retry with the same key and another file of the same size with 422, and replays the same file', async () => {
    const key = uniqueId('upload-key');
    const first = await uploadWithKey(key, PDF, '证明.pdf');
    expect(first.status).toBe(201);
    const samePdf = await uploadWithKey(key, PDF, '证明.pdf');
    expect(samePdf.status).toBe(201);
    expect(samePdf.headers['idempotent-replayed']).toBe('true');
    expect(samePdf.body.id).toBe(first.body.id);
    const altered = Buffer.from(PDF);
    altered[altered.length - 2] = 0x20; // same size, other content
    const other = await uploadWithKey(key, altered, '证明.pdf');
    expect(other.status).toBe(422);
  });

  it('does not store a 415 under its key: the corrected retry with the same key uploads', async () => {
    const key = uniqueId('upload-415');
    expect((await uploadWithKey(key, EXE, 'setup.pdf')).status).toBe(415);
    const corrected = await uploadWithKey(key, PDF, 'setup.pdf');
    expect(corrected.status).toBe(201);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
  });

  it('removes bidirectional and zero-width characters from file names, so the extension shown is the real one', async () => {
    const res = await upload(world.actors.applicant, PDF, '\u202e\u200bfdp.exe\u2066.pdf');
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe('fdp.exe.pdf');
    const disguised = await upload(world.actors.applicant, EXE, 'report\u202efdp.exe');
    expect(disguised.status).toBe(415);
  });

  it('refuses evidence for a closed case with 409 and writes no event', async () => {
    const closedRecord = await world.createRecord();
    const filed = await request(app)
      .post('/objections')
      .set('Authorization', await bearer(world.actors.applicant))
      .send({ recordId: closedRecord, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误' });
    const closedCase = filed.body.id as string;
    await env.prisma.objection.update({ where: { id: closedCase }, data: { status: 'DECIDED' } });
    const before = await env.prisma.caseEvent.count({ where: { caseId: closedCase } });
    const res = await upload(world.actors.applicant, PDF, '迟到的证明.pdf', `/cases/objection/${closedCase}/evidence`);
    expectProblem(res, 409);
    expect(await env.prisma.caseEvent.count({ where: { caseId: closedCase } })).toBe(before);
  });
});
