import type { OrgTreeNode } from '../../../../common/schemas/org';

export interface TreeIndex {
  byId: Map<string, OrgTreeNode>;
  parentOf: Map<string, string | null>;
}

export function indexTree(roots: OrgTreeNode[]): TreeIndex {
  const byId = new Map<string, OrgTreeNode>();
  const parentOf = new Map<string, string | null>();
  const walk = (nodes: OrgTreeNode[], parent: string | null) => {
    for (const node of nodes) {
      byId.set(node.id, node);
      parentOf.set(node.id, parent);
      walk(node.children, node.id);
    }
  };
  walk(roots, null);
  return { byId, parentOf };
}

/** Names from the top of the visible tree down to the unit. */
export function trailOf(index: TreeIndex, id: string): OrgTreeNode[] {
  const trail: OrgTreeNode[] = [];
  for (let at: string | null | undefined = id; at; at = index.parentOf.get(at)) {
    const node = index.byId.get(at);
    if (node) trail.unshift(node);
  }
  return trail;
}

/** Keeps the units whose name or code contains the text, with the ancestors that lead to them. */
export function filterTree(nodes: OrgTreeNode[], text: string): OrgTreeNode[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return nodes;
  const result: OrgTreeNode[] = [];
  for (const node of nodes) {
    const children = filterTree(node.children, needle);
    const hit = node.name.toLowerCase().includes(needle) || (node.code ?? '').includes(needle);
    if (hit || children.length) result.push({ ...node, children: hit ? node.children : children });
  }
  return result;
}

export function allIds(nodes: OrgTreeNode[]): string[] {
  return nodes.flatMap((n) => [n.id, ...allIds(n.children)]);
}

/** Districts and streets open, so communities show without a tap, grids stay folded. */
export function defaultExpanded(nodes: OrgTreeNode[]): string[] {
  return nodes.flatMap((n) =>
    n.kind === 'district' || n.kind === 'street' ? [n.id, ...defaultExpanded(n.children)] : [],
  );
}
