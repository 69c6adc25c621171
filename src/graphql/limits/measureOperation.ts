import {
  GraphQLError,
  Kind,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../paginate.js';
import type { QueryLimits } from '../../config/queryLimits.js';
import { ErrorCode } from '../../errors.js';

/** What a request would cost, as far as the walk went (it stops at the first limit passed). */
export interface OperationSize {
  depth: number;
  aliases: number;
  cost: number;
}

/**
 * Measures an operation against the limits, expanding fragments, and throws a GraphQLError
 * with the limit's code and HTTP 400 at the first one passed. Cost: every field costs 1 times
 * the page sizes of the connections (and `nodes(ids)`) above it, a connection without
 * `first`/`last` counting as 20 rows. The walk stops as soon as the cost passes the limit, so a
 * fragment bomb costs the server no more than an allowed query.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): OperationSize {
  const size: OperationSize = { depth: 0, aliases: 0, cost: 0 };
  const defaults = Object.fromEntries((operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, definition.defaultValue]));
  const argument = (field: FieldNode, name: string): unknown => {
    const node = field.arguments?.find((arg) => arg.name.value === name)?.value;
    return node ? valueOf(node, variables, defaults) : undefined;
  };
  const root = schema.getRootType(operation.operation);
  if (!root) return size;

  const walk = (type: GraphQLCompositeType, selections: SelectionSetNode, depth: number, multiplier: number): void => {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (fragment) walk(conditionType(schema, fragment.typeCondition.name.value) ?? type, fragment.selectionSet, depth, multiplier);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk((selection.typeCondition && conditionType(schema, selection.typeCondition.name.value)) || type, selection.selectionSet, depth, multiplier);
        continue;
      }
      const name = selection.name.value;
      // Introspection is governed by GRAPHQL_INTROSPECTION, and tools send deep introspection queries.
      if (name.startsWith('__')) continue;
      if (selection.alias && ++size.aliases > limits.maxAliases) {
        throw refused(ErrorCode.TOO_MANY_ALIASES, `The operation uses more than ${limits.maxAliases} aliases`);
      }
      if (depth > size.depth) size.depth = depth;
      if (depth > limits.maxDepth) throw refused(ErrorCode.QUERY_TOO_DEEP, `The operation nests fields deeper than ${limits.maxDepth} levels`);
      size.cost += multiplier;
      if (size.cost > limits.maxCost)
        throw refused(
          ErrorCode.QUERY_TOO_COMPLEX,
          `The operation's estimated cost is over the limit of ${limits.maxCost} (each field counts once per row the pages above it may return)`,
        );
      const fieldType = fieldTypeOf(type, name);
      if (!selection.selectionSet || !fieldType) continue;
      const named = getNamedType(fieldType);
      if (!isCompositeType(named)) continue;
      walk(named, selection.selectionSet, depth + 1, multiplier * rowsOf(selection, fieldType, argument, limits));
    }
  };
  walk(root, operation.selectionSet, 1, 1);
  return size;
}

/** Rows a field may return for each of its parents: a page size, a list of IDs, or 1. */
function rowsOf(field: FieldNode, type: GraphQLOutputType, argument: (field: FieldNode, name: string) => unknown, limits: QueryLimits): number {
  if (getNamedType(type).name.endsWith('Connection')) {
    const size = Number(argument(field, 'first') ?? argument(field, 'last') ?? DEFAULT_PAGE_SIZE);
    return Number.isFinite(size) && size > 0 ? Math.min(size, limits.maxPageSize) : 1;
  }
  const unwrapped = isNonNullType(type) ? type.ofType : type;
  if (isListType(unwrapped)) {
    const ids = argument(field, 'ids');
    return Array.isArray(ids) ? Math.max(1, Math.min(ids.length, limits.maxPageSize)) : 1;
  }
  return 1;
}

function fieldTypeOf(type: GraphQLCompositeType, name: string): GraphQLOutputType | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name]?.type : undefined;
}

function conditionType(schema: GraphQLSchema, name: string): GraphQLCompositeType | undefined {
  const type = schema.getType(name);
  return type && isCompositeType(type) ? type : undefined;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>, defaults: Record<string, ValueNode | undefined>): unknown {
  if (node.kind === Kind.VARIABLE) {
    const name = node.name.value;
    if (name in variables) return variables[name];
    const fallback = defaults[name];
    return fallback ? valueOf(fallback, variables, {}) : undefined;
  }
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.LIST) return node.values.map((value) => valueOf(value, variables, defaults));
  return undefined;
}

function refused(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}
