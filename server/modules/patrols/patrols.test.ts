import sharp from 'sharp';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueDetail } from '../../../common/schemas/issues';
import type { Coverage, Finding, PatrolDetail } from '../../../common/schemas/patrols';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import { gridIdOf, issueStep } from '../../../test/support/issues';
import { buildPlace } from '../../../test/support/places';

describe.each(dialects)('patrols on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let grid: Session;
  let staff: Session;
  let officer: Session;
  let otherGrid: Session;
  let zhenhua: Session;
  let gridId: string;
  let grid2Id: string;
  let photo: Buffer;
  const patrolId = v7();
  const findingId = v7();
  const places: { id: string; name: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    [grid, staff, officer, zhenhua] = await Promise.all(
      ['grid.yuhe', 'staff.yuhe', 'officer.scjg', 'street.zhenhua'].map((u) => t.login(u)),
    );
    gridId = await gridIdOf(admin, '御河九号社区');
    grid2Id = await gridIdOf(admin, '御河九号社区', '第二网格');
    const res = await admin.inject({
      method: 'POST',
      url: '/api/staff',
      payload: {
        username: 'grid.yuhe2',
        displayName: '李娜',
        password: 'Linli#Test2026',
        roles: [{ role: 'gridWorker', orgUnitId: grid2Id }],
      },
    });
    expect(res.statusCode).toBe(201);
    otherGrid = await t.login('grid.yuhe2', 'Linli#Test2026');
    for (const name of ['御河便民超市', '御河九号药店', '九号理发店'])
      places.push(await buildPlace(staff, { gridId, name }));
    places.push(await buildPlace(staff, { gridId: grid2Id, name: '第二网格小卖部' }));
    photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#a52' } })
      .jpeg()
      .toBuffer();
  });
  afterAll(() => t?.close());

  const post = (s: Session, url: string, payload: object) =>
    s.inject({ method: 'POST', url, payload });
  const coverage = async (s: Session, query = '') =>
    (
      await s.inject({ method: 'GET', url: `/api/patrols/coverage?gridId=${gridId}${query}` })
    ).json<Coverage>();

  it('answers 401 without a session, 403 to a role that does not patrol, 404 for another grid', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/patrols' })).statusCode).toBe(401);
    expect((await post(staff, '/api/patrols', {})).statusCode).toBe(403);
    const elsewhere = await post(grid, '/api/patrols', { gridId: grid2Id });
    expect(elsewhere.statusCode).toBe(404);
    expect(
      (await otherGrid.inject({ method: 'GET', url: `/api/patrols/coverage?gridId=${gridId}` }))
        .statusCode,
    ).toBe(404);
  });

  it('starts one patrol at a time, and a resend of the same start creates nothing new', async () => {
    const first = await post(grid, '/api/patrols', { id: patrolId, note: '日常巡查' });
    expect(first.statusCode).toBe(201);
    expect(first.json<PatrolDetail>()).toMatchObject({
      id: patrolId,
      status: 'open',
      gridId,
      gridName: '第一网格',
      communityName: '御河九号社区',
      worker: { name: '马志强' },
      mine: true,
      items: [],
    });
    expect((await post(grid, '/api/patrols', { id: patrolId })).statusCode).toBe(200);
    const second = await post(grid, '/api/patrols', { id: v7() });
    expect(second.statusCode).toBe(409);
    expect(second.json<{ error: { code: string } }>().error.code).toBe('PATROL_ALREADY_OPEN');
    expect(
      (
        await t.handle.db.selectFrom('patrol').select('id').where('grid_id', '=', gridId).execute()
      ).map((p) => p.id),
    ).toEqual([patrolId]);
  });

  it('adds findings and visits, once each even when the phone sends twice', async () => {
    const before = await coverage(grid);
    const upload = await grid.inject({
      method: 'POST',
      url: '/api/files',
      headers: { 'content-type': 'image/jpeg' },
      payload: photo,
    });
    const photoId = upload.json<{ id: string }>().id;
    const finding = {
      id: findingId,
      kind: 'finding',
      placeId: places[1].id,
      description: '药店门口堆放纸箱，占用消防通道',
      photoIds: [photoId],
    };
    const made = await post(grid, `/api/patrols/${patrolId}/findings`, finding);
    expect(made.statusCode).toBe(201);
    expect(made.json<Finding>()).toMatchObject({
      placeName: '御河九号药店',
      issueId: null,
      photos: [{ id: photoId }],
    });
    expect((await post(grid, `/api/patrols/${patrolId}/findings`, finding)).statusCode).toBe(200);
    for (let i = 0; i < 2; i++) {
      const visit = await post(grid, `/api/patrols/${patrolId}/findings`, {
        kind: 'visited',
        placeId: places[0].id,
      });
      expect(visit.statusCode).toBe(201);
    }
    const noPlace = await post(grid, `/api/patrols/${patrolId}/findings`, { kind: 'visited' });
    expect(noPlace.json<{ error: { code: string } }>().error.code).toBe('FINDING_PLACE_REQUIRED');
    const otherPlace = await post(grid, `/api/patrols/${patrolId}/findings`, {
      kind: 'visited',
      placeId: places[3].id,
    });
    expect(otherPlace.json<{ error: { code: string } }>().error.code).toBe('PLACE_NOT_IN_GRID');
    const noText = await post(grid, `/api/patrols/${patrolId}/findings`, {
      kind: 'finding',
      location: { text: '3号楼北侧' },
    });
    expect(noText.statusCode).toBe(400);
    const street = await post(grid, `/api/patrols/${patrolId}/findings`, {
      kind: 'finding',
      location: { text: '3号楼北侧', lat: 40.09, lng: 113.3 },
      description: '小广告张贴',
    });
    expect(street.statusCode).toBe(201);
    // Community staff see the patrol but do not add to someone else's.
    expect(
      (await staff.inject({ method: 'GET', url: `/api/patrols/${patrolId}` })).statusCode,
    ).toBe(200);
    expect(
      (
        await post(staff, `/api/patrols/${patrolId}/findings`, {
          kind: 'visited',
          placeId: places[0].id,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await otherGrid.inject({ method: 'GET', url: `/api/patrols/${patrolId}` })).statusCode,
    ).toBe(404);

    // Sweep coverage: the supermarket twice and the pharmacy by a finding, each counted once.
    const after = await coverage(grid);
    expect(after.visited - before.visited).toBe(2);
    expect(after.total).toBe(after.places.length);
    expect(after.visited).toBe(after.places.filter((p) => p.visits > 0).length);
    const of = (id: string) => after.places.find((p) => p.id === id)!;
    expect(of(places[0].id)).toMatchObject({ visits: 2, name: '御河便民超市' });
    expect(of(places[1].id).visits).toBe(1);
    expect(of(places[2].id)).toMatchObject({ visits: 0, lastVisitedAt: null });
    expect(after.places.some((p) => p.id === places[3].id)).toBe(false);
    // A period before the patrol saw nothing.
    const earlier = await coverage(grid, '&from=2026-01-01&to=2026-01-31');
    expect(earlier.visited).toBe(0);
    expect((await coverage(staff)).visited).toBe(after.visited);
  });

  it('turns a finding into an issue in one step, once, with the finding’s place and photos', async () => {
    const url = `/api/patrols/${patrolId}/findings/${findingId}/report`;
    const res = await post(grid, url, { category: 'safetyHazard' });
    expect(res.statusCode).toBe(201);
    const { issueId } = res.json<{ issueId: string }>();
    const again = await post(grid, url, { category: 'safetyHazard' });
    expect(again.statusCode).toBe(200);
    expect(again.json<{ issueId: string }>().issueId).toBe(issueId);
    const issue = (
      await staff.inject({ method: 'GET', url: `/api/issues/${issueId}` })
    ).json<IssueDetail>();
    expect(issue).toMatchObject({
      source: 'patrol',
      sourceId: findingId,
      status: 'reported',
      category: 'safetyHazard',
      placeId: places[1].id,
      placeName: '御河九号药店',
      gridId,
      description: '药店门口堆放纸箱，占用消防通道',
      reporter: { name: '马志强' },
    });
    expect(issue.photos).toHaveLength(1);
    const rows = await t.handle.db
      .selectFrom('issue')
      .select('id')
      .where('source_id', '=', findingId)
      .execute();
    expect(rows).toHaveLength(1);
    const detail = (
      await grid.inject({ method: 'GET', url: `/api/patrols/${patrolId}` })
    ).json<PatrolDetail>();
    expect(detail.items.find((i) => i.id === findingId)!.issueId).toBe(issueId);
    expect(detail).toMatchObject({ findings: 2, visits: 2, issues: 1 });
    const visit = detail.items.find((i) => i.kind === 'visited')!;
    expect(
      (
        await post(grid, `/api/patrols/${patrolId}/findings/${visit.id}/report`, {
          category: 'other',
        })
      ).statusCode,
    ).toBe(409);

    // The finding's photo: not the officer's to see, until the issue is dispatched to his department.
    const photoUrl = issue.photos[0].url;
    expect((await officer.inject({ method: 'GET', url: photoUrl })).statusCode).toBe(404);
    const scjg = (await unitByName(admin, '市场监督管理局')).id;
    const accepted = await issueStep(staff, issue, { action: 'accept' });
    await issueStep(staff, accepted, { action: 'dispatch', departmentId: scjg });
    expect((await officer.inject({ method: 'GET', url: photoUrl })).statusCode).toBe(200);
    expect(
      (await officer.inject({ method: 'GET', url: `/api/patrols/${patrolId}` })).statusCode,
    ).toBe(404);
  });

  it('ends the patrol; nothing more is added, and a resent end answers the ended patrol', async () => {
    const now = (
      await grid.inject({ method: 'GET', url: `/api/patrols/${patrolId}` })
    ).json<PatrolDetail>();
    expect(
      (await post(staff, `/api/patrols/${patrolId}/end`, { version: now.version })).statusCode,
    ).toBe(403);
    const ended = await post(grid, `/api/patrols/${patrolId}/end`, {
      version: now.version,
      note: '巡查完毕',
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json<PatrolDetail>()).toMatchObject({ status: 'ended', endNote: '巡查完毕' });
    expect(
      (await post(grid, `/api/patrols/${patrolId}/end`, { version: now.version })).statusCode,
    ).toBe(200);
    const late = await post(grid, `/api/patrols/${patrolId}/findings`, {
      kind: 'visited',
      placeId: places[2].id,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ error: { code: string } }>().error.code).toBe('PATROL_ENDED');
    // A finding made before the end, resent after it, is still answered.
    expect(
      (
        await post(grid, `/api/patrols/${patrolId}/findings`, {
          id: findingId,
          kind: 'finding',
          description: 'x',
        })
      ).statusCode,
    ).toBe(200);
    // Now a new one may start.
    expect((await post(grid, '/api/patrols', {})).statusCode).toBe(201);
  });

  it('keeps a patrol log per grid and worker that each level sees within its area', async () => {
    const me = (await grid.inject({ method: 'GET', url: '/api/auth/me' })).json<{ id: string }>();
    const log = await grid.inject({
      method: 'GET',
      url: `/api/patrols?gridId=${gridId}&status=ended`,
    });
    expect(log.json<{ items: PatrolDetail[]; total: number }>()).toMatchObject({
      total: 1,
      items: [{ id: patrolId, findings: 2, visits: 2, issues: 1 }],
    });
    const byWorker = await staff.inject({ method: 'GET', url: `/api/patrols?workerId=${me.id}` });
    expect(byWorker.json<{ total: number }>().total).toBe(2);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const period = await admin.inject({
      method: 'GET',
      url: `/api/patrols?from=${today}&to=${today}`,
    });
    expect(period.json<{ total: number }>().total).toBe(2);
    const old = await admin.inject({
      method: 'GET',
      url: '/api/patrols?from=2026-01-01&to=2026-01-31',
    });
    expect(old.json<{ total: number }>().total).toBe(0);
    expect(
      (await otherGrid.inject({ method: 'GET', url: '/api/patrols' })).json<{ total: number }>()
        .total,
    ).toBe(0);
    expect(
      (await zhenhua.inject({ method: 'GET', url: '/api/patrols' })).json<{ total: number }>()
        .total,
    ).toBe(0);
  });
});
