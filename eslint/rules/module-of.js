import path from 'node:path';

/** The repository's root: the rules name modules by their path under it. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const MODULES_DIR = path.join(ROOT, 'server', 'modules');

/** The module a file belongs to (`server/modules/<module>/…`), or undefined outside the modules. */
export function moduleOf(file) {
  const rel = path.relative(MODULES_DIR, path.resolve(ROOT, file));
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const [name, ...rest] = rel.split(path.sep);
  return rest.length > 0 ? name : undefined;
}

/** The file a relative import names, without its extension; undefined for a package. */
export function importTarget(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  return path
    .resolve(path.dirname(path.resolve(ROOT, fromFile)), specifier)
    .replace(/\.[cm]?[jt]sx?$/, '');
}

/** Every place a file names another: import and export declarations, and dynamic imports. */
export function importVisitors(check) {
  const source = (node) => {
    if (node.source && typeof node.source.value === 'string') check(node.source, node.source.value);
  };
  return {
    ImportDeclaration: source,
    ExportNamedDeclaration: source,
    ExportAllDeclaration: source,
    ImportExpression: source,
  };
}
