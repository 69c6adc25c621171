import {
  GraphQLError,
  Kind,
  getNamedType,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, type QueryLimits } from '../../config/queryLimits.js';
import { ErrorCode } from '../../errors.js';
import { FIELD_COSTS, INPUT_COSTS } from './fieldCosts.js';

/** What a selection set costs, measured once for one parent row. */
export interface OperationSize {
  /** Deepest field, counted from the selection set measured (introspection does not count). */
  depth: number;
  /** Aliased fields, with fragments expanded where they are spread. */
  aliases: number;
  /** Estimated cost for one parent row: every field's 1 plus its database charge, times the rows above it. */
  cost: number;
  /** Introspection list fields nested in one another (`types { fields { args } }` is 3). */
  introspectionLists: number;
}

const EMPTY: OperationSize = { depth: 0, aliases: 0, cost: 0, introspectionLists: 0 };

/** Introspection fields that return lists, which multiply what is selected below them. */
const INTROSPECTION_LISTS = new Set(['types', 'fields', 'args', 'inputFields', 'interfaces', 'possibleTypes', 'enumValues', 'directives']);

/**
 * Measures an operation against the depth, alias and cost limits and throws a GraphQLError with
 * the limit's code and HTTP 400 when one is passed. Linear in the document: each fragment is
 * measured once and reused wherever it is spread, so a document whose fragments spread each
 * other twice costs what it says (2^n) without being walked 2^n times. Each field costs 1
 * (`__typename` included) plus its charge in `FIELD_COSTS` and the `INPUT_COSTS` of its
 * arguments, times the rows its ancestors may return (`first`/`last`, 20 when absent, the IDs
 * of `nodes`). Introspection (`__schema`, `__type`) does not count toward depth or cost, but its
 * lists may nest only `maxIntrospectionLists` deep.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): OperationSize {
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (name in variables) values[name] = variables[name];
    else if (definition.defaultValue) values[name] = valueFromASTUntyped(definition.defaultValue);
  }
  const root = schema.getRootType(operation.operation);
  if (!root) return EMPTY;

  const memo = new Map<string, OperationSize>();
  const fragmentSize = (name: string): OperationSize => {
    const known = memo.get(name);
    if (known) return known;
    const fragment = fragments[name];
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    // Validation has refused unknown fragments, bad type conditions and cycles; the empty entry
    // also ends any cycle that slipped through.
    memo.set(name, EMPTY);
    const size = fragment && type && isCompositeType(type) ? measure(type, fragment.selectionSet) : EMPTY;
    memo.set(name, size);
    return size;
  };

  const measure = (type: GraphQLCompositeType, selectionSet: SelectionSetNode): OperationSize => {
    const size = { ...EMPTY };
    const add = (part: OperationSize, rows: number, depthOffset: number, introspectionOffset: number) => {
      size.cost += rows * part.cost;
      size.aliases += part.aliases;
      size.depth = Math.max(size.depth, part.depth + depthOffset);
      size.introspectionLists = Math.max(size.introspectionLists, part.introspectionLists + introspectionOffset);
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        add(fragmentSize(selection.name.value), 1, 0, 0);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition && schema.getType(selection.typeCondition.name.value);
        add(measure(condition && isCompositeType(condition) ? condition : type, selection.selectionSet), 1, 0, 0);
        continue;
      }
      if (selection.alias) size.aliases++;
      const name = selection.name.value;
      const introspection = type.name.startsWith('__') || name === '__schema' || name === '__type';
      const field = fieldOf(type, name, schema);
      const named = field && getNamedType(field.type);
      const below = selection.selectionSet && named && isCompositeType(named) ? measure(named, selection.selectionSet) : EMPTY;
      if (introspection) {
        // Governed by GRAPHQL_INTROSPECTION; tools send deep introspection queries, but lists
        // of lists of the schema's types and fields grow as their product.
        add({ ...below, cost: 0, depth: 0 }, 1, 0, INTROSPECTION_LISTS.has(name) ? 1 : 0);
        continue;
      }
      size.cost += 1 + (FIELD_COSTS[`${type.name}.${name}`] ?? 0) + (field ? argumentCost(field, selection, values) : 0);
      size.depth = Math.max(size.depth, 1);
      add(below, field ? rowsOf(field, selection, values, limits) : 1, 1, 0);
    }
    return size;
  };

  const size = measure(root, operation.selectionSet);
  if (size.depth > limits.maxDepth) throw refused(ErrorCode.QUERY_TOO_DEEP, `The operation nests fields deeper than ${limits.maxDepth} levels`);
  if (size.aliases > limits.maxAliases) throw refused(ErrorCode.TOO_MANY_ALIASES, `The operation uses more than ${limits.maxAliases} aliases`);
  if (size.introspectionLists > limits.maxIntrospectionLists) {
    throw refused(ErrorCode.QUERY_TOO_COMPLEX, `The operation nests introspection lists more than ${limits.maxIntrospectionLists} deep`);
  }
  if (!(size.cost <= limits.maxCost)) {
    throw refused(
      ErrorCode.QUERY_TOO_COMPLEX,
      `The operation's estimated cost is over the limit of ${limits.maxCost} (each field counts once per row the pages above it may return, plus what it makes the database do)`,
    );
  }
  return size;
}

function fieldOf(type: GraphQLCompositeType, name: string, schema: GraphQLSchema): GraphQLField<unknown, unknown> | undefined {
  if (name === '__schema' || name === '__type') return schema.getQueryType()?.getFields()[name] ?? introspectionRoot(schema, name);
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** graphql-js keeps `__schema`/`__type` outside the Query type's field map. */
function introspectionRoot(schema: GraphQLSchema, name: string): GraphQLField<unknown, unknown> | undefined {
  const type = schema.getType(name === '__schema' ? '__Schema' : '__Type');
  return type && isObjectType(type) ? ({ name, type, args: [] } as unknown as GraphQLField<unknown, unknown>) : undefined;
}

/** Argument values of a field, with variables (and their defaults) substituted. */
function argumentsOf(selection: FieldNode, values: Record<string, unknown>): Map<string, unknown> {
  return new Map((selection.arguments ?? []).map((argument) => [argument.name.value, valueFromASTUntyped(argument.value, values)]));
}

/** Rows a field may return for each parent: a page size, a list of IDs, or 1. */
function rowsOf(field: GraphQLField<unknown, unknown>, selection: FieldNode, values: Record<string, unknown>, limits: QueryLimits): number {
  const args = argumentsOf(selection, values);
  const pageArgument = field.args.some((arg) => arg.name === 'first');
  if (pageArgument || getNamedType(field.type).name.endsWith('Connection')) {
    const size = Number(args.get('first') ?? args.get('last') ?? DEFAULT_PAGE_SIZE);
    return Number.isFinite(size) && size > 0 ? Math.min(size, limits.maxPageSize) : 1;
  }
  const unwrapped = isNonNullType(field.type) ? field.type.ofType : field.type;
  if (isListType(unwrapped)) {
    const ids = args.get('ids');
    return Array.isArray(ids) ? Math.max(1, Math.min(ids.length, limits.maxPageSize)) : 1;
  }
  return 1;
}

/** What a field's filter arguments make the database scan (`INPUT_COSTS`). */
function argumentCost(field: GraphQLField<unknown, unknown>, selection: FieldNode, values: Record<string, unknown>): number {
  if (!selection.arguments?.length) return 0;
  const args = argumentsOf(selection, values);
  let cost = 0;
  for (const argument of field.args) cost += inputCost(args.get(argument.name), argument.type);
  return cost;
}

/** Costs of variable values already walked (a variable used in many places is walked once per type). */
const inputCosts = new WeakMap<object, Map<string, number>>();

function inputCost(value: unknown, type: GraphQLInputType): number {
  if (value === null || typeof value !== 'object') return 0;
  const known = inputCosts.get(value)?.get(String(type));
  if (known !== undefined) return known;
  const unwrapped = isNonNullType(type) ? type.ofType : type;
  let cost = 0;
  if (isListType(unwrapped)) {
    if (Array.isArray(value)) for (const item of value) cost += inputCost(item, unwrapped.ofType);
  } else if (isInputObjectType(unwrapped)) {
    for (const [name, field] of Object.entries(unwrapped.getFields())) {
      const fieldValue = (value as Record<string, unknown>)[name];
      if (fieldValue === null || fieldValue === undefined) continue;
      cost += (INPUT_COSTS[`${unwrapped.name}.${name}`] ?? 0) + inputCost(fieldValue, field.type);
    }
  }
  const costs = inputCosts.get(value) ?? new Map<string, number>();
  costs.set(String(type), cost);
  inputCosts.set(value, costs);
  return cost;
}

function refused(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}
