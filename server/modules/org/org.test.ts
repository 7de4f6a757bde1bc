import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';

describe.each(dialects)('org tree on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let grid: Session;
  let street: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    grid = await t.login('grid.yuhe');
    street = await t.login('street.zhenhua');
  });
  afterAll(() => t?.close());

  const auditCount = async () =>
    (await t.handle.db.selectFrom('audit_log').select('id').execute()).length;
  const unitCount = async () =>
    (await t.handle.db.selectFrom('org_unit').select('id').execute()).length;

  it('answers 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/org/tree' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  });

  it('shows the district admin the whole tree of 平城区 with its streets, communities and grids', async () => {
    const res = await admin.inject({ method: 'GET', url: '/api/org/tree' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('振华街道');
    expect(res.body).toContain('御河九号社区');
    const yuhe = await unitByName(admin, '御河九号社区');
    expect(yuhe.code).toMatch(/^140213\d{6}$/);
    const tree = res.json<{ tree: { name: string; children: { kind: string }[] }[] }>().tree;
    expect(tree.map((n) => n.name)).toEqual(['平城区']);
    expect(tree[0].children.filter((c) => c.kind === 'street')).toHaveLength(7);
  });

  it('shows a grid worker only the way down to their own grid', async () => {
    const res = await grid.inject({ method: 'GET', url: '/api/org/tree' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('御河九号社区');
    expect(res.body).toContain('第一网格');
    expect(res.body).not.toContain('振华街道');
    expect(res.body).not.toContain('第二网格');
  });

  it('adds a grid under a community with the 15-digit grid code', async () => {
    const community = await unitByName(admin, '向阳东街社区');
    const id = v7();
    const res = await admin.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { id, parentId: community.id, kind: 'grid', name: '第九网格' },
    });
    expect(res.statusCode).toBe(201);
    const unit = res.json<{ code: string; path: string }>();
    expect(unit.code).toHaveLength(15);
    expect(unit.code.startsWith(community.code!)).toBe(true);
    expect(unit.path).toBe(`${community.path}${id}/`);
    // The same create sent again (an offline client retrying) stores nothing new.
    const before = await unitCount();
    const again = await admin.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { id, parentId: community.id, kind: 'grid', name: '第九网格' },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json<{ code: string }>().code).toBe(unit.code);
    expect(await unitCount()).toBe(before);
    const clash = await admin.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { id, parentId: community.id, kind: 'grid', name: '别的网格' },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json<{ error: { code: string } }>().error.code).toBe('ID_CONFLICT');
  });

  it('refuses a grid anywhere but under a community, and a code that is not the parent’s plus three digits', async () => {
    const streetUnit = await unitByName(admin, '永泰街道');
    const res = await admin.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { parentId: streetUnit.id, kind: 'grid', name: '错网格' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('PARENT_KIND_NOT_ALLOWED');
    const community = await unitByName(admin, '永泰南社区');
    const bad = await admin.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { parentId: community.id, kind: 'grid', name: '错编码', code: '999999999999001' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string; field: string } }>().error).toMatchObject({
      code: 'CODE_INVALID',
      field: 'code',
    });
  });

  it('answers a malformed body with 400 naming the field, in the caller’s language, and writes nothing', async () => {
    const community = await unitByName(admin, '明珠社区');
    const [units, entries] = [await unitCount(), await auditCount()];
    const res = await admin.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { parentId: community.id, kind: 'grid', name: '' },
    });
    expect(res.statusCode).toBe(400);
    const err = res.json<{ error: { code: string; field: string; message: string } }>().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.field).toBe('name');
    expect(err.message).toContain('name');
    expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
    const en = await admin.inject({
      method: 'POST',
      url: '/api/org/units',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { parentId: 'not-a-uuid', kind: 'grid', name: 'x' },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json<{ error: { field: string; message: string } }>().error.field).toBe('parentId');
    expect(en.json<{ error: { message: string } }>().error.message).toMatch(
      /^The request is not valid: parentId/,
    );
    const notJson = await admin.inject({
      method: 'POST',
      url: '/api/org/units',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(notJson.statusCode).toBe(400);
    expect([await unitCount(), await auditCount()]).toEqual([units, entries]);
  });

  it('answers a stale update with 409 and the current record, and changes nothing', async () => {
    const unit = await unitByName(admin, '理想城社区');
    const first = await admin.inject({
      method: 'PATCH',
      url: `/api/org/units/${unit.id}`,
      payload: { version: unit.version, name: '理想城社区（新）' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json<{ version: number }>().version).toBe(unit.version + 1);
    const stale = await admin.inject({
      method: 'PATCH',
      url: `/api/org/units/${unit.id}`,
      payload: { version: unit.version, name: '理想城社区（旧）' },
    });
    expect(stale.statusCode).toBe(409);
    const err = stale.json<{
      error: { code: string; current: { name: string; version: number } };
    }>().error;
    expect(err.code).toBe('STALE_VERSION');
    expect(err.current).toMatchObject({ name: '理想城社区（新）', version: unit.version + 1 });
    const now = await admin.inject({ method: 'GET', url: `/api/org/units/${unit.id}` });
    expect(now.json<{ name: string }>().name).toBe('理想城社区（新）');
  });

  it('moves a community to another street: paths and grid codes follow', async () => {
    const community = await unitByName(admin, '永泰北社区');
    const target = await unitByName(admin, '清远街道');
    const res = await admin.inject({
      method: 'POST',
      url: `/api/org/units/${community.id}/move`,
      payload: { version: community.version, parentId: target.id },
    });
    expect(res.statusCode).toBe(200);
    const moved = res.json<{ code: string; path: string }>();
    expect(moved.code.startsWith(target.code!)).toBe(true);
    expect(moved.path.startsWith(target.path)).toBe(true);
    const grids = await t.handle.db
      .selectFrom('org_unit')
      .selectAll()
      .where('parent_id', '=', community.id)
      .execute();
    expect(grids.length).toBeGreaterThanOrEqual(2);
    for (const g of grids) {
      expect(g.code!.startsWith(moved.code)).toBe(true);
      expect(g.path.startsWith(moved.path)).toBe(true);
      expect(g.street_id).toBe(target.id);
    }
  });

  it('refuses to move a unit under its own grid', async () => {
    const community = await unitByName(admin, '开源里社区');
    const tree = await t.handle.db
      .selectFrom('org_unit')
      .select('id')
      .where('parent_id', '=', community.id)
      .execute();
    const res = await admin.inject({
      method: 'POST',
      url: `/api/org/units/${community.id}/move`,
      payload: { version: community.version, parentId: tree[0].id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('MOVE_INTO_OWN_SUBTREE');
  });

  it('retires a unit only when nothing live is under it, and deletes only what never held anything', async () => {
    const community = await unitByName(admin, '文兴社区');
    const retire = await admin.inject({
      method: 'POST',
      url: `/api/org/units/${community.id}/retire`,
      payload: { version: community.version },
    });
    expect(retire.statusCode).toBe(409);
    expect(retire.json<{ error: { code: string } }>().error.code).toBe('UNIT_HAS_LIVE_CHILDREN');
    const del = await admin.inject({
      method: 'DELETE',
      url: `/api/org/units/${community.id}?version=${community.version}`,
    });
    expect(del.statusCode).toBe(409);
    expect(del.json<{ error: { code: string } }>().error.code).toBe('UNIT_IN_USE');
    // A grid with a grid worker on it is in use too.
    const yuheGrid = (await grid.inject({ method: 'GET', url: '/api/auth/me' })).json<{
      roles: { orgUnitId: string }[];
    }>().roles[0].orgUnitId;
    const g = await admin.inject({ method: 'GET', url: `/api/org/units/${yuheGrid}` });
    const delGrid = await admin.inject({
      method: 'DELETE',
      url: `/api/org/units/${yuheGrid}?version=${g.json<{ version: number }>().version}`,
    });
    expect(delGrid.statusCode).toBe(409);

    const gridsOf = await t.handle.db
      .selectFrom('org_unit')
      .selectAll()
      .where('parent_id', '=', community.id)
      .execute();
    for (const child of gridsOf) {
      const r = await admin.inject({
        method: 'POST',
        url: `/api/org/units/${child.id}/retire`,
        payload: { version: child.version },
      });
      expect(r.statusCode).toBe(200);
      expect(r.json<{ status: string }>().status).toBe('retired');
    }
    const fresh = await admin.inject({ method: 'GET', url: `/api/org/units/${community.id}` });
    const ok = await admin.inject({
      method: 'POST',
      url: `/api/org/units/${community.id}/retire`,
      payload: { version: fresh.json<{ version: number }>().version },
    });
    expect(ok.statusCode).toBe(200);
    const shown = await admin.inject({ method: 'GET', url: '/api/org/tree' });
    expect(shown.body).not.toContain('文兴社区');
    const withRetired = await admin.inject({
      method: 'GET',
      url: '/api/org/tree?includeRetired=true',
    });
    expect(withRetired.body).toContain('文兴社区');

    const created = await admin.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: {
        parentId: (await unitByName(admin, '明珠社区')).id,
        kind: 'grid',
        name: '临时网格',
      },
    });
    const temp = created.json<{ id: string; version: number }>();
    const gone = await admin.inject({
      method: 'DELETE',
      url: `/api/org/units/${temp.id}?version=${temp.version}`,
    });
    expect(gone.statusCode).toBe(200);
    expect(
      (await admin.inject({ method: 'GET', url: `/api/org/units/${temp.id}` })).statusCode,
    ).toBe(404);
  });

  it('allows one social work station per street', async () => {
    const s = await unitByName(admin, '振华街道');
    const res = await admin.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { parentId: s.id, kind: 'station', name: '第二社工站' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('STATION_EXISTS');
  });

  it('keeps a grid worker out of another street’s units, for reading and for changing', async () => {
    const other = await unitByName(admin, '振华东社区');
    expect(
      (await grid.inject({ method: 'GET', url: `/api/org/units/${other.id}` })).statusCode,
    ).toBe(404);
    const writes = [
      {
        method: 'PATCH' as const,
        url: `/api/org/units/${other.id}`,
        payload: { version: other.version, name: 'x' },
      },
      {
        method: 'POST' as const,
        url: `/api/org/units/${other.id}/move`,
        payload: { version: other.version, parentId: other.id },
      },
      {
        method: 'POST' as const,
        url: `/api/org/units/${other.id}/retire`,
        payload: { version: other.version },
      },
      {
        method: 'POST' as const,
        url: '/api/org/units',
        payload: { parentId: other.id, kind: 'grid', name: 'x' },
      },
      { method: 'DELETE' as const, url: `/api/org/units/${other.id}?version=${other.version}` },
    ];
    for (const w of writes) expect([403, 404]).toContain((await grid.inject(w)).statusCode);
    // Nor may they change their own grid: org changes are for admins.
    const own = await unitByName(grid, '第一网格');
    const res = await grid.inject({
      method: 'PATCH',
      url: `/api/org/units/${own.id}`,
      payload: { version: own.version, name: '改名' },
    });
    expect(res.statusCode).toBe(403);
    expect(
      (await admin.inject({ method: 'GET', url: `/api/org/units/${other.id}` })).json<{
        name: string;
      }>().name,
    ).toBe('振华东社区');
  });

  it('lets a street admin work in their street only', async () => {
    const own = await unitByName(street, '振华西社区');
    const add = await street.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { parentId: own.id, kind: 'grid', name: '新增网格' },
    });
    expect(add.statusCode).toBe(201);
    const other = await unitByName(admin, '明珠社区');
    const res = await street.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { parentId: other.id, kind: 'grid', name: '越权网格' },
    });
    expect(res.statusCode).toBe(404);
    const move = await street.inject({
      method: 'POST',
      url: `/api/org/units/${own.id}/move`,
      payload: { version: own.version, parentId: (await unitByName(admin, '迎宾街道')).id },
    });
    expect(move.statusCode).toBe(404);
  });

  it('records every change in the audit log', async () => {
    const rows = await t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('username', '=', 'admin')
      .where('action', 'like', 'orgUnit.%')
      .execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'orgUnit.create',
      'orgUnit.update',
      'orgUnit.move',
      'orgUnit.retire',
      'orgUnit.delete',
    ])
      expect(actions).toContain(a);
    const update = rows.find((r) => r.action === 'orgUnit.update')!;
    expect(JSON.parse(update.changed_fields!)).toEqual(['name']);
    expect(update.ip).toBeTruthy();
  });
});
