import { execFile } from 'node:child_process';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, it } from 'vitest';
import { buildApp } from '../server/app';
import { DEFAULT_DEMO_PASSWORD } from '../server/config';
import { openDb, type DbHandle } from '../server/db';
import { seedDemo } from '../server/demo/seed';
import { createFieldCipher, useFieldCipher } from '../server/lib/crypto';
import { localFileStore } from '../server/modules/files/store';
import { createTestDatabase, dialects, openTestDb, type TestDatabase } from '../test/support/db';

const ROOT = path.resolve(import.meta.dirname, '..');
const STRONG = 'Qiao-2026-Linli';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a user would, in a child process with only the given settings. */
function linli(args: string[], settings: Record<string, string | undefined>): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  for (const key of ['DATABASE_URL', 'LINLI_ADMIN_PASSWORD', 'LINLI_DEMO_PASSWORD', 'LINLI_DEMO'])
    delete env[key];
  for (const [key, value] of Object.entries(settings)) if (value !== undefined) env[key] = value;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'cli/linli.ts', ...args],
      { cwd: ROOT, env, timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const databases: TestDatabase[] = [];
async function freshDatabase(dialect: 'sqlite' | 'postgres' = 'sqlite') {
  const database = await createTestDatabase(dialect);
  databases.push(database);
  const settings = { LINLI_DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl };
  return { database, settings };
}
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});

async function withHandle<T>(database: TestDatabase, work: (h: DbHandle) => Promise<T>) {
  const handle = openDb({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

// Each test has its own database, so they run side by side: most of the time is child start-up.
// Each command is a fresh Node process (~1.5 s to start under tsx, several times that on a busy
// two-core machine), so these tests get more time than the in-process ones.
describe.concurrent('linli command line', { timeout: 120_000 }, () => {
  it('lists its four commands under --help', async ({ expect }) => {
    const run = await linli(['--help'], {});
    expect(run.code).toBe(0);
    for (const command of ['migrate', 'create-admin', 'seed-demo', 'backup'])
      expect(run.stdout).toContain(command);
  });

  describe.each(dialects)('on %s', (dialect) => {
    it('migrates, then creates a district admin who can log in', async ({ expect }) => {
      const { database, settings } = await freshDatabase(dialect);
      const migrated = await linli(['migrate'], settings);
      expect(migrated.code).toBe(0);
      expect(migrated.stdout).toContain('Applied migration 2026-11-28-foundation');

      const created = await linli(
        [
          'create-admin',
          '--username',
          'zhou',
          '--name',
          '周立明',
          '--district',
          '平城区',
          '--code',
          '140213',
        ],
        { ...settings, LINLI_ADMIN_PASSWORD: STRONG },
      );
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      expect(created.stdout).toContain('zhou');

      await withHandle(database, async (handle) => {
        const rows = await handle.db
          .selectFrom('staff_user')
          .innerJoin('role_assignment', 'role_assignment.user_id', 'staff_user.id')
          .innerJoin('org_unit', 'org_unit.id', 'role_assignment.org_unit_id')
          .select([
            'staff_user.display_name',
            'role_assignment.role',
            'org_unit.name',
            'org_unit.kind',
          ])
          .where('staff_user.username', '=', 'zhou')
          .execute();
        expect(rows).toEqual([
          { display_name: '周立明', role: 'districtAdmin', name: '平城区', kind: 'district' },
        ]);
        const app = await buildApp({
          dbHandle: handle,
          secretKey: 'test-secret-key',
          auth: { sessionIdleMinutes: 30, requireTwoFactor: false },
          loginRateLimit: 100,
          serveWeb: false,
        });
        try {
          const login = await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: 'zhou', password: STRONG },
          });
          expect(login.statusCode).toBe(200);
        } finally {
          await app.close();
        }
      });

      const again = await linli(
        ['create-admin', '--username', 'zhou', '--name', '周立明', '--password', STRONG],
        settings,
      );
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('user name is taken');
    });

    it('backs the database up', async ({ expect }) => {
      const { database, settings } = await freshDatabase(dialect);
      const file = path.join(database.dataDir, 'backup copy.db');
      if (dialect === 'postgres') {
        const run = await linli(['backup', file], settings);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain(
          `pg_dump --format=custom --file '${file}' '${database.databaseUrl}'`,
        );
        return;
      }
      const handle = await openTestDb(database);
      useFieldCipher(createFieldCipher('test-secret-key'));
      await seedDemo(handle.db, DEFAULT_DEMO_PASSWORD, {
        fileStore: localFileStore(path.join(database.dataDir, 'files')),
      });
      const units = await handle.db.selectFrom('org_unit').select('name').execute();
      // Left open, as a running server would hold it.
      try {
        const run = await linli(['backup', file], settings);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/KiB|MiB/);
      } finally {
        await handle.close();
      }
      const copy = new SQLite(file, { readonly: true, fileMustExist: true });
      try {
        const names = copy.prepare('SELECT name FROM org_unit').all() as { name: string }[];
        expect(names.length).toBe(units.length);
        expect(names.map((n) => n.name)).toContain('振华街道');
      } finally {
        copy.close();
      }
      const again = await linli(['backup', file], settings);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('--force');
    });
  });

  it('refuses a weak password and leaves the database as it was', async ({ expect }) => {
    const { database, settings } = await freshDatabase();
    const run = await linli(
      [
        'create-admin',
        '--username',
        'zhou',
        '--name',
        '周立明',
        '--district',
        '平城区',
        '--code',
        '140213',
        '--password',
        'zhou12345',
      ],
      settings,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Password too weak');
    expect(run.stdout).not.toContain('Created');
    await withHandle(database, async (handle) => {
      // The district named alongside is not made either: a retry starts from the same state.
      expect(await handle.db.selectFrom('org_unit').select('id').execute()).toEqual([]);
      expect(await handle.db.selectFrom('staff_user').select('id').execute()).toEqual([]);
    });
  });

  it('loads the demo district once and refuses to load it twice', async ({ expect }) => {
    const { database, settings } = await freshDatabase();
    const seeded = await linli(['seed-demo'], settings);
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('平城区');
    expect(seeded.stdout).toContain(`password ${DEFAULT_DEMO_PASSWORD}`);
    expect(seeded.stdout).toMatch(/street\.zhenhua\s+streetAdmin/);

    const twice = await linli(['seed-demo'], settings);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('already holds the district 平城区');

    await withHandle(database, async (handle) => {
      const districts = await handle.db
        .selectFrom('org_unit')
        .select('name')
        .where('kind', '=', 'district')
        .execute();
      expect(districts).toEqual([{ name: '平城区' }]);
    });
  });
});
