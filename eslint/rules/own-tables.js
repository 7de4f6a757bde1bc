import owners from '../table-owners.json' with { type: 'json' };
import { moduleOf } from './module-of.js';

/** Table → the module (or `lib`, `db`) that owns it, from the one map docs/architecture.md points to. */
const ownerOf = new Map(
  Object.entries(owners).flatMap(([owner, tables]) => tables.map((t) => [t, owner])),
);

/** Kysely calls whose first argument names a table (`'org_unit'`, `'org_unit as u'`, or a list). */
const TABLE_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'using',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'crossJoinLateral',
]);

function literalText(node) {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0)
    return node.quasis[0].value.cooked;
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: {
      description:
        "A module queries only the tables it owns (eslint/table-owners.json); another module's facts come from that module's service.",
    },
    schema: [],
    messages: {
      foreign:
        "`{{module}}` queries `{{table}}`, which `{{owner}}` owns: ask {{owner}}'s service instead (eslint/table-owners.json).",
      unowned:
        '`{{table}}` has no owner in eslint/table-owners.json: add it under the module that creates it.',
    },
  },
  create(context) {
    const module = moduleOf(context.filename);
    if (!module) return {};
    const checkName = (node) => {
      const text = literalText(node);
      if (text === undefined) return;
      const table = text
        .trim()
        .split(/\s+as\s+/i)[0]
        .trim();
      const owner = ownerOf.get(table);
      if (owner === undefined) context.report({ node, messageId: 'unowned', data: { table } });
      else if (owner !== module)
        context.report({ node, messageId: 'foreign', data: { module, table, owner } });
    };
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed) return;
        if (callee.property.type !== 'Identifier' || !TABLE_METHODS.has(callee.property.name))
          return;
        const first = node.arguments[0];
        if (!first) return;
        if (first.type === 'ArrayExpression') first.elements.forEach((e) => e && checkName(e));
        else checkName(first);
      },
    };
  },
};
