import type { ApolloServerPlugin } from '@apollo/server';
import { isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { DeferredSpan } from '../tracing/deferredSpan.js';
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
 * Gives each resolver that goes to the database a span `resolve <Type>.<field>` under
 * `graphql.execute`, the parent of the SQL statements it sends. Only fields with a resolver of
 * their own are wrapped: default resolvers (a property read) are most fields and never query.
 * The span is deferred (`DeferredSpan`): it is started by the resolver's first SQL statement,
 * so a resolver answered from a loader's cache, or one that only reshapes its parent, leaves no
 * span. With DataLoader batching, the batch runs in the async context of the `load()` that
 * created it: its SQL is a child of the resolver that started the batch, and the resolvers
 * whose loads joined the batch have no span. Call it only with tracing on (the server does):
 * without it the schema is left as it is, and resolving costs nothing extra.
 */
export function traceResolvers(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as GraphQLFieldResolver<unknown, object> | undefined;
      if (!resolve) continue;
      const name = `resolve ${type.name}.${field.name}`;
      field.resolve = (source, args, contextValue: object, info) => {
        if (!tracingOn()) return resolve(source, args, contextValue, info);
        const attributes = () => ({
          'graphql.field.name': info.fieldName,
          'graphql.field.path': pathOf(info.path),
          'graphql.parent.name': info.parentType.name,
        });
        const span = new DeferredSpan(name, attributes, executions.get(contextValue) ?? context.active());
        return span.run(() => {
          try {
            const result: unknown = resolve(source, args, contextValue, info);
            if (result instanceof Promise) {
              return result.then(
                (value: unknown) => {
                  span.end();
                  return value;
                },
                (error: unknown) => {
                  span.end(error);
                  throw error;
                },
              );
            }
            span.end();
            return result;
          } catch (error) {
            span.end(error);
            throw error;
          }
        });
      };
    }
  }
}

/** A field's path in the response, e.g. `articles.nodes.0.quotes`. */
function pathOf(path: GraphQLResolveInfo['path']): string {
  const keys: (string | number)[] = [];
  for (let at: GraphQLResolveInfo['path'] | undefined = path; at; at = at.prev) keys.push(at.key);
  return keys.reverse().join('.');
}
