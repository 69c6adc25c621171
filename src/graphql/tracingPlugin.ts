import type { ApolloServerPlugin } from '@apollo/server';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { context, endSpan, trace, tracer, tracingOn, type Context as TraceContext } from '../tracing/tracer.js';

/** The trace context of each running operation's execution, keyed by its GraphQL context. */
const executions = new WeakMap<object, TraceContext>();

/**
 * With tracing on, gives each request's GraphQL phases a span: `graphql.parse`,
 * `graphql.validate` and `graphql.execute`, children of the HTTP request's span.
 */
export function tracingPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      if (!tracingOn()) return;
      // Apollo calls these hooks inside the request's async context: its HTTP span is active.
      const parent = context.active();
      const phase = (name: string) => tracer().startSpan(name, {}, parent);
      return {
        async parsingDidStart() {
          const span = phase('graphql.parse');
          return async (error) => endSpan(span, error);
        },
        async validationDidStart() {
          const span = phase('graphql.validate');
          return async (errors) => endSpan(span, errors?.[0]);
        },
        async executionDidStart({ contextValue, operationName, operation }) {
          const span = tracer().startSpan(
            'graphql.execute',
            { attributes: { 'graphql.operation.name': operationName ?? '', 'graphql.operation.type': operation.operation } },
            parent,
          );
          executions.set(contextValue, trace.setSpan(parent, span));
          return {
            async executionDidEnd(error) {
              endSpan(span, error);
            },
          };
        },
      };
    },
  };
}

/**
 * Wraps every root field (Query, Mutation): the resolvers that go to the database. With tracing
 * on, each runs inside a span `graphql.resolve Query.<field>`, a child of `graphql.execute`, so
 * the SQL it sends is traced under it.
 */
export function traceRootResolvers(schema: GraphQLSchema): void {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, object> = field.resolve ?? defaultFieldResolver;
      const name = `graphql.resolve ${type.name}.${field.name}`;
      field.resolve = (source, args, contextValue: object, info) => {
        if (!tracingOn()) return resolve(source, args, contextValue, info);
        const parent = executions.get(contextValue) ?? context.active();
        const span = tracer().startSpan(name, { attributes: { 'graphql.field.path': info.fieldName } }, parent);
        return context.with(trace.setSpan(parent, span), () => {
          try {
            const result: unknown = resolve(source, args, contextValue, info);
            if (result instanceof Promise) {
              return result.then(
                (value: unknown) => {
                  endSpan(span);
                  return value;
                },
                (error: unknown) => {
                  endSpan(span, error);
                  throw error;
                },
              );
            }
            endSpan(span);
            return result;
          } catch (error) {
            endSpan(span, error);
            throw error;
          }
        });
      };
    }
  }
}
