import { buildSchema, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { compiledExecutor, compiledOperations } from '../../src/graphql/compiledExecutor.js';

const schema = buildSchema(`
  input Filter { text: String, NOT: Filter }
  input Range { from: Int, to: Int }
  type Query { count(filter: Filter, range: Range, first: Int = 2): Int }
`);
// The default resolver reads the root value, which the executor leaves undefined: every answer is null.

function run(execute: ReturnType<typeof compiledExecutor>, document: DocumentNode, variables: Record<string, unknown> = {}) {
  const operation = document.definitions[0] as OperationDefinitionNode;
  return execute({ document, operation, operationName: null, context: {}, request: { variables } } as never);
}

describe('compiled queries', () => {
  it('runs a query once on graphql-js, then compiles it, once', async () => {
    const execute = compiledExecutor(schema);
    const document = parse('{ count }');
    const before = compiledOperations();
    expect(await run(execute, document)).toEqual({ data: { count: null } });
    expect(compiledOperations()).toBe(before);
    expect(await run(execute, document)).toEqual({ data: { count: null } });
    expect(await run(execute, document)).toEqual({ data: { count: null } });
    expect(compiledOperations()).toBe(before + 1);
  });

  it('never compiles an operation with a variable of an input type that contains itself', async () => {
    const execute = compiledExecutor(schema);
    const selfContaining = parse('query ($f: Filter) { count(filter: $f) }');
    const plain = parse('query ($r: Range, $n: Int) { count(range: $r, first: $n) }');
    const before = compiledOperations();
    for (let i = 0; i < 3; i++) await run(execute, selfContaining, { f: { NOT: { text: 'x' } } });
    expect(compiledOperations()).toBe(before);
    for (let i = 0; i < 3; i++) await run(execute, plain, { r: { from: 1 }, n: 3 });
    expect(compiledOperations()).toBe(before + 1);
  });

  it('forgets the least recently used documents past 500, so compiled code stays bounded', async () => {
    const execute = compiledExecutor(schema);
    const kept = parse('{ kept: count }');
    const forgotten = parse('{ forgotten: count }');
    await run(execute, forgotten);
    await run(execute, kept);
    for (let i = 0; i < 499; i++) {
      await run(execute, parse(`{ a${i}: count }`));
      if (i % 100 === 0) await run(execute, kept);
    }
    // `forgotten` was the oldest when the 501st document came: it runs as new again (on
    // graphql-js), where a remembered document would have been compiled on this second run.
    const before = compiledOperations();
    await run(execute, kept);
    await run(execute, forgotten);
    expect(compiledOperations()).toBe(before);
    await run(execute, forgotten);
    expect(compiledOperations()).toBe(before + 1);
  });
});
