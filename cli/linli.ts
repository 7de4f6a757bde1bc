import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import type { ZodType } from 'zod';
import { zStaffCreate } from '../common/schemas/staff';
import { ConfigError, DEFAULT_DEMO_PASSWORD, loadConfig, type Config } from '../server/config';
import { sqliteFileIn, type DbHandle } from '../server/db';
import { demoLoginLines, seedDemo } from '../server/demo/seed';
import { createFieldCipher, loadSecretKey, useFieldCipher } from '../server/lib/crypto';
import { assertStrongPassword } from '../server/modules/auth/password';
import { localFileStore } from '../server/modules/files/store';
import { importTips } from './import-tips';
import { countStaff, createStaffDirect } from '../server/modules/auth/staff-service';
import { createDistrict, findDistricts } from '../server/modules/org/service';
import type { OrgUnit } from '../common/schemas/org';
import {
  applyMigrations,
  CliError,
  describeError,
  formatBytes,
  obtainPassword,
  shellQuote,
  withDb,
} from './support';

const config: Config = (() => {
  try {
    return loadConfig();
  } catch (err) {
    // A bad variable is the operator's to fix: say which, without a stack trace.
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
})();

/** Where the commands act, told without a password. */
function describeDatabase(handle: DbHandle): string {
  if (handle.dialect === 'sqlite') return `SQLite (${sqliteFileIn(config.dataDir)})`;
  const url = new URL(config.databaseUrl!);
  return `PostgreSQL (${url.hostname}:${url.port || 5432}${url.pathname})`;
}

function parseOption<T>(schema: ZodType<T>, value: string, option: string, rule: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CliError(`${option} "${value}" is not valid: ${rule}.`);
  return parsed.data;
}

async function migrate(): Promise<void> {
  await withDb(config, async (handle) => {
    console.log(`Database: ${describeDatabase(handle)}`);
    await applyMigrations(handle, false);
  });
}

interface CreateAdminOptions {
  username: string;
  name: string;
  password?: string;
  district?: string;
  code?: string;
}

/** The district the new admin is given: the one there is, the one named, or undefined for "create it". */
function pickDistrict(districts: OrgUnit[], opts: CreateAdminOptions): OrgUnit | undefined {
  if (districts.length === 0) {
    if (!opts.district || !opts.code) {
      throw new CliError(
        'The database has no district yet. Name it and give its 6-digit code to create it, e.g. --district 平城区 --code 140213',
      );
    }
    return undefined;
  }
  const matching = districts.filter(
    (d) =>
      (opts.district === undefined || d.name === opts.district) &&
      (opts.code === undefined || d.code === opts.code),
  );
  if (matching.length === 1) return matching[0];
  const list = districts.map((d) => `${d.name} (${d.code ?? 'no code'})`).join(', ');
  if (matching.length === 0) {
    throw new CliError(
      `The database already has the district ${list}; --district/--code name none of them. Leave them out${districts.length > 1 ? ' and name one of these' : ' to use it'}.`,
    );
  }
  throw new CliError(`The database has several districts: ${list}. Name one with --district.`);
}

async function createAdmin(opts: CreateAdminOptions): Promise<void> {
  const username = parseOption(
    zStaffCreate.shape.username,
    opts.username,
    '--username',
    '3 to 32 lower-case letters, digits, . _ -, starting with a letter',
  );
  const displayName = parseOption(
    zStaffCreate.shape.displayName,
    opts.name,
    '--name',
    '1 to 40 characters',
  );
  if (opts.code !== undefined && !/^\d{6}$/.test(opts.code)) {
    throw new CliError(`--code "${opts.code}" is not a 6-digit division code such as 140213.`);
  }
  const districtName = opts.district?.trim();
  if (districtName === '') throw new CliError('--district must not be empty.');
  await withDb(config, async (handle) => {
    const { db } = handle;
    await applyMigrations(handle);
    let district = pickDistrict(await findDistricts(db), { ...opts, district: districtName });
    const password = await obtainPassword(opts.password);
    // Checked before the district is made, so a refused password leaves the database as it was.
    assertStrongPassword(password, username);
    // The demo password is printed in the README: no real account may have it.
    if (password === DEFAULT_DEMO_PASSWORD || password === config.demoPassword)
      throw new CliError('That is the demo password printed in the README; choose another.');
    if (!district) {
      district = await createDistrict(db, { name: districtName!, code: opts.code! });
      console.log(`Created the district ${district.name} (${district.code}).`);
    }
    await createStaffDirect(db, {
      username,
      displayName,
      password,
      roles: [{ role: 'districtAdmin', orgUnitId: district.id }],
    });
    console.log(
      `Created the district administrator ${username} (${displayName}) of ${district.name} in ${describeDatabase(handle)}.`,
    );
    if (config.requireTwoFactor) {
      console.log('LINLI_REQUIRE_2FA is on: they set up a second factor at their first log-in.');
    }
  });
}

async function loadDemo(): Promise<void> {
  await withDb(config, async (handle) => {
    const { db } = handle;
    await applyMigrations(handle);
    if (config.production)
      throw new CliError(
        'NODE_ENV=production: the demo district is never loaded into a production database.',
      );
    const districts = await findDistricts(db);
    if (districts.length > 0 || (await countStaff(db)) > 0) {
      const what = districts.length
        ? `the district ${districts.map((d) => d.name).join(', ')}`
        : 'staff accounts';
      throw new CliError(
        `The database already holds ${what}; seed-demo loads only into an empty database, so nothing was changed.`,
      );
    }
    // The same key the server will use, should the demo data hold sealed fields.
    const secret = loadSecretKey(config.secretKey, config.dataDir);
    useFieldCipher(createFieldCipher(secret.key));
    if (secret.generated)
      console.log(
        `LINLI_SECRET_KEY is not set: made one and kept it in ${config.dataDir}/secret.key.`,
      );
    await seedDemo(db, config.demoPassword, {
      fileStore: localFileStore(path.join(config.dataDir, 'files')),
    });
    console.log(`Loaded the demo district 平城区 into ${describeDatabase(handle)}.`);
    console.log(demoLoginLines(config.demoPassword, config.demoPasswordFromEnv).join('\n'));
  });
}

async function backup(file: string, opts: { force?: boolean }): Promise<void> {
  const target = path.resolve(file);
  if (!config.databaseUrl || !/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    const source = sqliteFileIn(config.dataDir);
    // Opening would create an empty database; a backup of nothing is a mistake worth saying.
    if (!fs.existsSync(source)) throw new CliError(`There is no database at ${source}.`);
    if (target === source) throw new CliError('The backup must go to another file.');
    if (fs.existsSync(target) && !opts.force) {
      throw new CliError(`${target} exists; choose another name or add --force to overwrite it.`);
    }
  }
  await withDb(config, async (handle) => {
    if (handle.dialect === 'postgres') {
      console.log('PostgreSQL is backed up with its own tool. Run:');
      console.log(
        `  pg_dump --format=custom --file ${shellQuote(file)} ${shellQuote(config.databaseUrl!, true)}`,
      );
      return;
    }
    // SQLite's online backup copies a consistent snapshot while the server goes on writing;
    // it is written beside the target and renamed, so a failed run leaves no half file behind.
    const partial = `${target}.partial`;
    try {
      const { totalPages } = await handle.sqlite!.backup(partial);
      fs.renameSync(partial, target);
      const size = fs.statSync(target).size;
      console.log(`Backed up ${describeDatabase(handle)} to ${target}`);
      console.log(`  ${formatBytes(size)} (${size} bytes, ${totalPages} pages)`);
    } finally {
      fs.rmSync(partial, { force: true });
    }
  });
}

/** Runs a command's work; a failure is one line on stderr and exit code 1. */
const run =
  <A extends unknown[]>(work: (...args: A) => Promise<void>) =>
  async (...args: A): Promise<void> => {
    try {
      await work(...args);
    } catch (err) {
      console.error(`Error: ${describeError(err)}`);
      if (!(err instanceof CliError) && process.env.LINLI_DEBUG === '1') console.error(err);
      process.exitCode = 1;
    }
  };

const program = new Command()
  .name('linli')
  .description(
    'Administration of Linli 邻里. Reads the same settings as the server: DATABASE_URL for ' +
      'PostgreSQL, otherwise SQLite in LINLI_DATA_DIR (default ./data).',
  )
  .showHelpAfterError('(add --help for usage)');

program
  .command('migrate')
  .description('apply the database migrations not yet applied, and list them')
  .action(run(migrate));

program
  .command('create-admin')
  .description('create a district administrator account on the district (the top of the org tree)')
  .requiredOption('--username <username>', 'log-in name: lower-case letters, digits, . _ -')
  .requiredOption('--name <name>', 'display name, e.g. 周立明')
  .option('--password <password>', 'password; else LINLI_ADMIN_PASSWORD; else asked on a terminal')
  .option('--district <name>', 'district name; creates the district when the database has none')
  .option('--code <6digits>', 'the district’s division code, with --district on an empty database')
  .addHelpText(
    'after',
    '\nPasswords need 10 characters and three of: upper case, lower case, digits, symbols.\n' +
      'Example:\n  npm run linli -- create-admin --username admin --name 管理员 --district 平城区 --code 140213',
  )
  .action(run(createAdmin));

program
  .command('seed-demo')
  .description('load the demo district 平城区 with one account per role (empty database only)')
  .addHelpText('after', '\nThe demo accounts share LINLI_DEMO_PASSWORD (default Linli@2026).')
  .action(run(loadDemo));

program
  .command('import-tips')
  .description(
    'file the unseen messages of the tip mailbox (IMAP) as tips of a street, and mark them seen',
  )
  .requiredOption('--street <name|id>', 'the street the tips belong to, e.g. 新旺街道')
  .option('--mailbox <name>', 'the mailbox folder (default INBOX, or the path of LINLI_IMAP_URL)')
  .addHelpText(
    'after',
    '\nThe mailbox: LINLI_IMAP_URL=imaps://user:password@host:993/INBOX, or LINLI_IMAP_HOST,\n' +
      'LINLI_IMAP_PORT, LINLI_IMAP_USER, LINLI_IMAP_PASSWORD, LINLI_IMAP_TLS (1 or 0).\n' +
      'A message already imported (same Message-ID) is not filed twice.',
  )
  .action(run((opts: { street: string; mailbox?: string }) => importTips(config, opts)));

program
  .command('backup')
  .description(
    'SQLite: copy the database to <file>, safe while the server runs; PostgreSQL: print the pg_dump command',
  )
  .argument('<file>', 'where the copy goes')
  .option('--force', 'overwrite <file> if it exists')
  .action(run(backup));

await program.parseAsync();
// Every handle is closed by now; exiting here also ends any worker a library left running.
process.exit(process.exitCode ?? 0);
