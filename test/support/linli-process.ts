// One Linli server as its own process, for tests that run several on one database. Configured like
// `npm start` through the environment; LINLI_TEST_JOB_INTERVAL_MS shortens the periodic jobs so a test
// sees them run. Prints `LINLI_READY <url>` once it listens, and closes cleanly on SIGTERM.
import { loadConfig } from '../../server/config';
import { start } from '../../server/start';

const every = Number(process.env.LINLI_TEST_JOB_INTERVAL_MS) || undefined;
const { app, url } = await start(loadConfig(), {
  escalationIntervalMs: every,
  deliveryIntervalMs: every,
});
console.log(`LINLI_READY ${url.replace('localhost', '127.0.0.1')}`);

process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
