import ExcelJS from 'exceljs';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Place } from '../../../common/schemas/places';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import { addStaffAt, buildPlace, STAFF_PASSWORD, unitUnder } from '../../../test/support/places';
import { findPlaceLocation, listPlacesOfGrid } from './service';

describe.each(dialects)('places register on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let grid: Session;
  let staff: Session;
  let viewer: Session;
  let otherStreet: Session;
  let grid1: string;
  let grid2: string;
  let mine: Place;
  let neighbours: Place;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [admin, grid, staff, viewer] = await Promise.all(
      ['admin', 'grid.yuhe', 'staff.yuhe', 'viewer'].map((u) => t.login(u)),
    );
    grid1 = await unitUnder(admin, '御河九号社区', '第一网格');
    grid2 = await unitUnder(admin, '御河九号社区', '第二网格');
    await addStaffAt(admin, {
      username: 'grid.zhenhuadong',
      role: 'gridWorker',
      unitId: await unitUnder(admin, '振华东社区', '第一网格'),
    });
    otherStreet = await t.login('grid.zhenhuadong', STAFF_PASSWORD);
    mine = await buildPlace(grid, {
      gridId: grid1,
      name: '御河便民超市',
      licenceNo: '91140213MA0TEST0001',
      address: '御河九号小区 5 号楼底商',
      phone: '13812345678',
    });
    neighbours = await buildPlace(staff, {
      gridId: grid2,
      name: '御河药店',
      category: 'pharmacy',
      address: '御河九号小区 9 号楼底商',
    });
  });
  afterAll(() => t?.close());

  const placeCount = async () =>
    (await t.handle.db.selectFrom('place').select('id').execute()).length;
  const auditCount = async () =>
    (await t.handle.db.selectFrom('audit_log').select('id').execute()).length;
  const list = async (s: Session, query = '') =>
    (await s.inject({ method: 'GET', url: `/api/places${query}` })).json<{
      items: Place[];
      total: number;
    }>();

  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/places' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/places/${mine.id}` })).statusCode).toBe(
      401,
    );
    const res = await t.app.inject({ method: 'POST', url: '/api/places', payload: {} });
    expect(res.statusCode).toBe(401);
  });

  it('answers a malformed place with 400 naming the field, and writes nothing', async () => {
    const before = [await placeCount(), await auditCount()];
    const res = await grid.inject({
      method: 'POST',
      url: '/api/places',
      payload: { gridId: grid1, name: '无类别', address: 'x', category: 'casino' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { field: string } }>().error.field).toBe('category');
    const phone = await grid.inject({
      method: 'POST',
      url: '/api/places',
      payload: { gridId: grid1, name: '坏电话', address: 'x', category: 'shop', phone: '12' },
    });
    expect(phone.json<{ error: { field: string } }>().error.field).toBe('phone');
    expect([await placeCount(), await auditCount()]).toEqual(before);
  });

  it('refuses writers outside their area: 403 for a reader role, 400 on a grid they cannot see', async () => {
    const before = await placeCount();
    const asViewer = await viewer.inject({
      method: 'POST',
      url: '/api/places',
      payload: { gridId: grid1, name: '越权', address: 'x', category: 'shop' },
    });
    expect(asViewer.statusCode).toBe(403);
    const otherGrid = await grid.inject({
      method: 'POST',
      url: '/api/places',
      payload: { gridId: grid2, name: '越界', address: 'x', category: 'shop' },
    });
    expect(otherGrid.statusCode).toBe(400);
    expect(otherGrid.json<{ error: { code: string; field: string } }>().error).toMatchObject({
      code: 'NOT_FOUND',
      field: 'gridId',
    });
    const patch = await viewer.inject({
      method: 'PATCH',
      url: `/api/places/${mine.id}`,
      payload: { version: mine.version, name: '改名' },
    });
    expect(patch.statusCode).toBe(403);
    expect(await placeCount()).toBe(before);
  });

  it('keeps another street’s grid worker out: 404 for reading and changing', async () => {
    expect(
      (await otherStreet.inject({ method: 'GET', url: `/api/places/${mine.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await otherStreet.inject({ method: 'GET', url: `/api/places/${mine.id}/history` }))
        .statusCode,
    ).toBe(404);
    const res = await otherStreet.inject({
      method: 'PATCH',
      url: `/api/places/${mine.id}`,
      payload: { version: mine.version, name: '改名' },
    });
    expect(res.statusCode).toBe(404);
    expect((await list(otherStreet)).items.map((p) => p.id)).not.toContain(mine.id);
  });

  it('shows a grid worker only their grid’s places; community staff the whole community', async () => {
    const own = await list(grid);
    expect(own.items.every((p) => p.gridId === grid1)).toBe(true);
    expect(own.items.map((p) => p.name)).toContain('御河便民超市');
    expect(own.items.map((p) => p.name)).not.toContain('御河药店');
    expect(
      (await grid.inject({ method: 'GET', url: `/api/places/${neighbours.id}` })).statusCode,
    ).toBe(404);
    const community = await list(staff);
    expect(community.items.map((p) => p.name)).toEqual(
      expect.arrayContaining(['御河便民超市', '御河药店']),
    );
  });

  it('masks the phone in lists and shows it whole on the place’s page', async () => {
    const item = (await list(grid, '?q=御河便民')).items[0];
    expect(item).toMatchObject({ phone: '138****5678', phoneMasked: true });
    const page = await grid.inject({ method: 'GET', url: `/api/places/${mine.id}` });
    expect(page.json<Place>()).toMatchObject({
      phone: '13812345678',
      phoneMasked: false,
      communityName: '御河九号社区',
      gridName: '第一网格',
    });
  });

  it('searches by name, licence and address, and filters by category, community and grid', async () => {
    expect((await list(staff, '?q=MA0TEST0001')).items.map((p) => p.id)).toEqual([mine.id]);
    expect(
      (await list(staff, `?q=${encodeURIComponent('9 号楼')}`)).items.map((p) => p.id),
    ).toEqual([neighbours.id]);
    const pharmacies = await list(staff, '?category=pharmacy');
    expect(pharmacies.items.every((p) => p.category === 'pharmacy')).toBe(true);
    expect(pharmacies.items.map((p) => p.id)).toContain(neighbours.id);
    expect((await list(admin, `?gridId=${grid2}`)).items.map((p) => p.id)).toContain(neighbours.id);
    const wide = await list(admin, `?communityId=${mine.communityId}&pageSize=200`);
    expect(wide.items.every((p) => p.communityId === mine.communityId)).toBe(true);
  });

  it('creates once per client id; the same id for something else is a conflict', async () => {
    const id = v7();
    const body = {
      id,
      gridId: grid1,
      name: '离线登记的店',
      address: '御河路 1 号',
      category: 'shop',
    };
    const first = await grid.inject({ method: 'POST', url: '/api/places', payload: body });
    expect(first.statusCode).toBe(201);
    const before = await placeCount();
    const again = await grid.inject({ method: 'POST', url: '/api/places', payload: body });
    expect(again.statusCode).toBe(200);
    expect(again.json<Place>().id).toBe(id);
    expect(await placeCount()).toBe(before);
    const clash = await grid.inject({
      method: 'POST',
      url: '/api/places',
      payload: { ...body, name: '另一家店' },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json<{ error: { code: string } }>().error.code).toBe('ID_CONFLICT');
  });

  it('refuses a licence number registered already', async () => {
    const res = await staff.inject({
      method: 'POST',
      url: '/api/places',
      payload: {
        gridId: grid2,
        name: '重复执照',
        address: 'x',
        category: 'shop',
        licenceNo: '91140213MA0TEST0001',
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string; field: string } }>().error).toMatchObject({
      code: 'LICENCE_TAKEN',
      field: 'licenceNo',
    });
  });

  it('updates with the version read; a stale one gets 409 with the current place', async () => {
    const place = await buildPlace(grid, { gridId: grid1, name: '改名前' });
    const ok = await grid.inject({
      method: 'PATCH',
      url: `/api/places/${place.id}`,
      payload: { version: place.version, name: '改名后', status: 'closed' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<Place>()).toMatchObject({ name: '改名后', status: 'closed', version: 2 });
    const stale = await grid.inject({
      method: 'PATCH',
      url: `/api/places/${place.id}`,
      payload: { version: place.version, name: '又改名' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string; current: Place } }>().error).toMatchObject({
      code: 'STALE_VERSION',
      current: { name: '改名后', version: 2 },
    });
  });

  it('gives the issues module a place’s grid and a grid’s open places', async () => {
    expect(await findPlaceLocation(t.handle.db, mine.id)).toEqual({
      gridId: grid1,
      name: '御河便民超市',
    });
    expect(await findPlaceLocation(t.handle.db, v7())).toBeUndefined();
    const open = await listPlacesOfGrid(t.handle.db, grid1);
    expect(open).toContainEqual({ id: mine.id, name: '御河便民超市', category: 'shop' });
    expect(open.every((p) => p.name !== '改名后')).toBe(true);
  });

  it('keeps a grid with places from being deleted', async () => {
    const g = await admin.inject({ method: 'GET', url: `/api/org/units/${grid2}` });
    const res = await admin.inject({
      method: 'DELETE',
      url: `/api/org/units/${grid2}?version=${g.json<{ version: number }>().version}`,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('UNIT_IN_USE');
  });

  it('exports the register with phones for staff who register places, without for others', async () => {
    const read = async (s: Session) => {
      const res = await s.inject({ method: 'GET', url: '/api/places/export.xlsx?q=御河' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      const rows = [];
      for (let r = 2; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1));
      return { header, rows };
    };
    const forStaff = await read(staff);
    expect(forStaff.header).toContain('联系电话');
    expect(forStaff.rows.flat()).toContain('13812345678');
    const forViewer = await read(viewer);
    expect(forViewer.header).not.toContain('联系电话');
    expect(forViewer.rows.flat()).not.toContain('13812345678');
    expect(forViewer.rows.map((r) => r[2])).toContain('御河便民超市');
    const audited = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'place.export')
      .execute();
    expect(audited.length).toBeGreaterThanOrEqual(2);
  });
});
