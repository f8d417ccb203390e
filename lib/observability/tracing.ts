/**
 * OpenTelemetry tracing of one process (API or worker), off unless OTEL_TRACES_EXPORTER says where spans go:
 * `otlp` (OTLP over HTTP to OTEL_EXPORTER_OTLP_ENDPOINT, e.g. an OpenTelemetry Collector or Jaeger) or `console`.
 * It registers the global tracer provider with the AsyncLocalStorage context manager and W3C trace-context
 * propagation, which is what the Temporal interceptors (lib/observability/temporal-tracing.ts) use to carry a trace
 * from an HTTP request through the Temporal client into the workflow and its activities.
 */
import type { Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { TRACES_EXPORTERS } from '../config.js';

export type TracesExporter = (typeof TRACES_EXPORTERS)[number];

export interface TracingOptions {
  /** `service.name` of the spans (OTEL_SERVICE_NAME, else the process's own name). */
  serviceName: string;
  exporter: TracesExporter;
  /** Base URL of the OTLP/HTTP receiver (spans go to …/v1/traces); unset: the exporter's default, localhost:4318. */
  otlpEndpoint?: string | undefined;
  /** Where spans go instead of the configured exporter (tests: an in-memory exporter). */
  spanProcessor?: SpanProcessor;
}

export interface Tracing {
  tracer: Tracer;
  resource: Resource;
  spanProcessor: SpanProcessor;
  /** Flushes what is buffered and stops exporting. */
  shutdown(): Promise<void>;
}

function processorFor(exporter: TracesExporter, otlpEndpoint: string | undefined): SpanProcessor | null {
  if (exporter === 'otlp') return new BatchSpanProcessor(new OTLPTraceExporter(otlpEndpoint ? { url: `${otlpEndpoint.replace(/\/$/, '')}/v1/traces` } : {}));
  if (exporter === 'console') return new SimpleSpanProcessor(new ConsoleSpanExporter());
  return null;
}

/** The tracing options of a process from its configuration. */
export function tracingOptionsOf(
  config: { OTEL_TRACES_EXPORTER: TracesExporter; OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined; OTEL_SERVICE_NAME?: string | undefined },
  defaultServiceName: string,
): TracingOptions {
  return { serviceName: config.OTEL_SERVICE_NAME ?? defaultServiceName, exporter: config.OTEL_TRACES_EXPORTER, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT };
}

/** Starts tracing for this process, or returns null when it is off (the default). */
export function startTracing(options: TracingOptions): Tracing | null {
  const spanProcessor = options.spanProcessor ?? processorFor(options.exporter, options.otlpEndpoint);
  if (!spanProcessor) return null;
  const resource = new Resource({ 'service.name': options.serviceName });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  return { tracer: provider.getTracer('credit-engine'), resource, spanProcessor, shutdown: () => provider.shutdown() };
}
