import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { readCaseMetrics, type CaseMetricsSnapshot } from './case-metrics.js';

/** How long one read of the case counts serves scrapes (several gauges, and several scrapers, share it). */
const SNAPSHOT_TTL_MS = 2_000;

export interface ApiMetrics {
  registry: Registry;
  /** Times every request by method, route template (never the concrete path: ids would explode the label set) and status. */
  observeRequests: RequestHandler;
}

/** The API's Prometheus registry: process metrics, request latency, and case/outbox gauges computed on scrape. */
export function createApiMetrics(prisma: PrismaClient): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'API request latency by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  let cached: { at: number; snapshot: Promise<CaseMetricsSnapshot> } | undefined;
  const snapshot = (): Promise<CaseMetricsSnapshot> => {
    if (!cached || Date.now() - cached.at > SNAPSHOT_TTL_MS) {
      const read = readCaseMetrics(prisma);
      cached = { at: Date.now(), snapshot: read };
      read.catch(() => (cached = undefined));
    }
    return cached.snapshot;
  };

  new Gauge({
    name: 'credit_cases',
    help: 'Cases by type (OBJECTION, RECTIFICATION, REPAIR) and status',
    labelNames: ['type', 'status'] as const,
    registers: [registry],
    async collect() {
      const { casesByStatus } = await snapshot();
      this.reset();
      for (const row of casesByStatus) this.set({ type: row.type, status: row.status }, row.count);
    },
  });
  new Gauge({
    name: 'credit_cases_overdue',
    help: 'Open cases past their due date, by type',
    labelNames: ['type'] as const,
    registers: [registry],
    async collect() {
      const { overdue } = await snapshot();
      for (const row of overdue) this.set({ type: row.type }, row.count);
    },
  });
  new Gauge({
    name: 'credit_cases_escalated',
    help: 'Open cases escalated after a missed deadline, by type',
    labelNames: ['type'] as const,
    registers: [registry],
    async collect() {
      const { escalated } = await snapshot();
      for (const row of escalated) this.set({ type: row.type }, row.count);
    },
  });
  new Gauge({
    name: 'credit_outbox_messages',
    help: 'Notification outbox messages by status (PENDING, DELIVERED, DEAD)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const { outboxByStatus } = await snapshot();
      this.reset();
      for (const status of ['PENDING', 'DELIVERED', 'DEAD']) this.set({ status }, 0);
      for (const row of outboxByStatus) this.set({ status: row.status }, row.count);
    },
  });

  const observeRequests: RequestHandler = (req, res, next) => {
    const end = duration.startTimer();
    res.once('finish', () => {
      const route = req.route ? `${req.baseUrl}${String((req.route as { path: unknown }).path)}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };

  return { registry, observeRequests };
}
