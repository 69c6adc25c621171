import type { OperationDefinitionNode } from 'graphql';

/** Longest variables (as JSON) whose cost is kept: large inputs are writes, rare and cheap to measure. */
const MAX_KEY_LENGTH = 2048;
/** Variable sets kept per operation; the oldest goes first. */
const MAX_PER_OPERATION = 64;

/**
 * Costs of operations that passed every limit, by operation and variables. Apollo keeps each
 * document it has parsed and validated (its document store), so a client repeating a query
 * sends the same operation node every time; measuring it walked the whole selection (checking
 * inputs, then depth, aliases and cost) on every request, several percent of a large page's
 * CPU. Refused operations are never kept: they are measured again, and refused again.
 */
export class MeasuredCosts {
  private readonly costs = new WeakMap<OperationDefinitionNode, Map<string, number>>();

  /** The cost measured before for `operation` with `variables`, or undefined. */
  get(operation: OperationDefinitionNode, variables: Record<string, unknown>): number | undefined {
    const key = keyOf(variables);
    return key === null ? undefined : this.costs.get(operation)?.get(key);
  }

  /** Keeps a cost that passed the limits. */
  set(operation: OperationDefinitionNode, variables: Record<string, unknown>, cost: number): void {
    const key = keyOf(variables);
    if (key === null) return;
    let byVariables = this.costs.get(operation);
    if (!byVariables) this.costs.set(operation, (byVariables = new Map()));
    if (byVariables.size >= MAX_PER_OPERATION) byVariables.delete(byVariables.keys().next().value!);
    byVariables.set(key, cost);
  }
}

function keyOf(variables: Record<string, unknown>): string | null {
  const key = JSON.stringify(variables);
  return key.length > MAX_KEY_LENGTH ? null : key;
}
