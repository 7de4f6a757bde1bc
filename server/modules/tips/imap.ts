import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import type { Db } from '../../db';
import type { Jobs } from '../../jobs/jobs';
import type { Caller } from '../../lib/caller';
import type { FileStore } from '../files/store';
import { findStreets } from '../org/service';
import { importEmailTip, tipFromEmail } from './email';
import { importCaller } from './service';

/** Where the tip mailbox is: LINLI_IMAP_URL (imaps://user:password@host:993/INBOX) or the parts. */
export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
}

export function imapSettingsFromEnv(
  env: NodeJS.ProcessEnv,
  mailbox?: string,
): ImapSettings | { missing: string[] } {
  if (env.LINLI_IMAP_URL) {
    const u = new URL(env.LINLI_IMAP_URL);
    const secure = u.protocol === 'imaps:';
    return {
      host: u.hostname,
      port: Number(u.port) || (secure ? 993 : 143),
      secure,
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password) || env.LINLI_IMAP_PASSWORD || '',
      mailbox: mailbox ?? (decodeURIComponent(u.pathname.replace(/^\//, '')) || 'INBOX'),
    };
  }
  const missing = ['LINLI_IMAP_HOST', 'LINLI_IMAP_USER', 'LINLI_IMAP_PASSWORD'].filter(
    (k) => !env[k],
  );
  if (missing.length) return { missing };
  const secure = env.LINLI_IMAP_TLS !== '0' && env.LINLI_IMAP_TLS !== 'false';
  return {
    host: env.LINLI_IMAP_HOST!,
    port: Number(env.LINLI_IMAP_PORT) || (secure ? 993 : 143),
    secure,
    user: env.LINLI_IMAP_USER!,
    password: env.LINLI_IMAP_PASSWORD!,
    mailbox: mailbox ?? 'INBOX',
  };
}

/**
 * Fetches the unseen messages of the mailbox, files each as a tip of the street and marks it seen.
 * A message that fails is left unseen for the next run; one already imported is only marked seen.
 */
export async function importTipsFromImap(opts: {
  db: Db;
  caller: Caller;
  store: FileStore;
  streetId: string;
  settings: ImapSettings;
  log: (line: string) => void;
}): Promise<{ imported: number; skipped: number; failed: number }> {
  const { settings, log } = opts;
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
  });
  const tally = { imported: 0, skipped: 0, failed: 0 };
  await client.connect();
  try {
    const lock = await client.getMailboxLock(settings.mailbox);
    try {
      const uids = (await client.search({ seen: false }, { uid: true })) || [];
      for (const uid of uids) {
        const msg = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (!msg || !msg.source) continue;
        try {
          const tip = tipFromEmail(await simpleParser(msg.source));
          const r = await importEmailTip({ ...opts, tip });
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
          if (r.created) tally.imported++;
          else tally.skipped++;
          log(`${r.created ? 'imported' : 'already had'} ${tip.messageId} → ${r.trackingCode}`);
        } catch (err) {
          tally.failed++;
          log(`failed ${uid}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => undefined);
  }
  return tally;
}

export const MAIL_IMPORT_JOB = 'tips.importMail';
/** How often the tip mailbox is read when the server reads it itself. */
export const MAIL_IMPORT_INTERVAL_MS = 5 * 60_000;

/**
 * The tip mailbox read as a periodic job (LINLI_IMAP_* and LINLI_IMAP_STREET set): with several
 * processes each run goes to one of them, so no mail is fetched twice. What a run could not import
 * stays unseen in the mailbox and is tried again by the next run.
 */
export function registerMailImportJob(
  jobs: Jobs,
  opts: {
    db: Db;
    store: FileStore;
    settings: ImapSettings;
    /** The street the mailbox belongs to: its name or id. */
    street: string;
    log: { info(obj: unknown, msg?: string): void; warn(obj: unknown, msg?: string): void };
    intervalMs?: number;
  },
): void {
  jobs.every(MAIL_IMPORT_JOB, opts.intervalMs ?? MAIL_IMPORT_INTERVAL_MS, async () => {
    const streets = await findStreets(opts.db, opts.street);
    if (streets.length !== 1) {
      opts.log.warn(
        { street: opts.street, found: streets.length },
        'LINLI_IMAP_STREET names no single street: the tip mailbox is not read',
      );
      return;
    }
    const r = await importTipsFromImap({
      db: opts.db,
      caller: importCaller(streets[0]),
      store: opts.store,
      streetId: streets[0].id,
      settings: opts.settings,
      log: () => undefined,
    });
    if (r.imported + r.failed > 0) opts.log.info(r, 'tip mailbox read');
  });
}
