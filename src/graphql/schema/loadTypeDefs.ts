import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, visit, type DocumentNode, type InputValueDefinitionNode } from 'graphql';
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
 * descriptions filled in from the configuration, and the Relay paging arguments added to every
 * field marked `@paged`, so the four arguments and their limits are written once.
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
  return visit(parse(text), {
    FieldDefinition(node) {
      if (!node.directives?.some((directive) => directive.name.value === 'paged')) return undefined;
      return { ...node, arguments: [...(node.arguments ?? []), ...paging] };
    },
  });
}
