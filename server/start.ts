import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { buildApp } from './app';
import { localFileStore } from './modules/files/store';
import { createFieldCipher, loadSecretKey, useFieldCipher } from './lib/crypto';
import type { Config } from './config';
import { migrateToLatest, openDb, type DbHandle } from './db';
import { demoLoginLines, seedDemo } from './demo/seed';
import { findDistricts } from './modules/org/service';
import { countStaff } from './modules/auth/staff-service';
import { startEscalationTimer } from './modules/issues/service';
import { startNotifyDispatcher } from './modules/notify/service';

export interface Started {
  app: FastifyInstance;
  dbHandle: DbHandle;
  url: string;
  /** What start-up tells the person who ran it: where to go and how to log in. */
  banner: string[];
}

/** Enough generated households that lists and searches show real pages (a few hundred in all). */
export const DEMO_HOUSEHOLDS_PER_COMMUNITY = 20;

/** Opens the database, applies migrations, loads demo data into an empty one, and listens. */
export async function start(config: Config): Promise<Started> {
  const dbHandle = openDb(config);
  await migrateToLatest(dbHandle.db);
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
    auth: {
      sessionIdleMinutes: config.sessionIdleMinutes,
      requireTwoFactor: config.requireTwoFactor,
    },
    loginRateLimit: config.loginRateLimit,
    logLevel: config.logLevel,
  });
  // Overdue issues go up one level at a time; the timer stops before the database closes.
  const stopEscalation = startEscalationTimer(dbHandle.db, app.log);
  app.addHook('onClose', async () => stopEscalation());
  // Escalations and urgings queued for group-chat robots go out shortly after they are made.
  const stopNotify = startNotifyDispatcher(dbHandle.db, app.log);
  app.addHook('onClose', async () => stopNotify());
  app.addHook('onClose', () => dbHandle.close());
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
    banner.push(...demoLoginLines(config.demoPassword, Boolean(process.env.LINLI_DEMO_PASSWORD)));
  } else if ((await countStaff(dbHandle.db)) === 0) {
    banner.push('The database is empty. Create the first administrator:');
    banner.push(
      '  npm run linli -- create-admin --username admin --name 管理员 --district 平城区 --code 140213',
    );
  }
  return { app, dbHandle, url, banner };
}
