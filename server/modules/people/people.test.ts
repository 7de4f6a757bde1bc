import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry, Household, Resident } from '../../../common/schemas/people';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import { buildHousehold, fakeIdNumber } from '../../../test/support/people';

describe.each(dialects)('households and residents on %s', (dialect) => {
  let t: TestApp;
  let social: Session;
  let qingyuan: Session;
  let grid: Session;
  let admin: Session;
  let wang: Household;
  const wangId = fakeIdNumber('1986-03-08');

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    const station = await unitByName(admin, '清远街道社工站');
    await admin.inject({
      method: 'POST',
      url: '/api/staff',
      payload: {
        username: 'social.qingyuan',
        displayName: '何丽娜',
        password: 'Qingyuan#2026',
        roles: [{ role: 'socialWorker', orgUnitId: station.id }],
      },
    });
    [social, grid] = await Promise.all(['social.zhenhua', 'grid.yuhe'].map((u) => t.login(u)));
    qingyuan = await t.login('social.qingyuan');
    wang = await buildHousehold(social, {
      community: '振华东社区',
      economicStatus: 'minimumIncome',
      head: {
        name: '王鹏',
        idNumber: wangId,
        phone: '13812345678',
        healthNotes: '尿毒症，每周透析三次',
        careTags: ['seriousIllness', 'minimumIncome'],
      },
    });
  });
  afterAll(() => t?.close());

  const search = async (s: Session, q: string) =>
    (await s.inject({ method: 'GET', url: `/api/residents?q=${encodeURIComponent(q)}` })).json<{
      items: Resident[];
      total: number;
    }>();

  it('registers a household with its head; the ID number gives birth date and gender, sealed fields are not stored in clear', async () => {
    const head = wang.members[0];
    expect(wang.address).toBe('振华东社区3号楼2单元' + wang.room + '室');
    expect(head).toMatchObject({
      name: '王鹏',
      relationToHead: 'self',
      birthDate: '1986-03-08',
      gender: 'male',
      careTags: ['minimumIncome', 'seriousIllness'],
    });
    const row = await t.handle.db
      .selectFrom('resident')
      .selectAll()
      .where('id', '=', head.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('13812345678');
    expect(JSON.stringify(row)).not.toContain(wangId);
    expect(JSON.stringify(row)).not.toContain('尿毒症');
  });

  it('refuses an ID number whose check digit is wrong, naming the field, and writes nothing', async () => {
    const bad = wangId.slice(0, 17) + (wangId[17] === '1' ? '2' : '1');
    const before = (await t.handle.db.selectFrom('resident').select('id').execute()).length;
    const res = await social.inject({
      method: 'POST',
      url: '/api/households',
      payload: {
        gridId: wang.gridId,
        building: '1',
        room: '101',
        head: { name: '张三', idNumber: bad },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { field: string } }>().error.field).toBe('head.idNumber');
    expect((await t.handle.db.selectFrom('resident').select('id').execute()).length).toBe(before);
  });

  it('finds 王鹏 by initials, full pinyin, ID number and the last four of the phone, masked in the list', async () => {
    for (const q of ['wp', 'wangpeng', 'WP', '王', wangId, '5678']) {
      const page = await search(social, q);
      expect(
        page.items.map((i) => i.name),
        q,
      ).toContain('王鹏');
    }
    const hit = (await search(social, 'wp')).items.find((i) => i.id === wang.members[0].id)!;
    expect(hit.phone).toEqual({ value: '138****5678', masked: true, canReveal: false });
    expect(hit.idNumber.value).toBe(`140213********${wangId.slice(-4)}`);
    expect(hit.healthNotes.value).toBe('******');
  });

  it('finds nothing for a worker of another station, who cannot open the household either', async () => {
    expect((await search(qingyuan, 'wp')).total).toBe(0);
    expect(
      (await qingyuan.inject({ method: 'GET', url: `/api/households/${wang.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await qingyuan.inject({ method: 'GET', url: `/api/residents/${wang.members[0].id}` }))
        .statusCode,
    ).toBe(404);
    const res = await qingyuan.inject({
      method: 'PATCH',
      url: `/api/residents/${wang.members[0].id}`,
      payload: { version: 1, phone: '13900000000' },
    });
    expect(res.statusCode).toBe(404);
    expect(
      (await grid.inject({ method: 'GET', url: `/api/households/${wang.id}` })).statusCode,
    ).toBe(404);
  });

  it('lets another worker of the station open a masked field only with a reason, which is audited and shown to the supervisor', async () => {
    const head = wang.members[0];
    const res = await social.inject({ method: 'GET', url: `/api/residents/${head.id}` });
    expect(res.json<Resident>().phone).toEqual({
      value: '138****5678',
      masked: true,
      canReveal: true,
    });
    const noReason = await social.inject({
      method: 'POST',
      url: `/api/residents/${head.id}/reveal`,
      payload: { field: 'phone', reason: '' },
    });
    expect(noReason.statusCode).toBe(400);
    const reveal = await social.inject({
      method: 'POST',
      url: `/api/residents/${head.id}/reveal`,
      payload: { field: 'phone', reason: '电话回访，确认透析时间' },
    });
    expect(reveal.json()).toEqual({ field: 'phone', value: '13812345678' });
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'resident.revealSensitive')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      username: 'social.zhenhua',
      entity_id: head.id,
      detail: '电话回访，确认透析时间',
    });
    const supervisor = await t.login('supervisor.zhenhua');
    const seen = (await supervisor.inject({ method: 'GET', url: '/api/sensitive-access' })).json<
      { residentName: string; reason: string }[]
    >();
    expect(seen).toEqual([
      expect.objectContaining({
        residentName: '王鹏',
        reason: '电话回访，确认透析时间',
        username: 'social.zhenhua',
      }),
    ]);
    const viewer = await t.login('viewer');
    expect(
      (
        await viewer.inject({
          method: 'POST',
          url: `/api/residents/${head.id}/reveal`,
          payload: { field: 'phone', reason: '想看看号码' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('gives a grid worker an adult’s phone for the rounds but never health notes', async () => {
    const h = await buildHousehold(grid, {
      community: '御河九号社区',
      head: {
        name: '刘桂兰',
        idNumber: fakeIdNumber('1950-02-02', true),
        phone: '13698765432',
        healthNotes: '高血压',
        careTags: ['livingAlone'],
      },
    });
    const r = (
      await grid.inject({ method: 'GET', url: `/api/residents/${h.members[0].id}` })
    ).json<Resident>();
    expect(r.phone).toEqual({ value: '13698765432', masked: false, canReveal: false });
    expect(r.healthNotes.value).toBeNull();
    expect(
      JSON.stringify(
        await grid.inject({ method: 'GET', url: `/api/households/${h.id}` }).then((x) => x.body),
      ),
    ).not.toContain('高血压');
    expect(
      (
        await grid.inject({
          method: 'POST',
          url: `/api/residents/${h.members[0].id}/reveal`,
          payload: { field: 'healthNotes', reason: '了解一下情况' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('keeps every correction in the history, sensitive values masked; a stale version changes nothing', async () => {
    const head = wang.members[0];
    const res = await social.inject({
      method: 'PATCH',
      url: `/api/residents/${head.id}`,
      payload: { version: head.version, phone: '13812340000', selfCare: 'partial' },
    });
    expect(res.statusCode).toBe(200);
    const stale = await social.inject({
      method: 'PATCH',
      url: `/api/residents/${head.id}`,
      payload: { version: head.version, phone: '13800000000' },
    });
    expect(stale.statusCode).toBe(409);
    const history = (
      await social.inject({ method: 'GET', url: `/api/households/${wang.id}/history` })
    ).json<HistoryEntry[]>();
    const phone = history.find((h) => h.field === 'phone')!;
    expect(phone).toMatchObject({
      oldValue: '138****5678',
      newValue: '138****0000',
      username: 'social.zhenhua',
      sourceType: 'manual',
    });
    expect(history.find((h) => h.field === 'selfCare')).toMatchObject({
      oldValue: null,
      newValue: 'partial',
    });
    expect((await search(social, '0000')).items.map((i) => i.name)).toContain('王鹏');
  });

  it('filters by care tag within scope', async () => {
    const page = (
      await social.inject({ method: 'GET', url: '/api/residents?careTag=seriousIllness' })
    ).json<{ items: Resident[] }>();
    // The demo's 王鹏 and this test's: both in 振华 with the tag; 小阳 of 清远 has it too but is not in scope.
    expect(page.items.map((i) => i.name)).toEqual(['王鹏', '王鹏']);
    expect(page.items.every((i) => i.careTags.includes('seriousIllness'))).toBe(true);
    const none = (
      await social.inject({ method: 'GET', url: '/api/residents?careTag=livingAlone' })
    ).json<{ items: Resident[] }>();
    expect(none.items).toEqual([]);
  });

  it('adds a member, changes the head, splits a household off and moves it, each in the history', async () => {
    let h = await buildHousehold(social, {
      community: '振华西社区',
      head: { name: '李建国', idNumber: fakeIdNumber('1955-07-01') },
    });
    const add = async (name: string, relationToHead: string, birth: string) => {
      const res = await social.inject({
        method: 'POST',
        url: `/api/households/${h.id}/members`,
        payload: { version: h.version, name, relationToHead, idNumber: fakeIdNumber(birth) },
      });
      expect(res.statusCode).toBe(200);
      h = res.json<Household>();
    };
    await add('李明', 'child', '1982-01-01');
    await add('李小华', 'grandchild', '2012-06-01');
    expect(h.members.map((m) => m.name)).toEqual(['李建国', '李明', '李小华']);
    expect(h.members[2].minor).toBe(true);
    const ming = h.members[1];
    const headChange = await social.inject({
      method: 'POST',
      url: `/api/households/${h.id}/change-head`,
      payload: {
        version: h.version,
        residentId: ming.id,
        relations: { [h.members[0].id]: 'parent', [h.members[2].id]: 'child' },
      },
    });
    h = headChange.json<Household>();
    expect(h.headResidentId).toBe(ming.id);
    expect(h.members.map((m) => m.relationToHead)).toEqual(['parent', 'self', 'child']);
    const splitHead = await social.inject({
      method: 'POST',
      url: `/api/households/${h.id}/split`,
      payload: {
        version: h.version,
        residentIds: [ming.id],
        headResidentId: ming.id,
        gridId: h.gridId,
        building: '8',
        room: '602',
      },
    });
    expect(splitHead.statusCode).toBe(409);
    const split = await social.inject({
      method: 'POST',
      url: `/api/households/${h.id}/split`,
      payload: {
        version: h.version,
        residentIds: [h.members[0].id],
        headResidentId: h.members[0].id,
        gridId: h.gridId,
        building: '8',
        room: '602',
      },
    });
    expect(split.statusCode).toBe(200);
    const { from, to } = split.json<{ from: Household; to: Household }>();
    expect(from.members.map((m) => m.name)).toEqual(['李明', '李小华']);
    expect(to.members.map((m) => m.name)).toEqual(['李建国']);
    expect(to.address).toContain('8号楼');
    const other = await unitByName(social, '振华东社区');
    const grids = await t.handle.db
      .selectFrom('org_unit')
      .select('id')
      .where('parent_id', '=', other.id)
      .execute();
    const moved = await social.inject({
      method: 'POST',
      url: `/api/households/${to.id}/move`,
      payload: { version: to.version, gridId: grids[1].id, building: '12', room: '301' },
    });
    expect(moved.json<Household>()).toMatchObject({
      communityName: '振华东社区',
      building: '12',
      room: '301',
    });
    const history = (
      await social.inject({ method: 'GET', url: `/api/households/${from.id}/history` })
    ).json<HistoryEntry[]>();
    expect(history.map((e) => e.operation)).toEqual(
      expect.arrayContaining(['addMember', 'changeHead', 'split']),
    );
    const gone = await social.inject({
      method: 'POST',
      url: `/api/households/${from.id}/remove-member`,
      payload: { version: from.version, residentId: from.members[1].id, reason: 'movedAway' },
    });
    expect(gone.json<Household>().members.find((m) => m.name === '李小华')!.status).toBe(
      'movedAway',
    );
  });

  it('masks a minor’s name and birth date in lists and for roles outside the station', async () => {
    let h = await buildHousehold(grid, {
      community: '御河九号社区',
      head: { name: '周建军', idNumber: fakeIdNumber('1985-01-01') },
    });
    const res = await grid.inject({
      method: 'POST',
      url: `/api/households/${h.id}/members`,
      payload: {
        version: h.version,
        name: '周小雨',
        relationToHead: 'child',
        idNumber: fakeIdNumber('2016-08-08', true),
      },
    });
    h = res.json<Household>();
    expect(h.members.map((m) => m.name)).toEqual(['周建军', '周**']);
    expect(h.members[1]).toMatchObject({ minor: true, birthDate: null });
    expect(h.members[1].age).toBeLessThan(18);
    const listed = (await grid.inject({ method: 'GET', url: '/api/residents?q=zhouxiaoyu' })).json<{
      items: Resident[];
    }>();
    expect(listed.items.map((i) => i.name)).toEqual(['周**']);
    expect(JSON.stringify(listed)).not.toContain('周小雨');
  });

  it('records a guardian’s consent for a child under 14, and refuses the child’s own', async () => {
    const h = await buildHousehold(qingyuan, {
      community: '清远东社区',
      head: { name: '张秀英', idNumber: fakeIdNumber('1980-09-09', true) },
    });
    const r = await qingyuan.inject({
      method: 'POST',
      url: `/api/households/${h.id}/members`,
      payload: {
        version: h.version,
        name: '小阳',
        relationToHead: 'child',
        idNumber: fakeIdNumber('2013-04-04'),
      },
    });
    const child = r.json<Household>().members[1];
    const own = await qingyuan.inject({
      method: 'POST',
      url: `/api/residents/${child.id}/consents`,
      payload: { givenBy: 'self', consentDate: '2026-11-01', scope: '个案服务' },
    });
    expect(own.statusCode).toBe(400);
    const guardian = await qingyuan.inject({
      method: 'POST',
      url: `/api/residents/${child.id}/consents`,
      payload: {
        givenBy: 'guardian',
        guardianName: '张秀英',
        consentDate: '2026-11-01',
        scope: '个案服务及必要的信息共享',
      },
    });
    expect(guardian.statusCode).toBe(201);
    const list = (
      await qingyuan.inject({ method: 'GET', url: `/api/residents/${child.id}/consents` })
    ).json<unknown[]>();
    expect(list).toHaveLength(1);
  });
});
