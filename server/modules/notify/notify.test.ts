import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Webhook } from '../../../common/schemas/notify';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import { buildIssue, gridIdOf, issueStep } from '../../../test/support/issues';
import { deliverPending } from './service';

interface Received {
  path: string;
  query: URLSearchParams;
  body: { msgtype: string; markdown: { content?: string; title?: string; text?: string } };
}

/** A stand-in for the 企业微信 and 钉钉 robot endpoints on loopback: it keeps what it is sent. */
async function robotServer() {
  const received: Received[] = [];
  let answer = { errcode: 0, errmsg: 'ok' };
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
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    received,
    answerWith: (a: { errcode: number; errmsg: string }) => (answer = a),
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

    // The stairwell issue at 御河九号 runs past its limit and goes up to the community.
    const run = await admin.inject({
      method: 'POST',
      url: '/api/issues/escalate',
      payload: { now: '2030-01-01T00:00:00Z' },
    });
    expect(run.json<{ escalated: number }>().escalated).toBeGreaterThan(0);
    expect(robots.received).toHaveLength(0); // queued, not yet sent
    await deliverPending(t.handle.db, '2030-01-01T00:00:01Z');

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
    await deliverPending(t.handle.db, '2030-01-01T00:05:00Z');
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
    await deliverPending(t.handle.db, '2030-02-01T00:00:00Z');
    expect(robots.received.length).toBeGreaterThan(before);
    const refused = robots.received.length;
    await deliverPending(t.handle.db, '2030-02-01T00:00:10Z'); // before the retry is due
    expect(robots.received).toHaveLength(refused);
    robots.answerWith({ errcode: 0, errmsg: 'ok' });
    await deliverPending(t.handle.db, '2030-02-01T00:02:00Z');
    const last = robots.received.at(-1)!;
    expect(JSON.stringify(last.body)).toContain('请本周内处理完毕');
    const again = await admin.inject({ method: 'POST', url: `/api/webhooks/${first.id}/test` });
    expect(again.json()).toEqual({ ok: true, error: null });
  });
});
