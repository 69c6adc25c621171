import { context, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';

export { context, SpanKind, trace, type Context, type Span };

/**
 * The spans every layer may open. Until `startTracing` registers a provider (only when
 * `OTEL_EXPORTER_OTLP_ENDPOINT` is set) the OpenTelemetry API hands out no-op spans, and
 * `tracingOn()` lets hot paths skip even those.
 */
let on = false;

export function setTracingOn(value: boolean): void {
  on = value;
}

/** True once a tracer provider exports spans. */
export function tracingOn(): boolean {
  return on;
}

export function tracer() {
  return trace.getTracer('storygraph');
}

/** Ends a span (now, or at `time`: ms since the epoch), marking it failed when `error` is given. */
export function endSpan(span: Span, error?: unknown, time?: number): void {
  if (error !== undefined) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  }
  span.end(time);
}
