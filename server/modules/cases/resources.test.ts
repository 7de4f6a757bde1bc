import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseEvent, Referral, Resource } from '../../../common/schemas/cases';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app';
import { buildCase, giveConsent } from '../../../test/support/cases';
import { dialects } from '../../../test/support/db';
import { buildHousehold, fakeIdNumber } from '../../../test/support/people';

describe.each(dialects)('resources and referrals on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let social: Session;
  let supervisor: Session;
  let qingyuan: Session;
  let grid: Session;
  let streetAdmin: Session;
  let c: CaseDetail;
  let job: Resource;
  let districtWide: Resource;
  let qingyuanOnly: Resource;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [admin, social, supervisor, qingyuan, grid, streetAdmin] = await Promise.all(
      [
        'admin',
        'social.zhenhua',
        'supervisor.zhenhua',
        'social.qingyuan',
        'grid.yuhe',
        'street.zhenhua',
      ].map((u) => t.login(u)),
    );
    const h = await buildHousehold(social, {
      community: '振华东社区',
      head: { name: '吴志刚', idNumber: fakeIdNumber('1986-03-08'), careTags: ['seriousIllness'] },
    });
    await giveConsent(social, h.members[0].id);
    c = await buildCase(social, { residentId: h.members[0].id });
  });
  afterAll(() => t?.close());

  const create = (s: Session, payload: object) =>
    s.inject({ method: 'POST', url: '/api/resources', payload });
  const names = async (s: Session) =>
    (await s.inject({ method: 'GET', url: '/api/resources' }))
      .json<{ items: Resource[] }>()
      .items.map((r) => r.name);

  it('answers 401 without a session and 403 to roles without cases', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/resources' })).statusCode).toBe(401);
    expect((await grid.inject({ method: 'GET', url: '/api/resources' })).statusCode).toBe(403);
    const res = await create(grid, { category: 'job', name: '保洁岗', provider: '物业' });
    expect(res.statusCode).toBe(403);
  });

  it('keeps a street’s resources to its own station; district-wide ones are everyone’s', async () => {
    const id = '019a0000-0000-7000-8000-0000000000b1';
    const payload = {
      id,
      category: 'job',
      name: '社区服务点保洁岗',
      provider: '振华东社区服务站',
      contact: '0352-1234567',
      area: '振华东社区',
      conditions: '能兼顾透析时间，每天四小时',
    };
    const res = await create(social, payload);
    expect(res.statusCode).toBe(201);
    job = res.json<Resource>();
    expect(job).toMatchObject({ status: 'active', version: 1 });
    expect(job.streetId).not.toBeNull();
    expect((await create(social, payload)).statusCode).toBe(200);
    qingyuanOnly = (
      await create(qingyuan, { category: 'medical', name: '清远社区卫生站', provider: '清远街道' })
    ).json<Resource>();
    expect(
      (
        await create(social, {
          category: 'charity',
          name: '全区慈善',
          provider: '区慈善总会',
          streetId: null,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await create(streetAdmin, { category: 'job', name: '街道公益岗', provider: '振华街道' }))
        .statusCode,
    ).toBe(403);
    const dw = await create(admin, {
      category: 'benefit',
      name: '城乡居民大病救助',
      provider: '平城区医疗保障局',
      streetId: null,
    });
    expect(dw.statusCode).toBe(201);
    districtWide = dw.json<Resource>();
    expect(districtWide.streetId).toBeNull();

    // The demo's 社区便民服务点 (王鹏's job) is 振华's too.
    expect((await names(social)).sort()).toEqual(
      ['城乡居民大病救助', '社区便民服务点', '社区服务点保洁岗'].sort(),
    );
    expect((await names(qingyuan)).sort()).toEqual(['城乡居民大病救助', '清远社区卫生站'].sort());
    expect(await names(streetAdmin)).toContain('社区服务点保洁岗');
    expect((await names(admin)).length).toBe(4);
    expect(
      (await qingyuan.inject({ method: 'GET', url: `/api/resources/${job.id}` })).statusCode,
    ).toBe(404);
    const filtered = (
      await social.inject({ method: 'GET', url: '/api/resources?category=job&q=保洁' })
    ).json<{ items: Resource[] }>();
    expect(filtered.items.map((r) => r.name)).toEqual(['社区服务点保洁岗']);
    // The search matches a category's label too: "就业" finds the job resources, in English "job" too.
    for (const q of ['就业', 'job']) {
      const byLabel = (
        await social.inject({ method: 'GET', url: `/api/resources?q=${encodeURIComponent(q)}` })
      ).json<{ items: Resource[] }>();
      expect(byLabel.items.map((r) => r.name)).toContain('社区服务点保洁岗');
      expect(byLabel.items.every((r) => r.category === 'job')).toBe(true);
    }
  });

  it('edits and retires a resource with its version', async () => {
    const url = `/api/resources/${job.id}`;
    expect(
      (
        await qingyuan.inject({
          method: 'PATCH',
          url,
          payload: { version: job.version, name: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    const ok = await supervisor.inject({
      method: 'PATCH',
      url,
      payload: { version: job.version, conditions: '能兼顾透析时间，每天四小时，月薪一千五' },
    });
    expect(ok.statusCode).toBe(200);
    const stale = await social.inject({
      method: 'PATCH',
      url,
      payload: { version: job.version, name: '改名' },
    });
    expect(stale.statusCode).toBe(409);
    job = ok.json<Resource>();
    expect(job.version).toBe(2);
    // The district's resource is the district admin's to change.
    expect(
      (
        await social.inject({
          method: 'PATCH',
          url: `/api/resources/${districtWide.id}`,
          payload: { version: 1, name: '改名' },
        })
      ).statusCode,
    ).toBe(403);
  });

  let referral: Referral;
  it('refers the client to a resource: requested → accepted → completed with an outcome', async () => {
    const url = `/api/cases/${c.id}/referrals`;
    const elsewhere = await social.inject({
      method: 'POST',
      url,
      payload: { resourceId: qingyuanOnly.id },
    });
    expect(elsewhere.statusCode).toBe(404);
    const res = await social.inject({
      method: 'POST',
      url,
      payload: { resourceId: job.id, note: '推荐到社区服务点保洁岗' },
    });
    expect(res.statusCode).toBe(201);
    referral = res.json<Referral>();
    expect(referral).toMatchObject({
      status: 'requested',
      resource: { name: '社区服务点保洁岗', category: 'job' },
      requestedBy: { displayName: '赵晓雯' },
    });
    const move = (s: Session, payload: object) =>
      s.inject({ method: 'POST', url: `/api/referrals/${referral.id}/status`, payload });
    const skip = await move(social, { version: 1, status: 'completed', outcome: '已上岗' });
    expect(skip.json<{ error: { code: string } }>().error.code).toBe('INVALID_TRANSITION');
    expect((await move(qingyuan, { version: 1, status: 'accepted' })).statusCode).toBe(404);
    const accepted = await move(social, { version: 1, status: 'accepted' });
    expect(accepted.json<Referral>()).toMatchObject({ status: 'accepted', version: 2 });
    expect(
      (await move(social, { version: 1, status: 'declined', outcome: '不合适' })).statusCode,
    ).toBe(409);
    const noOutcome = await move(social, { version: 2, status: 'completed' });
    expect(noOutcome.statusCode).toBe(400);
    const done = await move(social, {
      version: 2,
      status: 'completed',
      outcome: '已在社区服务点上岗，家庭收入改善',
    });
    expect(done.json<Referral>()).toMatchObject({
      status: 'completed',
      outcome: '已在社区服务点上岗，家庭收入改善',
    });
    expect(done.json<Referral>().endedAt).not.toBeNull();
    const late = await move(social, { version: 3, status: 'declined', outcome: '反悔' });
    expect(late.json<{ error: { code: string } }>().error.code).toBe('INVALID_TRANSITION');
    const list = (await supervisor.inject({ method: 'GET', url })).json<Referral[]>();
    expect(list.map((r) => r.status)).toEqual(['completed']);
    const events = (await social.inject({ method: 'GET', url: `/api/cases/${c.id}/events` })).json<
      CaseEvent[]
    >();
    expect(events.filter((e) => e.action.startsWith('referral.')).map((e) => e.action)).toEqual([
      'referral.requested',
      'referral.accepted',
      'referral.completed',
    ]);
    expect(events.at(-1)!.note).toBe('社区服务点保洁岗：已在社区服务点上岗，家庭收入改善');
  });

  it('takes no referral to a retired resource', async () => {
    const retired = await social.inject({
      method: 'PATCH',
      url: `/api/resources/${job.id}`,
      payload: { version: job.version, status: 'retired' },
    });
    expect(retired.json<Resource>().status).toBe('retired');
    const res = await social.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/referrals`,
      payload: { resourceId: job.id },
    });
    expect(res.json<{ error: { code: string } }>().error.code).toBe('RESOURCE_RETIRED');
    const toDistrict = await social.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/referrals`,
      payload: { resourceId: districtWide.id },
    });
    expect(toDistrict.statusCode).toBe(201);
  });
});
