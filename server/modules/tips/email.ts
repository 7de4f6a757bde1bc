import type { ParsedMail } from 'mailparser';
import type { TipTopic } from '../../../common/schemas/tips';
import type { Db } from '../../db';
import { AppError } from '../../lib/errors';
import type { Caller } from '../../lib/caller';
import { attachFiles, IMAGE_TYPES, MAX_FILE_BYTES, uploadImage } from '../files/service';
import type { FileStore } from '../files/store';
import * as repo from './repo';
import { insertNewTip, placeOf, TIP_FILES, type NewTip } from './service';

/**
 * Tips that come by e-mail (爆料邮箱). The parsing is apart from the fetching, so it is tested against
 * recorded messages; the fetching (cli: import-tips) only hands each parsed message over.
 */
export interface EmailTip {
  messageId: string;
  subject: string;
  description: string;
  contactName?: string;
  contactPhone?: string;
  topic: TipTopic;
  photos: { contentType: string; content: Buffer }[];
}

/** Where a reply's quoted original starts (Foxmail/QQ, Outlook, Gmail, plain "> " quoting). */
const QUOTE_MARKERS = [
  /^-{3,}\s*原始邮件\s*-{3,}/m,
  /^-{3,}\s*Original Message\s*-{3,}/im,
  /^On .{5,200} wrote:$/m,
  /^在 .{5,200}写道[:：]$/m,
  /^发件人[:：]/m,
  /^From: .*$/m,
];

export function stripQuoted(text: string): string {
  let end = text.length;
  for (const re of QUOTE_MARKERS) {
    const m = re.exec(text);
    if (m && m.index < end) end = m.index;
  }
  return text
    .slice(0, end)
    .split('\n')
    .filter((l) => !l.startsWith('>'))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const MOBILE = /(?<!\d)(1[3-9]\d{9})(?!\d)/;
const NEIGHBOUR = /邻居|楼上|楼下|对门|隔壁|噪音|扰民|油烟|漏水/g;
const COMMUNITY = /小区|社区|村口|路灯|道路|路面|积水|垃圾|楼道|绿化|停车|井盖|广场/g;

/** What a tip is about, guessed from its words (the more mentions win); staff correct it at triage. */
export function guessTopic(text: string): TipTopic {
  const neighbour = text.match(NEIGHBOUR)?.length ?? 0;
  const community = text.match(COMMUNITY)?.length ?? 0;
  if (neighbour === 0 && community === 0) return 'home';
  return neighbour >= community ? 'neighbour' : 'community';
}

/** A parsed message as a tip: the text body without the quoted original, the sender, its photos. */
export function tipFromEmail(mail: ParsedMail): EmailTip {
  const subject = (mail.subject ?? '')
    .replace(/^((re|fw|fwd|回复|答复|转发)\s*[:：]\s*)+/i, '')
    .trim();
  const body = stripQuoted((mail.text ?? '').replace(/\r\n/g, '\n'));
  const description = [subject, body].filter(Boolean).join('\n\n').slice(0, 4000) || '（空邮件）';
  const sender = mail.from?.value[0];
  const phone = MOBILE.exec(body)?.[1];
  const messageId =
    mail.messageId ??
    `<no-id-${(sender?.address ?? '').toLowerCase()}-${mail.date?.toISOString() ?? subject}>`;
  return {
    messageId,
    subject,
    description,
    contactName: sender?.name?.trim() || sender?.address || undefined,
    contactPhone: phone,
    topic: guessTopic(`${subject}\n${body}`),
    photos: mail.attachments
      .filter(
        (a) =>
          (IMAGE_TYPES as readonly string[]).includes(a.contentType) &&
          a.size > 0 &&
          a.size <= MAX_FILE_BYTES,
      )
      .map((a) => ({ contentType: a.contentType, content: a.content })),
  };
}

/**
 * Files one e-mail as a tip of the street (channel e-mail), with its photos. A message already
 * imported (by Message-ID) is skipped, so running the import twice adds nothing.
 */
export async function importEmailTip(opts: {
  db: Db;
  caller: Caller;
  store: FileStore;
  streetId: string;
  tip: EmailTip;
}): Promise<{ trackingCode: string; created: boolean }> {
  const { caller, tip } = opts;
  const seen = await repo.getTipByMessageId(opts.db, tip.messageId);
  if (seen) return { trackingCode: seen.tracking_code, created: false };
  const photoIds: string[] = [];
  for (const p of tip.photos) {
    try {
      photoIds.push(
        (await uploadImage({ db: opts.db, store: opts.store, caller, data: p.content })).id,
      );
    } catch (err) {
      // A picture that is not one (or too big) is left out; the tip still counts.
      if (!(err instanceof AppError)) throw err;
    }
  }
  return opts.db.transaction().execute(async (db) => {
    const where = await placeOf(db, opts.streetId, undefined);
    const input: NewTip = {
      channel: 'email',
      streetId: opts.streetId,
      topic: tip.topic,
      category: 'other',
      description: tip.description,
      contactName: tip.contactName?.slice(0, 50),
      contactPhone: tip.contactPhone,
      messageId: tip.messageId,
    };
    const row = await insertNewTip(db, { caller, ip: caller.ip }, input, where);
    await attachFiles(db, caller, photoIds, TIP_FILES, row.id);
    return { trackingCode: row.tracking_code, created: true };
  });
}
