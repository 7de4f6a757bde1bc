import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { simpleParser } from 'mailparser';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../common/schemas/cases';
import type { ErrorReply } from '../../../common/schemas/common';
import type { IssueDetail } from '../../../common/schemas/issues';
import type {
  IntakeReferral,
  PublicStreets,
  PublicTipStatus,
  TipDetail,
} from '../../../common/schemas/tips';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { buildHousehold, fakeIdNumber } from '../../../test/support/people';
import { giveConsent, intakeForm } from '../../../test/support/cases';
import { dialects } from '../../../test/support/db';
import { gridIdOf } from '../../../test/support/issues';
import { DEMO_TIP_CODES } from '../../demo/tips';
import { localFileStore } from '../files/store';
import { importEmailTip, tipFromEmail } from './email';
import { findStreets } from '../org/service';
import { importCaller } from './service';

/** What a browser does: fetch a challenge, solve it, send it along as base64 JSON. */
async function solvedChallenge(t: TestApp): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: '/api/public/tips/challenge' });
  expect(res.statusCode).toBe(200);
  const challenge = res.json<Challenge>();
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

describe.each(dialects)('tips on %s', (dialect) => {
  let t: TestApp;
  let xinwang: Session;
  let yuhe: Session;
  let zhenhua: Session;
  let shuiposi: Session;
  let grid: Session;
  let social: Session;
  let socialQingyuan: Session;
  let xinwangId: string;
  let yuheId: string;
  let zhenhuaId: string;
  let gridId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [xinwang, yuhe, zhenhua, shuiposi, grid, social, socialQingyuan] = await Promise.all(
      [
        'street.xinwang',
        'staff.yuhe',
        'street.zhenhua',
        'street.shuiposi',
        'grid.yuhe',
        'social.zhenhua',
        'social.qingyuan',
      ].map((u) => t.login(u)),
    );
    xinwangId = (await unitByName(xinwang, '新旺街道')).id;
    yuheId = (await unitByName(xinwang, '御河九号社区')).id;
    zhenhuaId = (await unitByName(zhenhua, '振华街道')).id;
    gridId = await gridIdOf(xinwang, '御河九号社区');
  });
  afterAll(() => t?.close());

  const post = (s: Session, url: string, payload: object) =>
    s.inject({ method: 'POST', url, payload });
  const newTip = async (s: Session, extra: object = {}) => {
    const res = await post(s, '/api/tips', {
      channel: 'hotline',
      streetId: xinwangId,
      communityId: yuheId,
      topic: 'neighbour',
      category: 'publicOrder',
      address: '御河九号小区5号楼',
      description: '楼上住户每晚十一点后装修，噪音很大，孩子睡不着',
      contactName: '刘女士',
      contactPhone: '13912345678',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<TipDetail>();
  };
  const publicStatus = async (code: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/tips/${code}` });
    return { status: res.statusCode, body: res.json<PublicTipStatus>() };
  };
  const count = async (table: 'tip' | 'tip_step' | 'intake_referral' | 'issue') =>
    Number(
      (
        await t.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers 401 without a session on every /api route but the public ones', async () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const open = (p: string) =>
      p.startsWith('/api/public/') ||
      p === '/api/auth/login' ||
      p === '/api/health' ||
      p === '/api/health/live' ||
      p === '/api/health/ready' ||
      p.startsWith('/api/docs') ||
      p === '/api/openapi.json';
    const refused: string[] = [];
    let checked = 0;
    for (const [path, ops] of Object.entries(spec.paths)) {
      if (!path.startsWith('/api') || open(path)) continue;
      for (const method of Object.keys(ops)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const url = path.replace(/\{[^}]+\}/g, v7());
        const res = await t.app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          ...(method === 'get' || method === 'delete' ? {} : { payload: {} }),
        });
        checked++;
        if (res.statusCode !== 401)
          refused.push(`${method.toUpperCase()} ${path} → ${res.statusCode}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(refused).toEqual([]);
    // The tip routes are among them.
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/tips',
        '/api/tips/{id}/convert-issue',
        '/api/intake-referrals',
      ]),
    );
  });

  it('lists streets and communities for the public form without a log-in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/streets' });
    expect(res.statusCode).toBe(200);
    const xw = res.json<PublicStreets>().find((s) => s.name === '新旺街道');
    expect(xw?.communities.map((c) => c.name)).toContain('御河九号社区');
    expect(Object.keys(xw!).sort()).toEqual(['communities', 'id', 'name']);
  });

  let publicCode = '';
  it('takes a public tip only with a solved challenge, once per challenge', async () => {
    const before = await count('tip');
    const body = {
      streetId: xinwangId,
      communityId: yuheId,
      topic: 'community',
      category: 'environmentSanitation',
      address: '向阳东街12号院门口',
      description: '院门口的垃圾桶三天没人清运了，味道很大',
      contactPhone: '13700001111',
    };
    const forged = Buffer.from(JSON.stringify({ challenge: {}, solution: {} })).toString('base64');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/public/tips',
      payload: { ...body, altcha: forged },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorReply>().error.code).toBe('TIP_CHALLENGE_FAILED');
    expect(await count('tip')).toBe(before);

    const altcha = await solvedChallenge(t);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/public/tips',
      payload: { ...body, altcha },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    publicCode = ok.json<{ trackingCode: string }>().trackingCode;
    expect(publicCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$/);
    expect(await count('tip')).toBe(before + 1);

    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/public/tips',
      payload: { ...body, altcha },
    });
    expect(replay.statusCode).toBe(400);
    expect(await count('tip')).toBe(before + 1);
  });

  it('refuses a solved challenge spent once, in another process on the same database too', async () => {
    const other = await t.twin();
    const before = await count('tip');
    const altcha = await solvedChallenge(t);
    const send = (app: typeof other) =>
      app.inject({
        method: 'POST',
        url: '/api/public/tips',
        remoteAddress: '10.6.0.1',
        payload: {
          streetId: xinwangId,
          topic: 'home',
          category: 'other',
          description: '楼道灯坏了一周',
          altcha,
        },
      });
    expect((await send(t.app)).statusCode).toBe(201);
    const replay = await send(other);
    expect(replay.statusCode).toBe(400);
    expect(replay.json<ErrorReply>().error.code).toBe('TIP_CHALLENGE_FAILED');
    expect(await count('tip')).toBe(before + 1);
  });

  it('shows the resident only the tip’s own status, replies and dates', async () => {
    const list = await xinwang.inject({ method: 'GET', url: `/api/tips?q=${publicCode}` });
    const tip = list.json<{ items: TipDetail[] }>().items[0];
    expect(tip.channel).toBe('webForm');
    expect(tip.contactPhone).toBe('137****1111');
    const triaged = await post(xinwang, `/api/tips/${tip.id}/triage`, {
      version: tip.version,
      publicReply: '您反映的问题已收到，已转社区核实',
      internalNote: '孙主任交办，联系物业王经理 13800000000',
    });
    expect(triaged.statusCode, triaged.body).toBe(200);

    // Typed the way people read it out: lower case, without the dashes.
    const { status, body } = await publicStatus(publicCode.replaceAll('-', '').toLowerCase());
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(
      [
        'canRate',
        'category',
        'phase',
        'rating',
        'ratingComment',
        'replies',
        'submittedAt',
        'topic',
        'trackingCode',
        'updatedAt',
      ].sort(),
    );
    expect(body.phase).toBe('received');
    expect(body.replies.map((r) => r.text)).toEqual(['您反映的问题已收到，已转社区核实']);
    const text = JSON.stringify(body);
    // The reporter's phone in any form (whole, or its masked 137****1111), never a timestamp's milliseconds.
    for (const secret of [
      '王丽君',
      '孙主任',
      '13800000000',
      '13700001111',
      '137*',
      '向阳东街12号院',
      '垃圾桶',
    ])
      expect(text).not.toContain(secret);

    const wrong = await publicStatus('ZZZZ-ZZZZ-ZZ');
    expect(wrong.status).toBe(404);
  });

  it('keeps tips to the staff of their area', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/tips' })).statusCode).toBe(401);
    expect((await grid.inject({ method: 'GET', url: '/api/tips' })).statusCode).toBe(403);
    const tip = await newTip(xinwang);
    expect(tip.contactPhone).toBe('139****5678');
    expect((await shuiposi.inject({ method: 'GET', url: `/api/tips/${tip.id}` })).statusCode).toBe(
      404,
    );
    expect((await yuhe.inject({ method: 'GET', url: `/api/tips/${tip.id}` })).statusCode).toBe(200);
    const others = await shuiposi.inject({ method: 'GET', url: '/api/tips' });
    expect(others.json<{ items: TipDetail[] }>().items.map((i) => i.id)).not.toContain(tip.id);
    // Staff of another street cannot take a tip for this one.
    const res = await post(shuiposi, '/api/tips', {
      channel: 'hotline',
      streetId: xinwangId,
      topic: 'home',
      category: 'other',
      description: '试试',
    });
    expect(res.statusCode).toBe(404);
  });

  it('takes the same tip once when the intake is resent', async () => {
    const id = v7();
    const first = await newTip(xinwang, { id });
    const again = await post(xinwang, '/api/tips', {
      id,
      channel: 'hotline',
      streetId: xinwangId,
      communityId: yuheId,
      topic: 'neighbour',
      category: 'publicOrder',
      description: '楼上住户每晚十一点后装修，噪音很大，孩子睡不着',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json<TipDetail>().trackingCode).toBe(first.trackingCode);
  });

  it('enforces the flow: no skipping, reasons and replies required, stale versions refused', async () => {
    const tip = await newTip(yuhe);
    const skip = await post(yuhe, `/api/tips/${tip.id}/convert-issue`, {
      version: tip.version,
      gridId,
      category: 'publicOrder',
    });
    expect(skip.statusCode).toBe(409);
    expect(skip.json<ErrorReply>().error.code).toBe('TIP_STEP_NOT_ALLOWED');
    const noReason = await post(yuhe, `/api/tips/${tip.id}/dismiss`, {
      version: tip.version,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ErrorReply>().error.code).toBe('TIP_REASON_REQUIRED');
    const triaged = (
      await post(yuhe, `/api/tips/${tip.id}/triage`, { version: tip.version })
    ).json<TipDetail>();
    expect(triaged.status).toBe('triaged');
    const stale = await post(yuhe, `/api/tips/${tip.id}/answer`, {
      version: tip.version,
      publicReply: '已联系',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorReply>().error.code).toBe('STALE_VERSION');
    const noReply = await post(yuhe, `/api/tips/${tip.id}/answer`, {
      version: triaged.version,
      publicReply: '  ',
    });
    expect(noReply.statusCode).toBe(400);
    expect(noReply.json<ErrorReply>().error.code).toBe('TIP_REPLY_REQUIRED');
    const dismissed = await post(yuhe, `/api/tips/${tip.id}/dismiss`, {
      version: triaged.version,
      reason: '经核实，装修在规定时间内进行，不属于扰民',
    });
    expect(dismissed.statusCode).toBe(200);
    const after = await post(yuhe, `/api/tips/${tip.id}/close`, {
      version: dismissed.json<TipDetail>().version,
    });
    expect(after.statusCode).toBe(409);
    const pub = await publicStatus(tip.trackingCode);
    expect(pub.body.phase).toBe('dismissed');
    expect(pub.body.replies.at(-1)?.text).toBe('经核实，装修在规定时间内进行，不属于扰民');
    expect(pub.body.canRate).toBe(false);
  });

  it('converts a tip to an issue in one step; the resident follows the issue’s status', async () => {
    const tip = await newTip(xinwang, { category: 'safetyHazard' });
    const triaged = (
      await post(xinwang, `/api/tips/${tip.id}/triage`, { version: tip.version })
    ).json<TipDetail>();
    const outside = await post(xinwang, `/api/tips/${tip.id}/convert-issue`, {
      version: triaged.version,
      gridId: await gridIdOf(zhenhua, '振华东社区'),
      category: 'safetyHazard',
    });
    expect(outside.statusCode).toBe(404);
    const issues = await count('issue');
    const res = await post(xinwang, `/api/tips/${tip.id}/convert-issue`, {
      version: triaged.version,
      gridId,
      category: 'safetyHazard',
      publicReply: '已转网格员上门处理',
      internalNote: '马志强负责',
    });
    expect(res.statusCode, res.body).toBe(200);
    const converted = res.json<TipDetail>();
    expect(converted.status).toBe('converted');
    expect(converted.issueStatus).toBe('reported');
    expect(await count('issue')).toBe(issues + 1);
    const issue = (
      await xinwang.inject({ method: 'GET', url: `/api/issues/${converted.issueId}` })
    ).json<IssueDetail>();
    expect(issue.description).toBe(tip.description);
    const row = await t.handle.db
      .selectFrom('issue')
      .select(['source', 'source_id'])
      .where('id', '=', converted.issueId!)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ source: 'tip', source_id: tip.id });
    const pub = await publicStatus(tip.trackingCode);
    expect(pub.body.phase).toBe('received');
    expect(pub.body.replies.map((r) => r.text)).toEqual(['已转网格员上门处理']);
    expect(JSON.stringify(pub.body)).not.toContain('马志强');
    // Not done yet: no rating.
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/public/tips/${tip.trackingCode}/rating`,
      payload: { rating: 5 },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorReply>().error.code).toBe('TIP_NOT_RATABLE');
  });

  it('answers a tip directly, and takes the resident’s rating once', async () => {
    const tip = await newTip(xinwang, { topic: 'home', category: 'livelihoodRequest' });
    const triaged = (
      await post(xinwang, `/api/tips/${tip.id}/triage`, { version: tip.version })
    ).json<TipDetail>();
    await post(xinwang, `/api/tips/${tip.id}/answer`, {
      version: triaged.version,
      publicReply: '供暖报修电话是 12345 转 3，师傅明天上门',
    });
    const pub = await publicStatus(tip.trackingCode);
    expect(pub.body.phase).toBe('done');
    expect(pub.body.canRate).toBe(true);
    const rate = (rating: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/public/tips/${tip.trackingCode}/rating`,
        payload: { rating, comment: '很及时' },
      });
    const first = await rate(5);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<PublicTipStatus>().rating).toBe(5);
    expect(first.json<PublicTipStatus>().canRate).toBe(false);
    const second = await rate(1);
    expect(second.statusCode).toBe(409);
    expect(second.json<ErrorReply>().error.code).toBe('TIP_ALREADY_RATED');
    expect((await publicStatus(tip.trackingCode)).body.rating).toBe(5);
    const staff = (
      await xinwang.inject({ method: 'GET', url: `/api/tips/${tip.id}` })
    ).json<TipDetail>();
    expect(staff.status).toBe('rated');
    expect(staff.ratingComment).toBe('很及时');
  });

  it('refers a tip to the social work station, which takes it on by opening a case', async () => {
    const tip = await newTip(zhenhua, {
      streetId: zhenhuaId,
      communityId: (await unitByName(zhenhua, '振华西社区')).id,
      topic: 'home',
      category: 'socialNeed',
      description: '邻居张大爷独居，最近腿脚不好，买菜都困难',
      contactName: '张建华',
      contactPhone: '13600002222',
    });
    const triaged = (
      await post(zhenhua, `/api/tips/${tip.id}/triage`, { version: tip.version })
    ).json<TipDetail>();
    const res = await post(zhenhua, `/api/tips/${tip.id}/convert-case`, {
      version: triaged.version,
      need: '独居老人行动不便，需要评估助餐、助行服务',
      publicReply: '已转街道社工站跟进',
    });
    expect(res.statusCode, res.body).toBe(200);
    const converted = res.json<TipDetail>();
    expect(converted.referralStatus).toBe('pending');

    const pending = await social.inject({
      method: 'GET',
      url: '/api/intake-referrals?status=pending',
    });
    const referral = pending
      .json<IntakeReferral[]>()
      .find((r) => r.id === converted.intakeReferralId)!;
    expect(referral).toMatchObject({ name: '张建华', phone: '136****2222', source: 'tip' });
    const elsewhere = await socialQingyuan.inject({ method: 'GET', url: '/api/intake-referrals' });
    expect(elsewhere.json<IntakeReferral[]>().map((r) => r.id)).not.toContain(referral.id);
    expect((await grid.inject({ method: 'GET', url: '/api/intake-referrals' })).statusCode).toBe(
      403,
    );

    const household = await buildHousehold(social, {
      community: '振华西社区',
      head: { name: '张德顺', idNumber: fakeIdNumber('1948-03-03') },
    });
    const residentId = household.members[0].id;
    await giveConsent(social, residentId);
    const open = (intakeReferralId: string) =>
      post(social, '/api/cases', {
        residentId,
        source: 'workerFound',
        presentingProblem: '独居老人行动不便',
        riskLevel: 'medium',
        intake: intakeForm,
        intakeReferralId,
      });
    const opened = await open(referral.id);
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json<CaseDetail>();
    expect(c.source).toBe('communityReferral');
    const after = (await social.inject({ method: 'GET', url: '/api/intake-referrals' })).json<
      IntakeReferral[]
    >();
    expect(after.find((r) => r.id === referral.id)).toMatchObject({
      status: 'accepted',
      caseId: c.id,
    });
    const pub = await publicStatus(tip.trackingCode);
    expect(pub.body.phase).toBe('inProgress');
    expect(JSON.stringify(pub.body)).not.toContain('张');
    // Taken on once only.
    const again = await post(zhenhua, '/api/intake-referrals/' + referral.id + '/decline', {
      version: referral.version,
      reason: '重复',
    });
    expect([403, 409]).toContain(again.statusCode);
  });

  it('lets the station decline a referral with a reason', async () => {
    const tip = await newTip(zhenhua, {
      streetId: zhenhuaId,
      communityId: undefined,
      topic: 'home',
      category: 'socialNeed',
      description: '想咨询孩子上学的补助政策',
    });
    const triaged = (
      await post(zhenhua, `/api/tips/${tip.id}/triage`, { version: tip.version })
    ).json<TipDetail>();
    const converted = (
      await post(zhenhua, `/api/tips/${tip.id}/convert-case`, {
        version: triaged.version,
        need: '教育补助咨询',
      })
    ).json<TipDetail>();
    const list = (
      await social.inject({ method: 'GET', url: '/api/intake-referrals?status=pending' })
    ).json<IntakeReferral[]>();
    const r = list.find((x) => x.id === converted.intakeReferralId)!;
    const declined = await post(social, `/api/intake-referrals/${r.id}/decline`, {
      version: r.version,
      reason: '属于教育部门政策咨询，已告知拨打12345',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json<IntakeReferral>().status).toBe('declined');
    const twice = await post(social, `/api/intake-referrals/${r.id}/decline`, {
      version: r.version + 1,
      reason: '再退',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<ErrorReply>().error.code).toBe('REFERRAL_NOT_PENDING');
  });

  it('files a recorded e-mail as a tip with its photo, once however often it is imported', async () => {
    const mail = await simpleParser(
      fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'utf8-qp-photo.eml')),
    );
    const street = (await findStreets(t.handle.db, '新旺街道'))[0];
    const store = localFileStore(fs.mkdtempSync(path.join(os.tmpdir(), 'tips-mail-')));
    const run = () =>
      importEmailTip({
        db: t.handle.db,
        caller: importCaller(street),
        store,
        streetId: street.id,
        tip: tipFromEmail(mail),
      });
    const first = await run();
    const again = await run();
    expect(first.created).toBe(true);
    expect(again).toEqual({ trackingCode: first.trackingCode, created: false });
    const found = (
      await xinwang.inject({ method: 'GET', url: `/api/tips?q=${first.trackingCode}` })
    ).json<{ items: TipDetail[]; total: number }>();
    expect(found.total).toBe(1);
    const tip = (
      await xinwang.inject({ method: 'GET', url: `/api/tips/${found.items[0].id}` })
    ).json<TipDetail>();
    expect(tip).toMatchObject({
      channel: 'email',
      contactName: '周建国',
      contactPhone: '138****8000',
    });
    expect(tip.photos).toHaveLength(1);
    // Street-wide until triage places it in a community; then that community's staff see it too.
    expect((await yuhe.inject({ method: 'GET', url: `/api/tips/${tip.id}` })).statusCode).toBe(404);
    const triaged = await post(xinwang, `/api/tips/${tip.id}/triage`, {
      version: tip.version,
      communityId: yuheId,
      topic: 'community',
      category: 'safetyHazard',
    });
    expect(triaged.json<TipDetail>()).toMatchObject({
      communityName: '御河九号社区',
      topic: 'community',
      category: 'safetyHazard',
    });
    expect((await yuhe.inject({ method: 'GET', url: `/api/tips/${tip.id}` })).statusCode).toBe(200);
  });

  it('tells the demo tip line in every state, by fixed tracking codes', async () => {
    const phases = await Promise.all(
      Object.values(DEMO_TIP_CODES).map(async (code) => (await publicStatus(code)).body.phase),
    );
    expect(phases).toEqual(['submitted', 'received', 'done', 'dismissed', 'received', 'submitted']);
    const pending = (
      await social.inject({ method: 'GET', url: '/api/intake-referrals?status=pending' })
    ).json<IntakeReferral[]>();
    expect(pending.map((r) => r.need)).toContain(
      '独居老人行动不便，需上门评估助餐、助行和日常照料需求',
    );
  });

  it('rate-limits the public form per address', async () => {
    const before = await count('tip');
    let limited = false;
    for (let i = 0; i < 6 && !limited; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/public/tips',
        payload: {
          streetId: xinwangId,
          topic: 'home',
          category: 'other',
          description: 'x',
          altcha: 'e30=',
        },
      });
      limited = res.statusCode === 429;
    }
    expect(limited).toBe(true);
    expect(await count('tip')).toBe(before);
  });
});
