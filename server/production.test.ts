import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DEMO_PASSWORD, loadConfig, type Config } from './config';
import { openDb } from './db';
import { seedDemo } from './demo/seed';
import { createFieldCipher, useFieldCipher } from './lib/crypto';
import { localFileStore } from './modules/files/store';
import { countStaff } from './modules/auth/staff-service';
import { start } from './start';
import { createTestDatabase, dialects, openTestDb, type TestDatabase } from '../test/support/db';

const ROOT = path.resolve(import.meta.dirname, '..');
const SECRET = 'a-production-key-of-at-least-32-characters';
const STRONG = 'Qiao-2026-Linli';

const databases: TestDatabase[] = [];
async function freshDatabase(dialect: 'sqlite' | 'postgres') {
  const database = await createTestDatabase(dialect);
  databases.push(database);
  return database;
}
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});

/** The configuration a production operator would give, on the given database. */
function productionConfig(database: TestDatabase, env: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({
    NODE_ENV: 'production',
    LINLI_SECRET_KEY: SECRET,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    LINLI_DATA_DIR: database.dataDir,
    DATABASE_URL: database.databaseUrl,
    ...env,
  });
}

async function refusal(config: Config): Promise<string> {
  const err = await start(config).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  return (err as Error).message;
}

function linli(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'cli/linli.ts', ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? -1) : 0, stdout, stderr }),
    );
  });
}

describe('configuration', () => {
  it('stops at a bad value with a message naming the variable', () => {
    for (const [name, value] of [
      ['PORT', 'eighty'],
      ['DATABASE_URL', 'mysql://db/linli'],
      ['LINLI_TRUST_PROXY', 'everyone'],
      ['LINLI_LOGIN_RATE_LIMIT', '0'],
      ['LINLI_SECRET_KEY', 'short'],
      ['LOG_LEVEL', 'loud'],
      ['LINLI_DEMO', 'yes'],
    ]) {
      expect(() => loadConfig({ [name]: value }), name).toThrow(ConfigError);
      expect(() => loadConfig({ [name]: value }), name).toThrow(name);
    }
  });

  it('loads the demo only on the embedded database outside production, unless asked', () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/linli' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/linli', LINLI_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(loadConfig({ LINLI_DEMO: '0' }).demo).toBe(false);
  });

  it('refuses to read a tip mailbox it has no address for', async () => {
    const err = await start(
      loadConfig({ LINLI_IMAP_STREET: '新旺街道', LOG_LEVEL: 'silent' }),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain('LINLI_IMAP_URL');
  });

  it('takes a hop count or a list of proxies, never "trust all"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ LINLI_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ LINLI_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
    ]);
    expect(() => loadConfig({ LINLI_TRUST_PROXY: 'true' })).toThrow('LINLI_TRUST_PROXY');
  });
});

describe.each(dialects)('a production start on %s', (dialect) => {
  it('refuses without a secret key, and makes no key file beside the data', async () => {
    const database = await freshDatabase(dialect);
    const message = await refusal(productionConfig(database, { LINLI_SECRET_KEY: '' }));
    expect(message).toContain('LINLI_SECRET_KEY');
    expect(fs.existsSync(path.join(database.dataDir, 'secret.key'))).toBe(false);
  });

  it('refuses demo data and a demo password', async () => {
    const database = await freshDatabase(dialect);
    expect(await refusal(productionConfig(database, { LINLI_DEMO: '1' }))).toContain('LINLI_DEMO');
    expect(
      await refusal(productionConfig(database, { LINLI_DEMO_PASSWORD: DEFAULT_DEMO_PASSWORD })),
    ).toContain('LINLI_DEMO_PASSWORD');
  });

  it('refuses a database the demo district was loaded into', async () => {
    const database = await freshDatabase(dialect);
    const handle = await openTestDb(database);
    useFieldCipher(createFieldCipher(SECRET));
    await seedDemo(handle.db, DEFAULT_DEMO_PASSWORD, {
      fileStore: localFileStore(path.join(database.dataDir, 'files')),
    });
    await handle.close();
    expect(await refusal(productionConfig(database))).toContain('demo district');
  });

  it('starts with exactly the one administrator made by create-admin, who can log in', async () => {
    const database = await freshDatabase(dialect);
    const env = {
      NODE_ENV: 'production',
      LINLI_SECRET_KEY: SECRET,
      LINLI_DATA_DIR: database.dataDir,
      ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    };
    // The published demo password is refused even where it would pass the strength rules.
    const demo = await linli(
      [
        'create-admin',
        '--username',
        'wangzr',
        '--name',
        '王主任',
        '--district',
        '平城区',
        '--code',
        '140213',
        '--password',
        DEFAULT_DEMO_PASSWORD,
      ],
      env,
    );
    expect(demo.code).not.toBe(0);
    expect(demo.stderr).toContain('demo password');
    const made = await linli(
      [
        'create-admin',
        '--username',
        'wangzr',
        '--name',
        '王主任',
        '--district',
        '平城区',
        '--code',
        '140213',
        '--password',
        STRONG,
      ],
      env,
    );
    expect(made.code, made.stderr).toBe(0);

    const { app, banner, dbHandle } = await start(productionConfig(database));
    try {
      expect(await countStaff(dbHandle.db)).toBe(1);
      expect(banner.join('\n')).not.toContain(DEFAULT_DEMO_PASSWORD);
      expect(fs.existsSync(path.join(database.dataDir, 'secret.key'))).toBe(false);
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'wangzr', password: STRONG },
      });
      expect(login.statusCode).toBe(200);
      const demoLogin = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: DEFAULT_DEMO_PASSWORD },
      });
      expect(demoLogin.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});

describe('seed-demo', () => {
  it('is refused in production and leaves the database empty', async () => {
    const database = await freshDatabase('sqlite');
    const refused = await linli(['seed-demo'], {
      NODE_ENV: 'production',
      LINLI_SECRET_KEY: SECRET,
      LINLI_DATA_DIR: database.dataDir,
    });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('production');
    const handle = openDb({ dataDir: database.dataDir });
    try {
      expect(await countStaff(handle.db)).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
