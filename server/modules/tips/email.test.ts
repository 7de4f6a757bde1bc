import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { stripQuoted, tipFromEmail } from './email';

const fixture = async (name: string) =>
  tipFromEmail(
    await simpleParser(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name))),
  );

describe('tips from recorded e-mails', () => {
  it('reads a GB18030 message with a base64 body and an encoded sender', async () => {
    const tip = await fixture('gb18030-plain.eml');
    expect(tip.messageId).toBe('<202611230841050012@example.net>');
    expect(tip.contactName).toBe('孙秀英');
    expect(tip.contactPhone).toBe('13912340001');
    expect(tip.description.split('\n')[0]).toBe('楼道堆放杂物、电动车充电，存在火灾隐患');
    expect(tip.description).toContain('御河九号小区7号楼3单元');
    expect(tip.topic).toBe('community');
    expect(tip.photos).toEqual([]);
  });

  it('reads a quoted-printable UTF-8 message and keeps its JPEG as a photo', async () => {
    const tip = await fixture('utf8-qp-photo.eml');
    expect(tip.subject).toBe('向阳东街12号院路灯坏了');
    expect(tip.contactName).toBe('周建国');
    expect(tip.contactPhone).toBe('13800138000');
    expect(tip.description).toContain('晚上一片漆黑');
    expect(tip.photos).toHaveLength(1);
    expect(tip.photos[0].contentType).toBe('image/jpeg');
    expect(tip.photos[0].content.subarray(0, 2).toString('hex')).toBe('ffd8');
  });

  it('turns an HTML-only message into plain text, the address as the contact when unnamed', async () => {
    const tip = await fixture('html-only.eml');
    expect(tip.description).toContain('油烟直接往楼上飘，窗户都不敢开');
    expect(tip.description).not.toMatch(/<[a-z]/i);
    expect(tip.contactName).toBe('zhenhua resident');
    expect(tip.contactPhone).toBeUndefined();
    expect(tip.topic).toBe('neighbour');
  });

  it('keeps only the new words of a reply to the hotline’s own message', async () => {
    const tip = await fixture('reply-to-hotline.eml');
    expect(tip.subject).toBe('村口路面积水');
    expect(tip.description).toContain('新泉村村口那段路');
    expect(tip.contactPhone).toBe('13655550123');
    expect(tip.description).not.toContain('原始邮件');
    expect(tip.description).not.toContain('请补充具体位置');
    expect(tip.description).not.toContain('baoliao@');
  });

  it('cuts Gmail- and Outlook-style quotes too', () => {
    expect(stripQuoted('好的\n\nOn Mon, 23 Nov 2026 at 09:00, Bao Liao <a@b.c> wrote:\n> hi')).toBe(
      '好的',
    );
    expect(stripQuoted('收到\n-----Original Message-----\nFrom: x')).toBe('收到');
  });
});
