import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import { measureOperation } from './measureOperation.js';
import type { QueryLimits } from '../../config/queryLimits.js';

/**
 * Refuses operations over the depth, alias and cost limits with HTTP 400 before anything runs.
 * It runs after validation because cost needs the variables (`first: $first`); the token limit
 * (Apollo's `parseOptions.maxTokens`) already bounds what validation has to read.
 */
export function createLimitsPlugin<C extends object>(limits: QueryLimits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          measureOperation(schema, operation, fragments, request.variables ?? {}, limits);
        },
      };
    },
  };
}
