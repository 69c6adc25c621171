import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import type { QueryLimits } from '../../config/queryLimits.js';
import { currentBudget } from '../../db/requestBudget.js';
import { checkInputs } from './checkInputs.js';
import { HeavyLane } from './heavyLane.js';
import { measureOperation } from './measureOperation.js';
import { MeasuredCosts } from './measuredCosts.js';

/**
 * Charges a request's estimated cost to its client (rate limiting); throws a RATE_LIMITED
 * GraphQLError when the client has not that much left. `refused` charges a request the limits
 * refused: never throws, the refusal is the answer.
 */
export type ChargeCost = (cost: number, refused: boolean) => Promise<void>;

/**
 * Refuses, with HTTP 400 before anything runs, operations whose inputs break a limit (string
 * length, NUL or lone surrogate, list length, nesting: BAD_USER_INPUT) and operations over the
 * depth, alias and cost limits, then charges the cost (`charge`; a refused operation as one at
 * the cost limit). A heavy operation then waits for its turn in the heavy lane (`heavyLane.ts`). It runs after validation because both read the variables; the token limit
 * (Apollo's `parseOptions.maxTokens`) already bounds what validation reads.
 */
export function createLimitsPlugin<C extends object>(limits: QueryLimits, charge?: ChargeCost): ApolloServerPlugin<C> {
  const heavyLane = new HeavyLane(limits.heavyRequestsAtOnce);
  // The same document with the same variables passes or fails the same way: measured once.
  const measured = new MeasuredCosts();
  return {
    async requestDidStart() {
      let leave: (() => void) | undefined;
      return {
        async willSendResponse() {
          leave?.();
        },
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          let cost = measured.get(operation, variables);
          if (cost === undefined) {
            const fragments: Record<string, FragmentDefinitionNode> = {};
            for (const definition of document.definitions) {
              if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
            }
            try {
              checkInputs(schema, operation, fragments, variables, limits);
              cost = measureOperation(schema, operation, fragments, variables, limits).cost;
            } catch (error) {
              await charge?.(limits.maxCost, true);
              throw error;
            }
            measured.set(operation, variables, cost);
          }
          await charge?.(cost, false);
          if (cost >= limits.heavyCost) leave = await heavyLane.enter(currentBudget());
        },
      };
    },
  };
}
