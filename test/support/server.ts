import { loadConfig } from '../../server/config';
import { start } from '../../server/start';
import { createTestDatabase } from './db';

/** The whole server as `npm start` runs it (built web app, demo data), on a free port and a fresh SQLite file. */
export async function startTestServer(): Promise<{ url: string; close(): Promise<void> }> {
  const database = await createTestDatabase('sqlite');
  const config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    dataDir: database.dataDir,
    logLevel: 'silent',
  };
  const { app, url } = await start(config);
  return {
    url: url.replace('localhost', '127.0.0.1'),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
