import path from 'node:path';

/** The documented default for the demo accounts' shared password (README: LINLI_DEMO_PASSWORD). */
export const DEFAULT_DEMO_PASSWORD = 'Linli@2026';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  secretKey: string | undefined;
  demo: boolean;
  demoPassword: string;
  requireTwoFactor: boolean;
  /** Log-in attempts allowed per address per minute. */
  loginRateLimit: number;
  sessionIdleMinutes: number;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.LINLI_DATA_DIR ?? './data'),
    secretKey: env.LINLI_SECRET_KEY || undefined,
    demo: env.LINLI_DEMO !== '0',
    demoPassword: env.LINLI_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    requireTwoFactor: env.LINLI_REQUIRE_2FA === '1',
    loginRateLimit: Number(env.LINLI_LOGIN_RATE_LIMIT ?? 20),
    sessionIdleMinutes: 30,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
