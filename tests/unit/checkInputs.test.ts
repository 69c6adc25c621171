import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { DEFAULT_LIMITS } from '../../src/config/limits.js';
import { createSchema } from '../../src/graphql/schema/createSchema.js';
import { checkInputs } from '../../src/graphql/limits/checkInputs.js';

const schema = createSchema(DEFAULT_LIMITS);

function check(source: string, variables: Record<string, unknown> = {}): string | null {
  const operation = parse(source).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  try {
    checkInputs(schema, operation, {}, variables, DEFAULT_LIMITS);
    return null;
  } catch (error) {
    const { message, extensions } = error as { message: string; extensions: { code: string } };
    return `${extensions.code}: ${message}`;
  }
}

describe('checkInputs', () => {
  it('bounds every string by the default, and text filters and the search query by 200', () => {
    expect(check('query ($s: String!) { article(slug: $s) { title } }', { s: 'x'.repeat(1000) })).toBeNull();
    expect(check('query ($s: String!) { article(slug: $s) { title } }', { s: 'x'.repeat(1001) })).toBe(
      'BAD_USER_INPUT: slug is 1001 characters long; at most 1000 characters are allowed',
    );
    expect(check(`{ search(query: "${'q'.repeat(201)}") { totalCount } }`)).toBe(
      'BAD_USER_INPUT: query is 201 characters long; at most 200 characters are allowed',
    );
    expect(check('query ($w: QuoteWhereInput) { quotes(where: $w) { totalCount } }', { w: { textContains: 'x'.repeat(201) } })).toBe(
      'BAD_USER_INPUT: where.textContains is 201 characters long; at most 200 characters are allowed',
    );
  });

  it('refuses NUL characters and lone surrogates, not surrogate pairs', () => {
    expect(check('{ tags(where: { nameContains: "a\\u0000" }) { totalCount } }')).toBe('BAD_USER_INPUT: where.nameContains contains a NUL character');
    expect(check('query ($id: ID!) { node(id: $id) { id } }', { id: '\udc00' })).toBe(
      'BAD_USER_INPUT: id contains a lone UTF-16 surrogate (not valid Unicode text)',
    );
    expect(check('query ($id: ID!) { node(id: $id) { id } }', { id: '𝄞' })).toBeNull();
  });

  it('bounds list lengths, AND/OR widths and input nesting', () => {
    expect(check('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array(101).fill('x') })).toBe(
      'BAD_USER_INPUT: ids has 101 items; at most 100 are allowed',
    );
    const or = (n: number) => `{ articles(where: { OR: [${Array(n).fill('{ status: DRAFT }').join(',')}] }) { totalCount } }`;
    expect(check(or(20))).toBeNull();
    expect(check(or(21))).toBe('BAD_USER_INPUT: where.OR has 21 items; at most 20 are allowed');
    const nested = (depth: number) => {
      let where: Record<string, unknown> = { status: 'DRAFT' };
      for (let i = 1; i < depth; i++) where = { NOT: where };
      return where;
    };
    const query = 'query ($w: ArticleWhereInput) { articles(where: $w) { totalCount } }';
    expect(check(query, { w: nested(10) })).toBeNull();
    expect(check(query, { w: nested(11) })).toMatch(/^BAD_USER_INPUT: where(\.NOT){10} nests input objects more than 10 deep$/);
  });
});
