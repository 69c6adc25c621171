import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved selects `name` directly (through fragments too), e.g. a
 * connection's `totalCount`: work for a field nobody asked for is skipped.
 */
export function selects(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, name: string): boolean {
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && inSet(node.selectionSet, name, info.fragments, new Set()));
}

function inSet(set: SelectionSetNode, name: string, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): boolean {
  return set.selections.some((selection) => {
    if (selection.kind === 'Field') return selection.name.value === name;
    if (selection.kind === 'InlineFragment') return inSet(selection.selectionSet, name, fragments, seen);
    const fragment = fragments[selection.name.value];
    if (!fragment || seen.has(fragment.name.value)) return false;
    seen.add(fragment.name.value);
    return inSet(fragment.selectionSet, name, fragments, seen);
  });
}
