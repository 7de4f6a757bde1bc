import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Webhook } from '../../../common/schemas/notify';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import { buildIssue, gridIdOf, issueStep } from '../../../test/support/issues';
import { deliverPending } from './service';

const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

interface Received {
  path: string;
  query: URLSearchParams;
  body: { msgtype: string; markdown: { content?: string; title?: string; text?: string } };
}

/** A stand-in for the 企业微信 and 钉钉 robot endpoints on loopback: it keeps what it is sent. */
async function robotServer() {
  const received: Received[] = [];
  type Answer = { errcode: number; errmsg: string };
  let answer: Answer = { errcode: 0, errmsg: 'ok' };
  /** Robots (by path) that answer otherwise than the rest. */
  const answers = new Map<string, Answer>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      received.push({
        path: url.pathname,
        query: url.searchParams,
        body: JSON.parse(raw) as Received['body'],
      });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answers.get(url.pathname) ?? answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    received,
    answerWith: (a: Answer, path?: string) => (path ? answers.set(path, a) : (answer = a)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(dialects)('group-chat robots on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let robots: Awaited<ReturnType<typeof robotServer>>;
  let community: string;

  beforeAll(async () => {
    robots = await robotServer();
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    community = (await unitByName(admin, '御河九号社区')).id;
  });
  afterAll(async () => {
    await t?.close();
    await robots?.close();
  });

  const add = (s: Session, payload: object) =>
    s.inject({ method: 'POST', url: '/api/webhooks', payload });

  it('lets only the administrators of a unit manage its robots', async () => {
    const payload = {
      unitId: community,
      kind: 'wecom',
      name: '社区工作群',
      url: `${robots.base}/x`,
    };
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/webhooks?unitId=${community}` })).statusCode,
    ).toBe(401);
    expect((await add(await t.login('staff.yuhe'), payload)).statusCode).toBe(403);
    expect((await add(await t.login('street.shuiposi'), payload)).statusCode).toBe(404);
    expect((await add(admin, { ...payload, url: 'ftp://robot' })).statusCode).toBe(400);
    const list = await admin.inject({ method: 'GET', url: `/api/webhooks?unitId=${community}` });
    expect(list.json<{ items: Webhook[] }>().items).toEqual([]);
  });

  it('posts an escalation to the unit’s 企业微信 and signed 钉钉 robots once its step commits', async () => {
    const wecom = await add(admin, {
      unitId: community,
      kind: 'wecom',
      name: '御河九号社区工作群',
      url: `${robots.base}/cgi-bin/webhook/send?key=wecom-secret-key`,
    });
    expect(wecom.statusCode).toBe(201);
    expect(wecom.body).not.toContain('wecom-secret-key');
    expect(wecom.json<Webhook>().urlHint).toMatch(/^127\.0\.0\.1:\d+…-key$/);
    const secret = 'SECtest-dingtalk-secret';
    const ding = await add(admin, {
      unitId: community,
      kind: 'dingtalk',
      name: '网格长钉钉群',
      url: `${robots.base}/robot/send?access_token=dt`,
      secret,
    });
    expect(ding.json<Webhook>().signed).toBe(true);

    // A stairwell issue at 御河九号 ran past its limit an hour ago and goes up to the community.
    const grid = await t.login('grid.yuhe');
    const issue = await buildIssue(grid, {
      gridId: await gridIdOf(grid, '御河九号社区'),
      description: '5号楼楼道堆放杂物',
    });
    const due = new Date(Date.now() - 3_600_000).toISOString();
    await t.handle.db
      .updateTable('issue')
      .set({ step_deadline: due, escalate_at: due })
      .where('id', '=', issue.id)
      .execute();
    const run = await admin.inject({ method: 'POST', url: '/api/issues/escalate', payload: {} });
    expect(run.json<{ escalated: number }>().escalated).toBeGreaterThan(0);
    expect(robots.received).toHaveLength(0); // queued, not yet sent
    await deliverPending(t.handle.db);

    const toWecom = robots.received.filter((r) => r.path === '/cgi-bin/webhook/send');
    expect(toWecom.length).toBeGreaterThan(0);
    const content = toWecom.map((r) => r.body.markdown.content).join('\n');
    expect(content).toContain('【逾期升级】御河九号社区');
    expect(content).toContain('楼道');
    const toDing = robots.received.filter((r) => r.path === '/robot/send');
    expect(toDing).toHaveLength(toWecom.length);
    const signed = toDing[0];
    expect(signed.body.markdown.title).toContain('逾期升级');
    const ts = signed.query.get('timestamp')!;
    const expected = crypto
      .createHmac('sha256', secret)
      .update(`${ts}\n${secret}`)
      .digest('base64');
    expect(signed.query.get('sign')).toBe(expected);

    // Sent once: the next run finds nothing due.
    const count = robots.received.length;
    await deliverPending(t.handle.db, minutesFromNow(5));
    expect(robots.received).toHaveLength(count);
    const list = await admin.inject({ method: 'GET', url: `/api/webhooks?unitId=${community}` });
    for (const w of list.json<{ items: Webhook[] }>().items) {
      expect(w.lastSentAt).not.toBeNull();
      expect(w.lastError).toBeNull();
    }
  });

  it('reports a robot that refuses the message, and tries again later', async () => {
    const list = await admin.inject({ method: 'GET', url: `/api/webhooks?unitId=${community}` });
    const [first] = list.json<{ items: Webhook[] }>().items;
    robots.answerWith({ errcode: 93000, errmsg: 'invalid webhook url' });
    const test = await admin.inject({ method: 'POST', url: `/api/webhooks/${first.id}/test` });
    expect(test.json()).toEqual({ ok: false, error: '93000 invalid webhook url' });

    // An urging while the robots refuse stays queued and goes out on a later run.
    const grid = await t.login('grid.yuhe');
    const issue = await buildIssue(grid, { gridId: await gridIdOf(grid, '御河九号社区') });
    await issueStep(admin, issue, { action: 'urge', note: '请本周内处理完毕' });
    const before = robots.received.length;
    await deliverPending(t.handle.db);
    expect(robots.received.length).toBeGreaterThan(before);
    const refused = robots.received.length;
    await deliverPending(t.handle.db, minutesFromNow(0.5)); // before the retry is due
    expect(robots.received).toHaveLength(refused);
    robots.answerWith({ errcode: 0, errmsg: 'ok' });
    await deliverPending(t.handle.db, minutesFromNow(2));
    const last = robots.received.at(-1)!;
    expect(JSON.stringify(last.body)).toContain('请本周内处理完毕');
    const again = await admin.inject({ method: 'POST', url: `/api/webhooks/${first.id}/test` });
    expect(again.json()).toEqual({ ok: true, error: null });
  });

  it('posts to each robot on its own: one that took the message is not posted again while another is retried', async () => {
    const good = await add(admin, {
      unitId: community,
      kind: 'wecom',
      name: '社区两委群',
      url: `${robots.base}/good/send?key=good`,
    });
    const bad = await add(admin, {
      unitId: community,
      kind: 'wecom',
      name: '物业协调群',
      url: `${robots.base}/bad/send?key=bad`,
    });
    expect([good.statusCode, bad.statusCode]).toEqual([201, 201]);
    robots.answerWith({ errcode: 45009, errmsg: 'api freq out of limit' }, '/bad/send');
    const grid = await t.login('grid.yuhe');
    const issue = await buildIssue(grid, { gridId: await gridIdOf(grid, '御河九号社区') });
    await issueStep(admin, issue, { action: 'urge', note: '请物业今日清理' });
    const to = (path: string) =>
      robots.received.filter(
        (r) => r.path === path && JSON.stringify(r.body).includes('请物业今日清理'),
      );

    // Two drains at once (as two processes would run them) still post each robot's copy once.
    await Promise.all([deliverPending(t.handle.db), deliverPending(t.handle.db)]);
    expect(to('/good/send')).toHaveLength(1);
    expect(to('/bad/send')).toHaveLength(1);

    // The refusing robot is tried again alone, after its own delay.
    await deliverPending(t.handle.db, minutesFromNow(2));
    expect(to('/bad/send')).toHaveLength(2);
    expect(to('/good/send')).toHaveLength(1);
    const listed = async () =>
      (await admin.inject({ method: 'GET', url: `/api/webhooks?unitId=${community}` }))
        .json<{ items: Webhook[] }>()
        .items.filter((w) => w.name === '社区两委群' || w.name === '物业协调群')
        .map((w) => [w.name, w.lastError]);
    expect(await listed()).toEqual([
      ['社区两委群', null],
      ['物业协调群', '45009 api freq out of limit'],
    ]);

    robots.answerWith({ errcode: 0, errmsg: 'ok' }, '/bad/send');
    await deliverPending(t.handle.db, minutesFromNow(10));
    expect(to('/bad/send')).toHaveLength(3);
    await deliverPending(t.handle.db, minutesFromNow(60));
    expect(to('/bad/send')).toHaveLength(3);
    expect(to('/good/send')).toHaveLength(1);
    expect(await listed()).toEqual([
      ['社区两委群', null],
      ['物业协调群', null],
    ]);
  });
});
