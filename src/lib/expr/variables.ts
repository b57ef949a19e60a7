import { walk, type ExprNode } from './ast';

/**
 * The environment paths an expression reads, dotted (`$appeal.creator.department`), deduplicated
 * and sorted. A path stops at the first index that is not a constant name (`$appeal.creator.managers[0]`
 * reads `$appeal.creator.managers`). Names a `let` declares are not environment reads.
 */
export function variables(ast: ExprNode): string[] {
  const found = new Set<string>();
  const callees = new Set<ExprNode>();
  const declared = new Set<string>();
  walk(ast, (node) => {
    if (node.type === 'Call') callees.add(node.callee);
    if (node.type === 'Let') declared.add(node.name);
  });
  walk(ast, (node, parent) => {
    if (callees.has(node)) return;
    const path = pathOf(node);
    if (path === null) return;
    if (declared.has(path.split('.')[0] as string)) return;
    // Only the longest path of a member chain: its parent continues it.
    if (parent && parent.type === 'Member' && parent.object === node && pathOf(parent) !== null && !callees.has(parent))
      return;
    if (parent && parent.type === 'Chain' && parent.node === node) return;
    found.add(path);
  });
  return [...found].sort();
}

function pathOf(node: ExprNode): string | null {
  switch (node.type) {
    case 'Identifier':
      return node.name;
    case 'Chain':
      return pathOf(node.node);
    case 'Member': {
      if (node.property.type !== 'String') return null;
      const base = pathOf(node.object);
      return base === null ? null : `${base}.${node.property.value}`;
    }
    default:
      return null;
  }
}
