import fs from 'node:fs';
import path from 'node:path';
import { MODULES_DIR, ROOT, importTarget, importVisitors, moduleOf } from './module-of.js';

/*
 * Modules form a graph with no cycle: if `places` imports `issues`, nothing in `issues` (nor in a
 * module `issues` imports) may import `places`. The graph is of modules, not files, so a cycle
 * through two unrelated files of the same two modules counts too. Type-only imports count: a
 * module that needs another's types depends on it.
 *
 * import-x/no-cycle follows files and resolves every import through TypeScript's resolver; this
 * reads the import lines of server/modules/ once per change of a file (by mtime), which keeps
 * `npm run lint` as quick as it was.
 */

const IMPORT_RE =
  /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

/** file → { mtimeMs, deps: Map<module, importing specifier's target file> } */
const cache = new Map();

function listSources(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) listSources(p, out);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(p);
  }
  return out;
}

/** The other modules a file imports, each with the file it imports there. */
function depsOf(file, specifiers) {
  const from = moduleOf(file);
  const deps = new Map();
  for (const spec of specifiers) {
    const target = importTarget(file, spec);
    const to = target && moduleOf(target + '.ts');
    if (to && to !== from && !deps.has(to)) deps.set(to, path.relative(ROOT, target));
  }
  return deps;
}

function scan(file) {
  const { mtimeMs } = fs.statSync(file);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.deps;
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(IMPORT_RE)].map((m) => m[1] ?? m[2] ?? m[3]);
  const deps = depsOf(file, specifiers);
  cache.set(file, { mtimeMs, deps });
  return deps;
}

/** module → module → an edge's evidence: `from-file → to-file`. */
function moduleGraph(except) {
  const graph = new Map();
  for (const file of listSources(MODULES_DIR, [])) {
    if (file === except) continue;
    const from = moduleOf(file);
    for (const [to, target] of scan(file)) {
      if (!graph.has(from)) graph.set(from, new Map());
      const edges = graph.get(from);
      if (!edges.has(to)) edges.set(to, `${path.relative(ROOT, file)} → ${target}`);
    }
  }
  return graph;
}

/** The shortest way from `start` back to `goal`, as the edges' evidence; undefined if none. */
function findPath(graph, start, goal) {
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const at = queue.shift();
    if (at === goal) {
      const steps = [];
      for (let m = at; previous.get(m) !== undefined; m = previous.get(m)) {
        steps.unshift(graph.get(previous.get(m)).get(m));
      }
      return steps;
    }
    for (const next of graph.get(at)?.keys() ?? []) {
      if (!previous.has(next)) {
        previous.set(next, at);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycle between the modules of server/modules/.' },
    schema: [],
    messages: {
      cycle: '`{{module}}` imports `{{other}}`, which imports `{{module}}` back: {{path}}.',
    },
  },
  create(context) {
    const file = path.resolve(ROOT, context.filename);
    const module = moduleOf(file);
    if (!module) return {};
    const imports = [];
    return {
      ...importVisitors((node, specifier) => imports.push({ node, specifier })),
      'Program:exit'() {
        if (imports.length === 0) return;
        let graph;
        const reported = new Set();
        for (const { node, specifier } of imports) {
          const target = importTarget(file, specifier);
          const other = target && moduleOf(target + '.ts');
          if (!other || other === module || reported.has(other)) continue;
          graph ??= moduleGraph(file);
          const back = findPath(graph, other, module);
          if (!back) continue;
          reported.add(other);
          context.report({
            node,
            messageId: 'cycle',
            data: { module, other, path: back.join(', ') },
          });
        }
      },
    };
  },
};
