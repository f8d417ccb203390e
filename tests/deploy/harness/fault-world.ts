/**
 * The product under a fault test: a database of the test's own, people and records in it, a webhook receiver for
 * the outbox, cases brought to the step the test acts on, and what the test checks at the end (one event per
 * transition, the audit chain, the outbox).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCaseChain } from '../../../lib/audit/verify-audit.js';
import { createPrismaClient, type PrismaClient } from '../../../lib/prisma.js';
import { dropDatabase, setupDatabase } from '../../../scripts/db-setup.js';
import { createObjectionWorld, type ObjectionWorld } from '../../support/objection-fixtures.js';
import { postUntilAnswered } from './http-client.js';
import type { OsProcess } from './os-process.js';

export interface FaultDatabase {
  url: string;
  prisma: PrismaClient;
  dispose(): Promise<void>;
}

/** A fresh, migrated and seeded database on the server of `serverUrl`, dropped by dispose(). */
export async function createFaultDatabase(serverUrl: string, name = `credit_engine_fault_${process.pid}_${randomBytes(3).toString('hex')}`): Promise<FaultDatabase> {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await setupDatabase(url.toString(), { reset: true, quiet: true, log: () => {} });
  const prisma = createPrismaClient(url.toString());
  return {
    url: url.toString(),
    prisma,
    async dispose() {
      await prisma.$disconnect();
      await dropDatabase(url.toString());
    },
  };
}

export interface WebhookReceiver {
  url: string;
  /** Deliveries received per Idempotency-Key (the outbox message id). */
  deliveries: Map<string, number>;
  close(): Promise<void>;
}

/** The receiver of the outbox's notifications: counts each delivery by its Idempotency-Key and answers 200. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const deliveries = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const key = String(req.headers['idempotency-key'] ?? 'none');
    req.resume();
    req.on('end', () => {
      deliveries.set(key, (deliveries.get(key) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('webhook receiver has no address');
  return {
    url: `http://127.0.0.1:${address.port}/notify`,
    deliveries,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A scratch directory (the processes' DATA_DIR), removed by dispose(). */
export function scratchDir(): { path: string; dispose(): void } {
  const path = mkdtempSync(join(tmpdir(), 'fault-data-'));
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}

/** People, records and an objection policy; the worker processes count real working days, so no deadline passes. */
export function createFaultWorld(prisma: PrismaClient): Promise<ObjectionWorld> {
  return createObjectionWorld(prisma, { secondReviewAllowed: false });
}

async function inBatches<T, R>(items: T[], concurrency: number, each: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await each(items[index]!);
      }
    }),
  );
  return results;
}

/**
 * Files `count` objections through the API and accepts each, so each waits for its decision (UNDER_VERIFICATION).
 * Like any client, it retries a transient failure with the same Idempotency-Key (a loaded machine has them).
 */
export async function openCasesAwaitingDecision(api: OsProcess, baseUrl: string, world: ObjectionWorld, count: number, concurrency = 4): Promise<string[]> {
  const records = await inBatches(Array.from({ length: count }, (_, i) => i), 4, () => world.createRecord());
  return inBatches(records, concurrency, async (recordId) => {
    const body = { recordId, grounds: 'INACCURATE_OR_INCOMPLETE', statement: '金额错误' };
    const filed = await postUntilAnswered(() => baseUrl, '/objections', world.actors.applicant, body, `file-${recordId}`);
    if (filed.status !== 201) throw new Error(`filing answered ${JSON.stringify(filed)}\n${errorsOf(api)}`);
    const caseId = String(filed.body.id);
    const accepted = await postUntilAnswered(() => baseUrl, `/objections/${caseId}/accept`, world.actors.reviewer, {}, `accept-${caseId}`);
    if (accepted.status !== 200 || accepted.body.status !== 'UNDER_VERIFICATION') {
      throw new Error(`accepting ${caseId} answered ${JSON.stringify(accepted)}\n${errorsOf(api)}`);
    }
    return caseId;
  });
}

/** The error lines a process logged (pino level 50 and up), for a failing test's message. */
export function errorsOf(proc: OsProcess): string {
  return proc
    .output()
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line))
    .slice(-10)
    .join('\n');
}

/** The decision every fault test sends: a rejection, which closes the case (no second review) and notifies the applicant. */
export const DECISION = { outcome: 'REJECT', reasons: '经核查，记录无误' } as const;
export const decisionPath = (caseId: string) => `/objections/${caseId}/decision`;
export const decisionKey = (caseId: string) => `decide-${caseId}`;
/**
 * The events of a case filed, accepted and decided, each once and in this order; the acceptance step's opening comes
 * between FILED and ACCEPTED too when its deadline was computed before the acceptance arrived.
 */
export const DECIDED_CASE_EVENTS = ['FILED', 'ACCEPTED', 'STEP_OPENED:VERIFICATION', 'DECIDED'];
export const OPTIONAL_CASE_EVENTS = ['STEP_OPENED:ACCEPTANCE'];

/** How many of the cases have their DECIDED event written. */
export function decidedCount(prisma: PrismaClient, caseIds: string[]): Promise<number> {
  return prisma.caseEvent.count({ where: { caseId: { in: caseIds }, type: 'DECIDED' } });
}

export interface CaseOutcome {
  caseId: string;
  status: string | undefined;
  /** Event types of the case in order, a step's opening with its step: FILED, ACCEPTED, STEP_OPENED:VERIFICATION, DECIDED. */
  events: string[];
  chainOk: boolean;
}

/** Where each case stands in the database: read model status, its events in order, and its audit chain's verdict. */
export async function caseOutcomes(prisma: PrismaClient, caseIds: string[]): Promise<CaseOutcome[]> {
  const rows = await prisma.objection.findMany({ where: { id: { in: caseIds } }, select: { id: true, status: true } });
  const events = await prisma.caseEvent.findMany({ where: { caseId: { in: caseIds } }, orderBy: { id: 'asc' }, select: { caseId: true, type: true, data: true } });
  const label = (event: (typeof events)[number]) => (event.type === 'STEP_OPENED' ? `STEP_OPENED:${String((event.data as { step?: string }).step)}` : event.type);
  return inBatches(caseIds, 2, async (caseId) => ({
      caseId,
      status: rows.find((row) => row.id === caseId)?.status,
      events: events.filter((event) => event.caseId === caseId).map(label),
      chainOk: (await verifyCaseChain(prisma, caseId)).ok,
  }));
}

/** The outbox messages of the cases' decisions with their delivery state. */
export async function decisionMessages(prisma: PrismaClient, caseIds: string[]) {
  const messages = await prisma.outboxMessage.findMany({ where: { topic: 'objection.decided' }, select: { id: true, status: true, payload: true } });
  return messages.filter((message) => caseIds.includes(String((message.payload as { caseId?: string }).caseId)));
}
