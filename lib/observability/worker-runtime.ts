import { DefaultLogger, Runtime, type LogEntry, type LogLevel } from '@temporalio/worker';
import type { Logger } from '../logger.js';

const PINO_LEVEL: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

const TEMPORAL_LEVEL: Record<string, LogLevel> = { trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR', fatal: 'ERROR' };

/** What a workflow id names: a case (objection, repair), a record (its lifecycle, its rectification) or a subject. */
export function caseOfWorkflowId(workflowId: unknown): { caseId?: string; recordId?: string; subjectId?: string } {
  if (typeof workflowId !== 'string') return {};
  const match = /^(objection|repair|record|rectification|eligibility)-(.+)$/.exec(workflowId);
  if (!match) return {};
  const [, kind, id] = match as unknown as [string, string, string];
  if (kind === 'objection' || kind === 'repair') return { caseId: id };
  if (kind === 'eligibility') return { subjectId: id };
  return { recordId: id };
}

/** Forwards the SDK's log entries (workflow, activity and worker logs, with workflowId in their metadata) to pino. */
export function forwardToPino(logger: Logger): (entry: LogEntry) => void {
  return (entry) => {
    const meta = entry.meta ?? {};
    logger[PINO_LEVEL[entry.level]]({ ...meta, ...caseOfWorkflowId(meta.workflowId) }, entry.message);
  };
}

export interface WorkerRuntimeOptions {
  logger: Logger;
  /** pino level name of the process (LOG_LEVEL); 'silent' logs errors only. */
  logLevel: string;
  /** host:port where the SDK serves Prometheus metrics at /metrics (TEMPORAL_METRICS_BIND_ADDRESS); unset: none. */
  metricsBindAddress?: string | undefined;
}

/**
 * Installs the Temporal runtime of a worker process, before its first connection: SDK logs as JSON lines through
 * the product's logger (so worker logs carry workflowId and caseId), and the SDK's worker metrics (task slots,
 * poll and schedule-to-start latencies, sticky cache) on a Prometheus endpoint of its own.
 */
export function installWorkerRuntime(options: WorkerRuntimeOptions): Runtime {
  return Runtime.install({
    logger: new DefaultLogger(TEMPORAL_LEVEL[options.logLevel] ?? 'ERROR', forwardToPino(options.logger)),
    telemetryOptions: options.metricsBindAddress ? { metrics: { prometheus: { bindAddress: options.metricsBindAddress } } } : {},
  });
}
