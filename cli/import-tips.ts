import path from 'node:path';
import type { Config } from '../server/config';
import { createFieldCipher, loadSecretKey, useFieldCipher } from '../server/lib/crypto';
import { localFileStore } from '../server/modules/files/store';
import { imapSettingsFromEnv, importTipsFromImap } from '../server/modules/tips/imap';
import { findStreets } from '../server/modules/org/service';
import { importCaller } from '../server/modules/tips/service';
import { applyMigrations, CliError, withDb } from './support';

/** `linli import-tips --street 新旺街道 [--mailbox INBOX]`: unseen mail of the tip mailbox → tips. */
export async function importTips(
  config: Config,
  opts: { street: string; mailbox?: string },
): Promise<void> {
  const settings = imapSettingsFromEnv(process.env, opts.mailbox);
  if ('missing' in settings)
    throw new CliError(
      `No mailbox configured: set LINLI_IMAP_URL (imaps://user:password@host:993/INBOX) or ${settings.missing.join(', ')} (and LINLI_IMAP_PORT, LINLI_IMAP_TLS=0 for plain IMAP).`,
    );
  await withDb(config, async (handle) => {
    await applyMigrations(handle);
    const streets = await findStreets(handle.db, opts.street);
    if (streets.length !== 1)
      throw new CliError(
        streets.length === 0
          ? `No street named or with the id "${opts.street}".`
          : `Several streets are named "${opts.street}"; give its id.`,
      );
    const street = streets[0];
    useFieldCipher(createFieldCipher(loadSecretKey(config.secretKey, config.dataDir).key));
    console.log(
      `Reading unseen mail of ${settings.user}@${settings.host}/${settings.mailbox} into ${street.name} …`,
    );
    const r = await importTipsFromImap({
      db: handle.db,
      caller: importCaller(street),
      store: localFileStore(path.join(config.dataDir, 'files')),
      streetId: street.id,
      settings,
      log: (line) => console.log(`  ${line}`),
    });
    console.log(
      `Imported ${r.imported} tip(s); ${r.skipped} already imported; ${r.failed} failed (left unseen).`,
    );
    if (r.failed > 0) process.exitCode = 1;
  });
}
