import { loadConfig } from './config';
import { start } from './start';

const config = loadConfig();
const { app, banner } = await start(config);
console.log(['', ...banner, ''].join('\n'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
