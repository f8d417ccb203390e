/**
 * The Temporal SDK's OpenTelemetry interceptors (@temporalio/interceptors-opentelemetry), wired for the product: the
 * client interceptor puts the current trace into the headers of every workflow start, update and signal; the
 * workflow interceptors (a module bundled into the workflow code) continue it in the workflow and pass it on to the
 * activities, whose inbound interceptor continues it again. Workflow spans leave the sandbox through a sink.
 */
import { createRequire } from 'node:module';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client/index.js';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/worker/index.js';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import type { Sinks } from '@temporalio/workflow';
import type { Tracing } from './tracing.js';

/** The workflow interceptor module of the OpenTelemetry interceptors (bundled only when tracing is on). */
export const OTEL_WORKFLOW_INTERCEPTOR_MODULE = createRequire(import.meta.url).resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

/** Client interceptors that propagate the current trace to Temporal (none when tracing is off). */
export function tracingClientInterceptors(tracing: Tracing | null): WorkflowClientInterceptor[] {
  return tracing ? [new OpenTelemetryWorkflowClientInterceptor({ tracer: tracing.tracer })] : [];
}

export interface WorkerTracing {
  workflowModules: string[];
  activity: ActivityInterceptorsFactory[];
  sinks: InjectedSinks<Sinks>;
}

/** What a worker adds to its options for tracing: nothing when it is off. */
export function workerTracing(tracing: Tracing | null): WorkerTracing {
  if (!tracing) return { workflowModules: [], activity: [], sinks: {} };
  return {
    workflowModules: [OTEL_WORKFLOW_INTERCEPTOR_MODULE],
    activity: [
      (ctx) => ({
        inbound: new OpenTelemetryActivityInboundInterceptor(ctx, { tracer: tracing.tracer }),
        outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
      }),
    ],
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
  };
}
