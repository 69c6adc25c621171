import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { TracingSettings } from '../config.js';
import { setTracingOn } from './tracer.js';

/**
 * Exports traces over OTLP/HTTP (JSON) to `<endpoint>/v1/traces`, batched. Registers the
 * provider globally with an AsyncLocalStorage context manager, so a span started while a
 * request runs (its SQL) is a child of the request's. Returns the function that flushes and
 * stops the export (call it at shutdown).
 */
export function startTracing(settings: TracingSettings): () => Promise<void> {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${settings.endpoint}/v1/traces` }), { scheduledDelayMillis: 1000 })],
  });
  provider.register();
  setTracingOn(true);
  return async () => {
    setTracingOn(false);
    await provider.shutdown();
  };
}
