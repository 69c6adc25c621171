import { context, createContextKey, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { endSpan, tracer } from './tracer.js';

const DEFERRED = createContextKey('storygraph.deferredSpan');

/** Now, as OpenTelemetry takes a time in ms since the epoch, below the millisecond. */
const now = () => performance.timeOrigin + performance.now();

/**
 * A span that exists only if something under it is traced. Work runs inside it with `run`; the
 * span is started when a child span first asks for its parent (`parentContext`), dated from
 * when the work began, and ended when the work ends. Work that traces nothing under it costs
 * one context switch and no span: a GraphQL resolver is traced only when it goes to the database.
 */
export class DeferredSpan {
  private span: Span | null = null;
  private readonly startTime = now();
  private ended: { time: number; error: unknown } | null = null;

  constructor(
    private readonly name: string,
    /** Read only when the span starts, so work that is never traced never computes them. */
    private readonly attributes: () => Attributes,
    private readonly parent: Context,
  ) {}

  /** Runs `work` with this span as the one its child spans start under. */
  run<T>(work: () => T): T {
    return context.with(this.parent.setValue(DEFERRED, this), work);
  }

  /** The span, started now if it was not yet (ended at once when its work already ended). */
  started(): Span {
    if (!this.span) {
      this.span = tracer().startSpan(this.name, { startTime: this.startTime, attributes: this.attributes() }, this.parent);
      if (this.ended) endSpan(this.span, this.ended.error, this.ended.time);
    }
    return this.span;
  }

  /** Marks the work done: ends the span if it was started, else leaves nothing behind. */
  end(error?: unknown): void {
    if (this.ended) return;
    this.ended = { time: now(), error };
    if (this.span) endSpan(this.span, error, this.ended.time);
  }
}

/** The context a new span should start under: the active one, with its deferred span started if it holds one. */
export function parentContext(): Context {
  const active = context.active();
  const deferred = active.getValue(DEFERRED) as DeferredSpan | undefined;
  return deferred ? trace.setSpan(active, deferred.started()) : active;
}
