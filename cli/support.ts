import readline from 'node:readline/promises';
import { interpolate, resources } from '../common/i18n';
import type { Config } from '../server/config';
import { migrateToLatest, openDb, type DbHandle } from '../server/db';
import { AppError } from '../server/lib/errors';

/** A refusal meant for the person at the terminal: printed as is, exit code 1, no stack trace. */
export class CliError extends Error {}

/** What a failure says on the terminal: the server's own English message for its errors. */
export function describeError(err: unknown): string {
  if (err instanceof AppError) return interpolate(resources['en-US'].errors[err.code], err.params);
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Opens the configured database, runs `work`, and closes it whatever happens. */
export async function withDb<T>(
  config: Config,
  work: (handle: DbHandle) => Promise<T>,
): Promise<T> {
  const handle = openDb(config);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** Applies pending migrations and says which, so every command that writes can run on a fresh database. */
export async function applyMigrations(handle: DbHandle, quietWhenNone = true): Promise<string[]> {
  const applied = await migrateToLatest(handle.db);
  for (const name of applied) console.log(`Applied migration ${name}`);
  if (applied.length === 0 && !quietWhenNone) console.log('The database is up to date.');
  return applied;
}

/** The password from the option, else LINLI_ADMIN_PASSWORD, else asked on the terminal. */
export async function obtainPassword(given: string | undefined): Promise<string> {
  if (given) return given;
  const fromEnv = process.env.LINLI_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new CliError(
      'No password given: use --password, set LINLI_ADMIN_PASSWORD, or run on a terminal to be asked.',
    );
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    const first = await rl.question('Password for the new administrator: ');
    const second = await rl.question('Once more: ');
    if (first !== second) throw new CliError('The two passwords differ; nothing was created.');
    return first;
  } finally {
    rl.close();
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** Quotes one word for a POSIX shell, so a printed command can be pasted as is. */
export function shellQuote(word: string, always = false): string {
  if (!always && /^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
