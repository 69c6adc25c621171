import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { DEFAULT_LIMITS } from '../../src/config/limits.js';
import { createSchema } from '../../src/graphql/schema/createSchema.js';
import { FIELD_COSTS, INPUT_COSTS } from '../../src/graphql/limits/fieldCosts.js';
import { measureOperation } from '../../src/graphql/limits/measureOperation.js';
import { loadOperations } from '../../src/graphql/loadOperations.js';
import { fragmentBomb } from '../support/hostile.js';

const schema = createSchema(DEFAULT_LIMITS);
const unlimited = { ...DEFAULT_LIMITS, maxCost: Number.MAX_VALUE, maxDepth: 1000, maxAliases: 1_000_000 };

function measure(source: string, variables: Record<string, unknown> = {}, limits = unlimited) {
  const document = parse(source);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [(fragment as FragmentDefinitionNode).name.value, fragment]),
  ) as Record<string, FragmentDefinitionNode>;
  return measureOperation(schema, operation, fragments, variables, limits);
}

describe('measureOperation', () => {
  it('counts every selected field, __typename included', () => {
    expect(measure('{ __typename }')).toEqual({ depth: 1, aliases: 0, cost: 1, introspectionLists: 0 });
    expect(measure('{ a: __typename b: __typename tag(slug: "x") { __typename name } }')).toEqual({ depth: 2, aliases: 2, cost: 5, introspectionLists: 0 });
  });

  it('measures a fragment once however often it is spread: the 2^n bomb is costed, not walked', () => {
    expect(measure(fragmentBomb(10)).cost).toBe(2 ** 10);
    // 2^200 spreads would never finish if walked one by one.
    expect(measure(fragmentBomb(200)).cost).toBe(2 ** 200);
    expect(() => measure(fragmentBomb(28), {}, DEFAULT_LIMITS)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }) }),
    );
  });

  it('multiplies by page sizes from arguments, variables and defaults, and adds what the database does', () => {
    const places = 1 + FIELD_COSTS['Query.places']!;
    // Per place (20 by default): nodes 1, coMentioned 1 + its charge, totalCount 1.
    expect(measure('{ places { nodes { coMentioned(first: 1) { totalCount } } } }').cost).toBe(places + 20 * (1 + 1 + FIELD_COSTS['Place.coMentioned']! + 1));
    expect(measure('query ($n: Int = 5) { places(first: $n) { nodes { name } } }').cost).toBe(places + 5 * 2);
    expect(measure('query ($n: Int = 5) { places(first: $n) { nodes { name } } }', { n: 50 }).cost).toBe(places + 50 * 2);
  });

  it('charges each text filter by the scan it makes, inside OR/AND/NOT too', () => {
    const one = measure('{ articles(where: { textContains: "a" }) { totalCount } }').cost;
    const three = measure('{ articles(where: { OR: [{ textContains: "a" }, { NOT: { textContains: "b" } }, { textContains: "c" }] }) { totalCount } }').cost;
    const scan = INPUT_COSTS['ArticleWhereInput.textContains']!;
    expect(three - one).toBe(2 * scan);
    expect(
      measure('query ($w: ArticleWhereInput) { articles(where: $w) { totalCount } }', { w: { OR: [{ textContains: 'a' }, { textContains: 'b' }] } }).cost,
    ).toBe(one + scan);
  });

  it('refuses lists of lists of introspection beyond the limit, and keeps the standard introspection query cheap', () => {
    expect(() => measure('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }', {}, DEFAULT_LIMITS)).toThrow(
      /introspection lists/,
    );
    expect(measure('{ __schema { types { name fields { name args { name } } } } }', {}, DEFAULT_LIMITS)).toMatchObject({ cost: 0, introspectionLists: 3 });
  });

  it('keeps every example operation within half the default cost', () => {
    for (const operation of loadOperations()) {
      const size = measure(operation.source, {}, DEFAULT_LIMITS);
      expect({ name: operation.name, withinHalf: size.cost <= DEFAULT_LIMITS.maxCost / 2 }).toEqual({ name: operation.name, withinHalf: true });
    }
  });
});
