import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import type { Db } from '../../db';
import type { Caller } from '../auth/caller';
import type { FileStore } from '../files/store';
import { importEmailTip, tipFromEmail } from './email';

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
