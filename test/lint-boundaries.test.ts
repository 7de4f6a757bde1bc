import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import owners from '../eslint/table-owners.json';

// The lint rules that keep the modules talking through services (docs/architecture.md), run with
// the repository's own eslint.config.js on small snippets that exist only here. Type-aware parsing
// is switched off (a snippet belongs to no TypeScript project) and only the linli/ rules run.

const root = path.resolve(import.meta.dirname, '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
    ruleFilter: ({ ruleId }) => ruleId.startsWith('linli/'),
  });
});

/** The linli/ rules a snippet breaks, as `rule: message`. */
async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('the lint run keeps the modules apart', () => {
  it('applies the rules to the modules, not to their tests, the database layer or the demo', async () => {
    const rulesFor = async (file: string) => {
      const config = (await eslint.calculateConfigForFile(path.join(root, file))) as {
        rules?: Record<string, unknown>;
      };
      return Object.keys(config.rules ?? {}).filter((r) => r.startsWith('linli/'));
    };
    expect(await rulesFor('server/modules/cases/service.ts')).toEqual([
      'linli/own-tables',
      'linli/no-foreign-repo',
      'linli/no-module-cycle',
    ]);
    for (const file of [
      'server/modules/cases/cases.test.ts',
      'server/db/area.ts',
      'server/db/migrations/2026-11-28-foundation.ts',
      'server/demo/grid.ts',
      'bench/run.ts',
    ])
      expect(await rulesFor(file), file).toEqual([]);
  });

  it('refuses a module importing another module’s repo, and lets it call the service', async () => {
    expect(
      await problems(
        'server/modules/cases/probe.ts',
        `import { findResidents } from '../people/repo';\nexport const f = findResidents;\n`,
      ),
    ).toEqual([expect.stringMatching(/^linli\/no-foreign-repo: `cases` imports people's repo/)]);
    expect(
      await problems(
        'server/modules/tips/probe.ts',
        `export { findInspections } from '../places/inspection-repo';\n`,
      ),
    ).toEqual([expect.stringMatching(/^linli\/no-foreign-repo: `tips` imports places's repo/)]);
    expect(
      await problems(
        'server/modules/cases/probe.ts',
        `import * as repo from './repo';\nimport { residentBasics } from '../people/service';\nexport const f = [repo, residentBasics];\n`,
      ),
    ).toEqual([]);
  });

  it('refuses a module querying another module’s tables, and lets it query its own', async () => {
    const foreign = `
      import type { Db } from '../../db';
      export const names = (db: Db) =>
        db
          .selectFrom('social_case as c')
          .leftJoin('staff_user as w', 'w.id', 'c.assigned_worker_id')
          .innerJoin('org_unit', 'org_unit.id', 'c.station_id')
          .selectAll('c')
          .execute();
      export const tags = (db: Db) => db.deleteFrom('resident_care_tag').execute();
    `;
    expect(await problems('server/modules/cases/probe.ts', foreign)).toEqual([
      expect.stringMatching(/^linli\/own-tables: `cases` queries `staff_user`, which `auth` owns/),
      expect.stringMatching(/^linli\/own-tables: `cases` queries `org_unit`, which `org` owns/),
      expect.stringMatching(
        /^linli\/own-tables: `cases` queries `resident_care_tag`, which `people`/,
      ),
    ]);
    const own = `
      import type { Db } from '../../db';
      export const rows = (db: Db) =>
        db
          .selectFrom(['social_case as c', 'service_record'])
          .innerJoin('case_event as e', 'e.case_id', 'c.id')
          .selectAll('c')
          .execute();
    `;
    expect(await problems('server/modules/cases/probe.ts', own)).toEqual([]);
    expect(await problems('server/modules/cases/probe.ts', `db.selectFrom('nowhere');`)).toEqual([
      expect.stringMatching(/^linli\/own-tables: `nowhere` has no owner/),
    ]);
    // Tests, the database layer and the demo build data in any table.
    expect(await problems('server/modules/cases/probe.test.ts', foreign)).toEqual([]);
    expect(await problems('server/db/probe.ts', foreign)).toEqual([]);
    expect(await problems('server/demo/probe.ts', foreign)).toEqual([]);
  });

  it('refuses an import that closes a cycle between modules, and lets one that does not', async () => {
    // people imports org (unit names, grid placements): org importing people back closes a cycle.
    expect(
      await problems(
        'server/modules/org/probe.ts',
        `import { residentBasics } from '../people/service';\nexport const f = residentBasics;\n`,
      ),
    ).toEqual([
      expect.stringMatching(
        /^linli\/no-module-cycle: `org` imports `people`, which imports `org` back/,
      ),
    ]);
    // A type-only import is a dependency too.
    expect(
      await problems(
        'server/modules/issues/probe.ts',
        `import type { Ctx } from '../places/service';\nexport type C = Ctx;\n`,
      ),
    ).toEqual([expect.stringMatching(/^linli\/no-module-cycle: `issues` imports `places`/)]);
    expect(
      await problems(
        'server/modules/people/probe.ts',
        `import { unitNames } from '../org/service';\nimport { recordAudit } from '../audit/service';\nexport const f = [unitNames, recordAudit];\n`,
      ),
    ).toEqual([]);
  });

  it('names an owner for every table, as docs/architecture.md lists them', () => {
    const schema = fs.readFileSync(path.join(root, 'server/db/schema.ts'), 'utf8');
    const database = /export interface Database \{([^}]*)\}/.exec(schema)![1];
    const tables = [...database.matchAll(/^\s+(\w+):/gm)].map((m) => m[1]).sort();
    const owned = Object.values(owners).flat().sort();
    expect(owned).toEqual(tables);

    const modules = fs.readdirSync(path.join(root, 'server/modules')).sort();
    const doc = fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
    const documented = Object.fromEntries(
      [...doc.matchAll(/^\| `(\w+)` +\| (`[^|]*`) +\|/gm)].map(([, module, list]) => [
        module,
        [...list.matchAll(/`(\w+)`/g)].map((m) => m[1]).sort(),
      ]),
    );
    expect(Object.keys(documented).sort()).toEqual(modules);
    for (const module of modules)
      expect(documented[module], module).toEqual(
        [...(owners as Record<string, string[]>)[module]].sort(),
      );
  });
});
