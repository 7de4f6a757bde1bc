import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { buildApp } from './app';
import { localFileStore } from './modules/files/store';
import { createFieldCipher, loadSecretKey, useFieldCipher } from './lib/crypto';
import { ConfigError, productionProblems, type Config } from './config';
import { demoSeededAt } from './db/system-settings';
import { migrateToLatest, openDb, refreshStatistics, type DbHandle } from './db';
import { demoLoginLines, seedDemo } from './demo/seed';
import { findDistricts } from './modules/org/service';
import { countStaff } from './modules/auth/staff-service';
import { createJobs } from './jobs/jobs';
import { registerEscalationJob } from './modules/issues/service';
import { registerDeliveryJob } from './modules/notify/service';
import { imapSettingsFromEnv, registerMailImportJob } from './modules/tips/imap';

export interface Started {
  app: FastifyInstance;
  dbHandle: DbHandle;
  url: string;
  /** What start-up tells the person who ran it: where to go and how to log in. */
  banner: string[];
  shutdownTimeoutMs: number;
}

/** Enough generated households that lists and searches show real pages (a few hundred in all). */
export const DEMO_HOUSEHOLDS_PER_COMMUNITY = 20;

export const STATISTICS_JOB = 'db.statistics';

/** Intervals of the periodic jobs, shortened by tests that watch them run. */
export interface StartOptions {
  escalationIntervalMs?: number;
  deliveryIntervalMs?: number;
}

/** Opens the database, applies migrations, loads demo data into an empty one, and listens. */
export async function start(config: Config, options: StartOptions = {}): Promise<Started> {
  const mailbox = imapSettingsFromEnv(process.env);
  if (config.imapStreet && 'missing' in mailbox)
    throw new ConfigError(
      `LINLI_IMAP_STREET is set but the mailbox is not: set LINLI_IMAP_URL or ${mailbox.missing.join(', ')}.`,
    );
  const refused = productionProblems(config);
  if (refused.length > 0)
    throw new ConfigError(`Linli will not start in production:\n  ${refused.join('\n  ')}`);
  const dbHandle = openDb(config);
  await migrateToLatest(dbHandle.db);
  await refreshStatistics(dbHandle);
  const seeded = config.production ? await demoSeededAt(dbHandle.db) : undefined;
  if (seeded) {
    await dbHandle.close();
    throw new ConfigError(
      `Linli will not start in production: this database holds the demo district (loaded ${seeded}), whose accounts share a password printed in the README. Start production on a database of its own and create the first administrator with create-admin.`,
    );
  }
  const empty =
    (await findDistricts(dbHandle.db)).length === 0 && (await countStaff(dbHandle.db)) === 0;
  const banner: string[] = [];
  const secret = loadSecretKey(config.secretKey, config.dataDir);
  useFieldCipher(createFieldCipher(secret.key));
  if (empty && config.demo) {
    await seedDemo(dbHandle.db, config.demoPassword, {
      generatedPerCommunity: DEMO_HOUSEHOLDS_PER_COMMUNITY,
      fileStore: localFileStore(path.join(config.dataDir, 'files')),
    });
  }
  const app = await buildApp({
    dbHandle,
    secretKey: secret.key,
    fileStore: localFileStore(path.join(config.dataDir, 'files')),
    importDir: path.join(config.dataDir, 'imports'),
    auth: {
      sessionIdleMinutes: config.sessionIdleMinutes,
      requireTwoFactor: config.requireTwoFactor,
    },
    loginRateLimit: config.loginRateLimit,
    logLevel: config.logLevel,
    production: config.production,
    trustProxy: config.trustProxy,
    redisUrl: config.redisUrl,
  });
  app.addHook('onClose', () => dbHandle.close());
  // Overdue issues go up one level at a time, and what is queued for group-chat robots goes out, as
  // jobs: with several processes on one PostgreSQL database each run is claimed by one of them.
  const jobs = createJobs({
    dialect: dbHandle.dialect,
    databaseUrl: config.databaseUrl,
    log: app.log,
  });
  registerEscalationJob(jobs, dbHandle.db, options.escalationIntervalMs);
  // The planner's statistics follow the registers as they grow (an import refreshes them at once).
  jobs.every(STATISTICS_JOB, 3_600_000, () => refreshStatistics(dbHandle));
  const unregisterDelivery = registerDeliveryJob(jobs, dbHandle.db, options.deliveryIntervalMs);
  // The tip mailbox, when the server is told whose it is; otherwise `import-tips` reads it by hand.
  if (config.imapStreet && !('missing' in mailbox)) {
    registerMailImportJob(jobs, {
      db: dbHandle.db,
      store: localFileStore(path.join(config.dataDir, 'files')),
      settings: mailbox,
      street: config.imapStreet,
      log: app.log,
    });
  }
  await jobs.start();
  // Fastify runs onClose hooks last-added first: added after the database's, this one lets the runs
  // under way finish before the database closes.
  app.addHook('onClose', async () => {
    unregisterDelivery();
    await jobs.stop();
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  if (secret.generated)
    banner.push(
      `LINLI_SECRET_KEY is not set: made one and kept it in ${config.dataDir}/secret.key (set the variable in production).`,
    );
  banner.push(
    `Linli 邻里 is running on ${dbHandle.dialect === 'sqlite' ? 'SQLite (' + config.dataDir + ')' : 'PostgreSQL'}`,
  );
  banner.push(`Open ${url}   API docs: ${url}/api/docs`);
  if (config.demo && (empty || (await countStaff(dbHandle.db)) > 0)) {
    banner.push(...demoLoginLines(config.demoPassword, config.demoPasswordFromEnv));
  } else if ((await countStaff(dbHandle.db)) === 0) {
    banner.push('The database is empty. Create the first administrator:');
    banner.push(
      `  ${config.production ? 'node dist/cli.js' : 'npm run linli --'} create-admin --username admin --name 管理员 --district 平城区 --code 140213`,
    );
  }
  return { app, dbHandle, url, banner, shutdownTimeoutMs: config.shutdownTimeoutMs };
}
