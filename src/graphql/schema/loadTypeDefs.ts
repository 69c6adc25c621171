import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, visit, type DocumentNode, type InputValueDefinitionNode, type StringValueNode } from 'graphql';
import { FIELD_COSTS, INPUT_COSTS } from '../limits/fieldCosts.js';
import { DEFAULT_PAGE_SIZE } from '../../config/queryLimits.js';
import { projectRoot } from '../../projectRoot.js';

/** The schema file at the project root: the API contract. */
export const schemaPath = join(projectRoot, 'schema.graphql');

const string = (value: string) => ({ kind: Kind.STRING, value }) as const;
const argument = (name: string, type: string, description: string): InputValueDefinitionNode => ({
  kind: Kind.INPUT_VALUE_DEFINITION,
  name: { kind: Kind.NAME, value: name },
  type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: type } },
  description: string(description),
});

/**
 * `schema.graphql` as the server serves it: `{{maxPageSize}}` and `{{defaultPageSize}}` in
 * descriptions filled in from the configuration, the Relay paging arguments added to every
 * field marked `@paged` (so the four arguments and their limits are written once), and each
 * field's cost appended to its description from the cost table.
 */
export function loadTypeDefs(limits: { maxPageSize: number }): DocumentNode {
  const text = readFileSync(schemaPath, 'utf8')
    .replaceAll('{{maxPageSize}}', String(limits.maxPageSize))
    .replaceAll('{{defaultPageSize}}', String(Math.min(DEFAULT_PAGE_SIZE, limits.maxPageSize)));
  const paging = [
    argument(
      'first',
      'Int',
      `Page size from the start, 1 to ${limits.maxPageSize}; ${Math.min(DEFAULT_PAGE_SIZE, limits.maxPageSize)} when neither \`first\` nor \`last\` is given.`,
    ),
    argument('after', 'String', 'Cursor from `pageInfo.endCursor` (or an edge): the page starts after it.'),
    argument('last', 'Int', `Page size from the end, 1 to ${limits.maxPageSize}.`),
    argument('before', 'String', 'Cursor from `pageInfo.startCursor` (or an edge): the page ends before it.'),
  ];
  // The cost table (src/graphql/limits/fieldCosts.ts) is the one place costs are written; each
  // charged field's description states its charge, so clients see it in the explorer.
  const withCost = <N extends { description?: StringValueNode }>(node: N, cost: number | undefined, per: string): N =>
    cost === undefined ? node : { ...node, description: string(`${node.description?.value ?? ''} Cost: ${cost.toLocaleString('en-US')} ${per}.`.trim()) };
  const typeStack: string[] = [];
  const enter = (node: { name: { value: string } }) => void typeStack.push(node.name.value);
  const leave = () => void typeStack.pop();
  return visit(parse(text), {
    ObjectTypeDefinition: { enter, leave },
    InterfaceTypeDefinition: { enter, leave },
    FieldDefinition(node) {
      const field = withCost(
        node,
        FIELD_COSTS[`${typeStack.at(-1)}.${node.name.value}`],
        'per parent object, whatever the page size (the database work behind the field)',
      );
      if (!node.directives?.some((directive) => directive.name.value === 'paged')) return field;
      return { ...field, arguments: [...(node.arguments ?? []), ...paging] };
    },
    InputObjectTypeDefinition(node) {
      const fields = node.fields?.map((field) =>
        withCost(field, INPUT_COSTS[`${node.name.value}.${field.name.value}`], 'each time it appears in a filter (what it scans)'),
      );
      return { ...node, fields };
    },
  });
}
