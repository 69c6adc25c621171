import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  execute,
  getNamedType,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  typeFromAST,
  valueFromASTUntyped,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** An operation's runs so far and, once it ran twice, its compiled form (null: it is not compiled). */
interface Compiled {
  runs: number;
  query: CompiledQuery | null;
}

/**
 * Per document (Apollo keeps one parsed document per query text), then per operation name.
 * Least recently used documents are forgotten past this many, so compiled code, which Apollo's
 * document cache does not count, stays bounded whatever clients send.
 */
type CompiledDocuments = Map<DocumentNode, Map<string, Compiled>>;
const MAX_DOCUMENTS = 500;

/** A query runs on graphql-js this many times before it is compiled: one-off documents never cost a compilation. */
const RUNS_BEFORE_COMPILING = 1;

let compilations = 0;

/** Operations this process has compiled so far. */
export function compiledOperations(): number {
  return compilations;
}

/**
 * Runs queries as JavaScript compiled once per operation (`graphql-jit`) instead of walking the
 * document on every request as graphql-js does: argument values, field collection and
 * completion are decided at compile time, and answers are plain objects that serialize fast.
 * Mutations run on graphql-js, as Apollo would run them, and so does any request whose variables
 * graphql-js refuses, so a client's mistake is reported in graphql-js's words. Answers, errors
 * included, are the same as graphql-js's (`tests/integration/compiledExecutor.test.ts`).
 */
export function compiledExecutor(schema: GraphQLSchema): GatewayExecutor {
  const documents: CompiledDocuments = new Map();
  return async (request) => {
    const { document, operation, context } = request;
    const variables = request.request.variables ?? {};
    const query = operation.operation === 'query' ? compiledFor(documents, schema, document, operation) : null;
    if (query && !('errors' in getVariableValues(schema, operation.variableDefinitions ?? [], variables))) {
      const result = (await query.query(undefined, context, withDefaults(operation, variables))) as ExecutionResult;
      return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
    }
    return (await execute({
      schema,
      document,
      contextValue: context,
      variableValues: variables,
      operationName: request.operationName,
    })) as ExecutionResult;
  };
}

function compiledFor(documents: CompiledDocuments, schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CompiledQuery | null {
  let byName = documents.get(document);
  // Read again, so it is the newest (a Map keeps insertion order): the oldest is forgotten first.
  if (byName) documents.delete(document);
  else {
    byName = new Map();
    if (documents.size >= MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
  }
  documents.set(document, byName);
  const name = operation.name?.value ?? '';
  const entry = byName.get(name) ?? { runs: 0, query: null };
  byName.set(name, entry);
  if (entry.runs > RUNS_BEFORE_COMPILING) return entry.query;
  if (++entry.runs > RUNS_BEFORE_COMPILING && compilable(schema, operation)) {
    const query = compileQuery(schema, document, operation.name?.value);
    entry.query = isCompiledQuery(query) ? query : null;
    if (entry.query) compilations++;
  }
  return entry.query;
}

/**
 * graphql-jit compiles the coercion of a variable whose input type contains itself (a filter's
 * `AND`, `OR`, `NOT`), directly or deeper down, without end, until the process runs out of
 * memory: such operations stay on graphql-js. The same filters written inline are compiled as
 * literals and are fine.
 */
function compilable(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  return (operation.variableDefinitions ?? []).every((definition) => {
    const type = typeFromAST(schema, definition.type as never);
    const named = type ? getNamedType(type) : undefined;
    return named !== undefined && !(isInputObjectType(named) && cyclic(named));
  });
}

const cyclicTypes = new WeakMap<GraphQLInputObjectType, boolean>();

/** True when an input type, or an input type inside it, reaches itself through its fields. */
function cyclic(type: GraphQLInputObjectType): boolean {
  let known = cyclicTypes.get(type);
  if (known === undefined) {
    const path = new Set<GraphQLInputObjectType>();
    const done = new Set<GraphQLInputObjectType>();
    const cycleFrom = (from: GraphQLInputObjectType): boolean => {
      if (path.has(from)) return true;
      if (done.has(from)) return false;
      path.add(from);
      const found = Object.values(from.getFields()).some((field) => {
        const named = getNamedType(field.type);
        return isInputObjectType(named) && cycleFrom(named);
      });
      path.delete(from);
      done.add(from);
      return found;
    };
    cyclicTypes.set(type, (known = cycleFrom(type)));
  }
  return known;
}

/**
 * The variables as sent, with each one left out that has a default given as the client would
 * have sent it: graphql-jit refuses a missing non-null variable even when it has a default.
 */
function withDefaults(operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  let filled: Record<string, unknown> | undefined;
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (definition.defaultValue && !Object.prototype.hasOwnProperty.call(variables, name)) {
      (filled ??= { ...variables })[name] = valueFromASTUntyped(definition.defaultValue);
    }
  }
  return filled ?? variables;
}

/**
 * graphql-jit's error as graphql-js makes it: a `GraphQLError` whose extensions are an object
 * (Apollo reads their `code`) and whose original error is what the resolver threw, so the error
 * module gives it its stable code.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const original = error.originalError ?? undefined;
  const made = new GraphQLError(error.message, {
    path: error.path,
    originalError: original,
    extensions: error.extensions ?? (original as { extensions?: Record<string, unknown> } | undefined)?.extensions,
  });
  // graphql-jit computed the locations from the document already.
  (made as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return made;
}

/**
 * Apollo's extension point for a server that executes operations itself: the schema is fixed,
 * so it is announced once and never updated.
 */
export function compiledGateway(schema: GraphQLSchema): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: () => Promise.resolve({ executor: compiledExecutor(schema) }),
    stop: () => Promise.resolve(),
  };
}
