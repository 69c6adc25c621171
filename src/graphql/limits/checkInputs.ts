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
  isScalarType,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { QueryLimits } from '../../config/queryLimits.js';
import { ErrorCode } from '../../errors.js';
import { FILTER_BRANCH_FIELDS, STRING_LENGTH_LIMITS } from './inputLimits.js';

/** A UTF-16 surrogate without its partner: not text, and PostgreSQL cannot store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Limits = Pick<QueryLimits, 'maxStringLength' | 'maxListLength' | 'maxFilterBranches' | 'maxInputDepth'>;

/**
 * Checks every argument of an operation, literal or variable, against the schema before anything
 * runs: strings (String and ID) within their length limit and free of NUL characters and lone
 * surrogates, input lists within their length (`AND`/`OR` within the filter-branch limit), input
 * objects nested no deeper than the limit. Throws BAD_USER_INPUT (HTTP 400) naming the argument.
 * Each fragment is checked once; each variable once per place it is used.
 */
export function checkInputs(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  limits: Limits,
): void {
  const checkedFragments = new Set<string>();
  const checkedVariables = new Set<string>();

  const checkValue = (value: unknown, type: GraphQLInputType, path: string, coordinate: string, depth: number): void => {
    if (value === null || value === undefined) return;
    const unwrapped = isNonNullType(type) ? type.ofType : type;
    if (isListType(unwrapped)) {
      const items = Array.isArray(value) ? value : [value];
      const branches = FILTER_BRANCH_FIELDS.has(coordinate.slice(coordinate.lastIndexOf('.') + 1));
      const max = branches ? limits.maxFilterBranches : limits.maxListLength;
      if (items.length > max) throw refused(`${path} has ${items.length} items; at most ${max} are allowed`, path);
      items.forEach((item, i) => checkValue(item, unwrapped.ofType, `${path}[${i}]`, coordinate, depth));
      return;
    }
    if (isInputObjectType(unwrapped)) {
      if (typeof value !== 'object') return; // a type mismatch: coercion refuses it
      if (depth + 1 > limits.maxInputDepth) throw refused(`${path} nests input objects more than ${limits.maxInputDepth} deep`, path);
      const fields = unwrapped.getFields();
      for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
        const field = fields[name];
        if (field) checkValue(fieldValue, field.type, `${path}.${name}`, `${unwrapped.name}.${name}`, depth + 1);
      }
      return;
    }
    if (isScalarType(unwrapped) && (unwrapped.name === 'String' || unwrapped.name === 'ID') && typeof value === 'string') {
      checkString(value, path, STRING_LENGTH_LIMITS[coordinate] ?? limits.maxStringLength);
    }
  };

  /** The same walk over a literal in the document; variables inside it are read from the request. */
  const checkNode = (node: ValueNode, type: GraphQLInputType, path: string, coordinate: string, depth: number): void => {
    const unwrapped = isNonNullType(type) ? type.ofType : type;
    switch (node.kind) {
      case Kind.VARIABLE: {
        const key = `${node.name.value}|${String(type)}|${coordinate}|${depth}`;
        if (checkedVariables.has(key)) return;
        checkedVariables.add(key);
        checkValue(variables[node.name.value], type, path, coordinate, depth);
        return;
      }
      case Kind.LIST: {
        if (!isListType(unwrapped)) return;
        const branches = FILTER_BRANCH_FIELDS.has(coordinate.slice(coordinate.lastIndexOf('.') + 1));
        const max = branches ? limits.maxFilterBranches : limits.maxListLength;
        if (node.values.length > max) throw refused(`${path} has ${node.values.length} items; at most ${max} are allowed`, path);
        node.values.forEach((item, i) => checkNode(item, unwrapped.ofType, `${path}[${i}]`, coordinate, depth));
        return;
      }
      case Kind.OBJECT: {
        const objectType = isListType(unwrapped) ? getNamedType(unwrapped) : unwrapped;
        if (!isInputObjectType(objectType)) return;
        if (depth + 1 > limits.maxInputDepth) throw refused(`${path} nests input objects more than ${limits.maxInputDepth} deep`, path);
        const fields = objectType.getFields();
        for (const field of node.fields) {
          const definition = fields[field.name.value];
          if (definition) checkNode(field.value, definition.type, `${path}.${field.name.value}`, `${objectType.name}.${field.name.value}`, depth + 1);
        }
        return;
      }
      case Kind.STRING: {
        const named = getNamedType(unwrapped);
        if (isScalarType(named) && (named.name === 'String' || named.name === 'ID')) {
          checkString(node.value, path, STRING_LENGTH_LIMITS[coordinate] ?? limits.maxStringLength);
        }
        return;
      }
      default:
        return;
    }
  };

  const walk = (type: GraphQLCompositeType, selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (checkedFragments.has(name) || !fragment) continue;
        checkedFragments.add(name);
        const condition = schema.getType(fragment.typeCondition.name.value);
        if (condition && isCompositeType(condition)) walk(condition, fragment.selectionSet);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition && schema.getType(selection.typeCondition.name.value);
        walk(condition && isCompositeType(condition) ? condition : type, selection.selectionSet);
        continue;
      }
      const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
      if (!field) continue;
      for (const argument of selection.arguments ?? []) {
        const definition = field.args.find((arg) => arg.name === argument.name.value);
        if (definition) checkNode(argument.value, definition.type, argument.name.value, `${type.name}.${field.name}.${definition.name}`, 0);
      }
      const named = getNamedType(field.type);
      if (selection.selectionSet && isCompositeType(named)) walk(named, selection.selectionSet);
    }
  };

  const root = schema.getRootType(operation.operation);
  if (root) walk(root, operation.selectionSet);
}

function checkString(value: string, path: string, max: number): void {
  if (value.length > max) throw refused(`${path} is ${value.length} characters long; at most ${max} characters are allowed`, path);
  if (value.includes('\u0000')) throw refused(`${path} contains a NUL character`, path);
  if (LONE_SURROGATE.test(value)) throw refused(`${path} contains a lone UTF-16 surrogate (not valid Unicode text)`, path);
}

function refused(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, argument, http: { status: 400 } } });
}
