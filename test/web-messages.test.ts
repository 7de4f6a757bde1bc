import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageParts, type MessagePart } from '../common/i18n/parts';

// The web loads the words of a module with the pages that show them (web/src/i18n.ts): each route
// in web/src/router.tsx names the parts it needs beyond the core, `page(['issues'], …)`. A part left
// out would show a page's keys instead of its words, so this reads the sources: every key a page or
// anything it imports writes as 'namespace.key' must belong to the core or to a part its route names.

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'web/src');

/** namespace → the part that holds it, from the zh-CN part files. */
const partOf = new Map<string, MessagePart>();
for (const part of messageParts) {
  const source = fs.readFileSync(path.join(root, 'common/i18n/zh-CN', `${part}.ts`), 'utf8');
  const body = source.slice(source.indexOf('export const messages'));
  for (const [, ns] of body.matchAll(/^ {2}(\w+):/gm)) partOf.set(ns, part);
}
const keyPattern = new RegExp(`['"\`](${[...partOf.keys()].join('|')})\\.[\\w$]`, 'g');

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(
    (f) => f.startsWith(web) && fs.existsSync(f),
  );
}

const sources = new Map<string, { imports: string[]; namespaces: Set<string> }>();
function read(file: string) {
  let entry = sources.get(file);
  if (!entry) {
    const text = fs.readFileSync(file, 'utf8');
    const specs = [
      ...[...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+'([^']+)'/gms)],
      ...[...text.matchAll(/\bimport\('([^']+)'\)/g)],
    ].map((m) => m[1]);
    entry = {
      imports: specs.flatMap((s) => resolveImport(file, s) ?? []),
      namespaces: new Set([...text.matchAll(keyPattern)].map((m) => m[1])),
    };
    sources.set(file, entry);
  }
  return entry;
}

/** The parts beyond the core whose keys a file and everything it imports use, with one user each. */
function partsUsed(file: string): Map<MessagePart, string> {
  const used = new Map<MessagePart, string>();
  const seen = new Set<string>();
  const todo = [file];
  while (todo.length > 0) {
    const next = todo.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const { imports, namespaces } = read(next);
    todo.push(...imports);
    for (const ns of namespaces) {
      const part = partOf.get(ns)!;
      if (part !== 'core' && !used.has(part)) used.set(part, `${path.relative(web, next)}: ${ns}.`);
    }
  }
  return used;
}

const router = path.join(web, 'router.tsx');
const routerText = fs.readFileSync(router, 'utf8');
const pages = [
  ...routerText.matchAll(/page\(\s*\[([^\]]*)\],\s*async \(\) => \(await import\('([^']+)'\)\)/g),
].map(([, parts, spec]) => ({
  spec,
  parts: [...parts.matchAll(/'([\w-]+)'/g)].map((m) => m[1]).sort(),
}));
const plainPages = [
  ...routerText.matchAll(/lazy: async \(\) => \(\{\s*Component: \(await import\('([^']+)'\)\)/g),
].map((m) => m[1]);

describe('each page loads the words it shows', () => {
  it('finds the pages of the router', () => {
    expect(pages.length).toBeGreaterThan(30);
    expect(new Set(pages.flatMap((p) => p.parts))).toEqual(
      new Set(messageParts.filter((p) => p !== 'core')),
    );
  });

  it('keeps the app frame to the core', () => {
    expect(Object.fromEntries(partsUsed(path.join(web, 'app-shell.tsx')))).toEqual({});
  });

  it.each(pages)('$spec names the parts it uses, and only those', ({ spec, parts }) => {
    const used = partsUsed(resolveImport(router, spec)!);
    // On a failure the object says which file uses a part the route does not name.
    expect({ parts, used: Object.fromEntries(used) }).toEqual({
      parts: [...used.keys()].sort(),
      used: Object.fromEntries(used),
    });
  });

  it.each(plainPages)('%s uses the core alone', (spec) => {
    expect(Object.fromEntries(partsUsed(resolveImport(router, spec)!))).toEqual({});
  });
});
