import { ConfigError, loadConfig } from './config';
import { closeRenderPool } from './lib/render-pool';
import { start } from './start';

let started: Awaited<ReturnType<typeof start>>;
try {
  started = await start(loadConfig());
} catch (err) {
  // A refused configuration is the operator's to fix: say what, without a stack trace.
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
const { app, banner, shutdownTimeoutMs } = started;
console.log(['', ...banner, ''].join('\n'));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    // Requests in flight finish, jobs stop, then the Excel and PDF workers end; past the limit the
    // process ends anyway, so a hung connection cannot keep a restart waiting for ever.
    setTimeout(() => {
      app.log.error(`still busy ${shutdownTimeoutMs} ms after ${signal}: exiting`);
      process.exit(1);
    }, shutdownTimeoutMs).unref();
    app
      .close()
      .then(closeRenderPool)
      .then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error(err, 'shutdown failed');
          process.exit(1);
        },
      );
  });
}
