import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Staff } from '../../../common/schemas/staff';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import { DEMO_ACCOUNTS } from '../../demo/seed';

describe.each(dialects)('staff accounts on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let street: Session;
  let grid: Session;
  let supervisor: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [admin, street, grid, supervisor] = await Promise.all(
      ['admin', 'street.zhenhua', 'grid.yuhe', 'supervisor.zhenhua'].map((u) => t.login(u)),
    );
  });
  afterAll(() => t?.close());

  const staffNamed = async (s: Session, username: string) =>
    (await s.inject({ method: 'GET', url: `/api/staff?q=${username}` }))
      .json<{ items: Staff[] }>()
      .items.find((i) => i.username === username);

  it('lists every account to the district admin, with roles and where they sit', async () => {
    const res = await admin.inject({ method: 'GET', url: '/api/staff?pageSize=50' });
    expect(res.statusCode).toBe(200);
    const page = res.json<{ items: Staff[]; total: number }>();
    expect(page.total).toBe(DEMO_ACCOUNTS.length);
    const worker = page.items.find((i) => i.username === 'grid.yuhe')!;
    expect(worker.roles[0]).toMatchObject({
      role: 'gridWorker',
      orgUnitName: '第一网格',
      orgUnitKind: 'grid',
    });
    expect(worker.roles[0].orgUnitTrail).toEqual([
      '平城区',
      '新旺街道',
      '御河九号社区',
      '第一网格',
    ]);
    expect(JSON.stringify(page)).not.toContain('password');
    const byRole = await admin.inject({ method: 'GET', url: '/api/staff?role=socialWorker' });
    expect(byRole.json<{ items: Staff[] }>().items.map((i) => i.username)).toEqual([
      'social.kaiyuan',
      'social.qingyuan',
      'social.yingbin',
      'social.zhenhua',
    ]);
  });

  it('shows a street admin and a station supervisor only their own street’s staff', async () => {
    const own = (await street.inject({ method: 'GET', url: '/api/staff' }))
      .json<{ items: Staff[] }>()
      .items.map((i) => i.username);
    expect(own.sort()).toEqual(['social.zhenhua', 'street.zhenhua', 'supervisor.zhenhua']);
    const station = (await supervisor.inject({ method: 'GET', url: '/api/staff' }))
      .json<{ items: Staff[] }>()
      .items.map((i) => i.username);
    expect(station.sort()).toEqual(['social.zhenhua', 'supervisor.zhenhua']);
    const other = (await staffNamed(admin, 'grid.yuhe'))!;
    expect((await street.inject({ method: 'GET', url: `/api/staff/${other.id}` })).statusCode).toBe(
      404,
    );
  });

  it('keeps a grid worker away from staff accounts altogether', async () => {
    expect((await grid.inject({ method: 'GET', url: '/api/staff' })).statusCode).toBe(403);
    const other = (await staffNamed(admin, 'social.zhenhua'))!;
    expect([403, 404]).toContain(
      (await grid.inject({ method: 'GET', url: `/api/staff/${other.id}` })).statusCode,
    );
    const writes = [
      {
        method: 'PATCH' as const,
        url: `/api/staff/${other.id}`,
        payload: { version: other.version, displayName: 'x' },
      },
      {
        method: 'POST' as const,
        url: `/api/staff/${other.id}/disable`,
        payload: { version: other.version },
      },
      {
        method: 'POST' as const,
        url: `/api/staff/${other.id}/reset-password`,
        payload: { newPassword: 'Takeover#2026' },
      },
      {
        method: 'PUT' as const,
        url: `/api/staff/${other.id}/roles`,
        payload: { version: other.version, roles: [] },
      },
      {
        method: 'POST' as const,
        url: '/api/staff',
        payload: {
          username: 'intruder',
          displayName: 'x',
          password: 'Intrude#2026x',
          roles: [{ role: 'districtAdmin', orgUnitId: other.roles[0].orgUnitId }],
        },
      },
    ];
    for (const w of writes) expect([400, 403, 404]).toContain((await grid.inject(w)).statusCode);
    const after = (await staffNamed(admin, 'social.zhenhua'))!;
    expect(after.version).toBe(other.version);
    expect(after.status).toBe('active');
  });

  it('lets a street admin add a social worker to their station, once however often the create is sent', async () => {
    const station = await unitByName(street, '振华街道社工站');
    const body = {
      id: v7(),
      username: 'social.new',
      displayName: '吴佳怡',
      phone: '13812345678',
      password: 'Social#2026new',
      roles: [{ role: 'socialWorker', orgUnitId: station.id }],
    };
    const res = await street.inject({ method: 'POST', url: '/api/staff', payload: body });
    expect(res.statusCode).toBe(201);
    expect(res.json<Staff>()).toMatchObject({
      username: 'social.new',
      displayName: '吴佳怡',
      status: 'active',
      roles: [{ role: 'socialWorker', orgUnitName: '振华街道社工站' }],
    });
    const again = await street.inject({ method: 'POST', url: '/api/staff', payload: body });
    expect(again.statusCode).toBe(200);
    const taken = await street.inject({
      method: 'POST',
      url: '/api/staff',
      payload: { ...body, id: v7() },
    });
    expect(taken.json<{ error: { code: string } }>().error.code).toBe('USERNAME_TAKEN');
    expect((await t.login('social.new', 'Social#2026new')).csrf).toBeTruthy();
  });

  it('refuses a weak password, a role above the granter’s own, and a unit outside their street', async () => {
    const station = await unitByName(street, '振华街道社工站');
    const weak = await street.inject({
      method: 'POST',
      url: '/api/staff',
      payload: {
        username: 'weak.one',
        displayName: '弱',
        password: 'password12',
        roles: [{ role: 'socialWorker', orgUnitId: station.id }],
      },
    });
    expect(weak.json<{ error: { code: string } }>().error.code).toBe('WEAK_PASSWORD');
    const district = await unitByName(admin, '平城区');
    const high = await street.inject({
      method: 'POST',
      url: '/api/staff',
      payload: {
        username: 'boss.one',
        displayName: '越权',
        password: 'Boss#2026abcd',
        roles: [{ role: 'districtAdmin', orgUnitId: district.id }],
      },
    });
    expect([403, 404]).toContain(high.statusCode);
    const streetUnit = await unitByName(street, '振华街道');
    const above = await street.inject({
      method: 'POST',
      url: '/api/staff',
      payload: {
        username: 'boss.two',
        displayName: '越权',
        password: 'Boss#2026abcd',
        roles: [{ role: 'districtAdmin', orgUnitId: streetUnit.id }],
      },
    });
    expect(above.statusCode).toBe(403);
    expect(above.json<{ error: { code: string } }>().error.code).toBe('ROLE_NOT_GRANTABLE');
    const elsewhere = await unitByName(admin, '迎宾街道社工站');
    const out = await street.inject({
      method: 'POST',
      url: '/api/staff',
      payload: {
        username: 'out.one',
        displayName: '外街',
        password: 'Outer#2026abc',
        roles: [{ role: 'socialWorker', orgUnitId: elsewhere.id }],
      },
    });
    expect(out.statusCode).toBe(404);
    expect(await staffNamed(admin, 'boss.two')).toBeUndefined();
  });

  it('disables an account: its sessions end and it cannot log in; a stale version changes nothing', async () => {
    const social = await t.login('social.zhenhua');
    const target = (await staffNamed(admin, 'social.zhenhua'))!;
    const res = await street.inject({
      method: 'POST',
      url: `/api/staff/${target.id}/disable`,
      payload: { version: target.version },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Staff>().status).toBe('disabled');
    expect((await social.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'social.zhenhua', password: 'Linli@2026' },
    });
    expect(login.statusCode).toBe(403);
    const stale = await street.inject({
      method: 'POST',
      url: `/api/staff/${target.id}/enable`,
      payload: { version: target.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { current: Staff } }>().error.current.status).toBe('disabled');
    const ok = await street.inject({
      method: 'POST',
      url: `/api/staff/${target.id}/enable`,
      payload: { version: target.version + 1 },
    });
    expect(ok.json<Staff>().status).toBe('active');
    const self = (await staffNamed(street, 'street.zhenhua'))!;
    expect(
      (
        await street.inject({
          method: 'POST',
          url: `/api/staff/${self.id}/disable`,
          payload: { version: self.version },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('replaces role assignments and edits the name and phone', async () => {
    const target = (await staffNamed(admin, 'staff.yuhe'))!;
    const grid2 = await unitByName(admin, '向阳东街社区');
    const res = await admin.inject({
      method: 'PUT',
      url: `/api/staff/${target.id}/roles`,
      payload: {
        version: target.version,
        roles: [
          { role: 'communityStaff', orgUnitId: grid2.id },
          { role: 'viewer', orgUnitId: target.roles[0].orgUnitId },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Staff>().roles.map((r) => `${r.role}@${r.orgUnitName}`)).toEqual([
      'communityStaff@向阳东街社区',
      'viewer@御河九号社区',
    ]);
    const edited = await admin.inject({
      method: 'PATCH',
      url: `/api/staff/${target.id}`,
      payload: { version: res.json<Staff>().version, displayName: '高秀兰', phone: '13900001111' },
    });
    expect(edited.json<Staff>().phone).toBe('13900001111');
    const badPhone = await admin.inject({
      method: 'PATCH',
      url: `/api/staff/${target.id}`,
      payload: { version: edited.json<Staff>().version, phone: '123' },
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json<{ error: { field: string } }>().error.field).toBe('phone');
  });
});
