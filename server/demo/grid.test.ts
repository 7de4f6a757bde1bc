import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue, IssueStep } from '../../common/schemas/issues';
import type { Patrol } from '../../common/schemas/patrols';
import type { Inspection, InspectionSummary, NoticeSummary } from '../../common/schemas/places';
import { createTestApp, type Session, type TestApp } from '../../test/support/app';
import { dialects } from '../../test/support/db';
import { todayInShanghai } from '../modules/places/inspections';

describe.each(dialects)('the demo’s grid stories on %s', (dialect) => {
  let t: TestApp;
  const sessions = new Map<string, Session>();
  const as = (u: string) => sessions.get(u)!;
  const year = Number(todayInShanghai().slice(0, 4));

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of [
      'street.shuiposi',
      'officer.zfd',
      'officer.shangwu',
      'officer.scjg',
      'grid.yuhe',
      'grid.yongtai',
      'admin',
    ])
      sessions.set(u, await t.login(u));
  });
  afterAll(() => t?.close());

  const get = async <T>(s: Session, url: string) => {
    const res = await s.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    return res.json<T>();
  };

  it('水泊寺: four failing unannounced inspections, signed off, with notices 0001–0004', async () => {
    const s = as('street.shuiposi');
    const { items } = await get<{ items: InspectionSummary[] }>(
      s,
      '/api/inspections?result=fail&pageSize=50',
    );
    expect(items).toHaveLength(4);
    expect(items.every((i) => i.mode === 'unannounced')).toBe(true);
    expect(items.map((i) => i.noticeNumber).sort()).toEqual(
      [1, 2, 3, 4].map((n) => `水泊寺〔${year}〕第000${n}号`),
    );
    expect(items.map((i) => i.placeName)).toContain('新悦便民市场');
    const one = await get<Inspection>(s, `/api/inspections/${items[0].id}`);
    expect(one.status).toBe('completed');
    expect(one.departments.map((d) => d.name).sort()).toEqual(['商务局', '市场监督管理局'].sort());
    expect(one.departments.every((d) => d.signedBy)).toBe(true);
    const notices = await get<{ items: NoticeSummary[] }>(s, '/api/notices?pageSize=50');
    expect(notices.items.filter((n) => n.number.startsWith('水泊寺'))).toHaveLength(4);
  });

  it('水泊寺: the enforcement team follows the four issues; 新悦 is re-inspected and closed', async () => {
    const { items } = await get<{ items: Issue[] }>(as('officer.zfd'), '/api/issues?pageSize=50');
    expect(items).toHaveLength(4);
    expect(items.every((i) => i.department?.name === '水泊寺街道综合行政执法队')).toBe(true);
    const byPlace = new Map(items.map((i) => [i.placeName, i.status]));
    expect(byPlace.get('新悦便民市场')).toBe('closed');
    expect(items.map((i) => i.status).sort()).toEqual(
      ['closed', 'dispatched', 'handling', 'handling'].sort(),
    );
    const closed = items.find((i) => i.status === 'closed')!;
    const steps = await get<{ items: IssueStep[] }>(
      as('officer.zfd'),
      `/api/issues/${closed.id}/steps`,
    );
    expect(steps.items.map((x) => x.action)).toEqual([
      'report',
      'accept',
      'dispatch',
      'startHandling',
      'handle',
      'verify',
      'close',
    ]);
  });

  it('御河九号: the stairwell issue is in handling, seen by grid.yuhe and not by officer.scjg', async () => {
    const { items } = await get<{ items: Issue[] }>(as('grid.yuhe'), '/api/issues?pageSize=50');
    const issue = items.find((i) => i.description.includes('楼道'));
    expect(issue).toMatchObject({ status: 'handling', category: 'safetyHazard' });
    expect(issue!.description).toContain('高空抛物');
    const res = await as('officer.scjg').inject({ method: 'GET', url: `/api/issues/${issue!.id}` });
    expect(res.statusCode).toBe(404);
    const theirs = await get<{ items: Issue[] }>(as('officer.scjg'), '/api/issues?pageSize=50');
    expect(theirs.items.map((i) => i.id)).not.toContain(issue!.id);
  });

  it('永泰: the grid worker’s patrols of the past days, with findings reported and handled', async () => {
    const s = as('grid.yongtai');
    const { items } = await get<{ items: Patrol[] }>(s, '/api/patrols?pageSize=50');
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items.every((p) => p.status === 'ended' && p.worker.name === '薛建华')).toBe(true);
    expect(items.some((p) => p.startedAt.slice(0, 10) < todayInShanghai())).toBe(true);
    expect(items.reduce((n, p) => n + p.issues, 0)).toBe(3);
    const issues = await get<{ items: Issue[] }>(s, '/api/issues?pageSize=50');
    expect(issues.items.map((i) => i.status).sort()).toEqual(['closed', 'closed', 'handling']);
    expect(issues.items.some((i) => i.description.includes('小广告'))).toBe(true);
  });

  it('迎宾: shop checks mostly pass; 理想城家常菜馆 fails two items', async () => {
    const { items } = await get<{ items: InspectionSummary[] }>(
      as('admin'),
      '/api/inspections?mode=routine&pageSize=50',
    );
    const names = new Map(items.map((i) => [i.placeName, i]));
    expect(names.get('振华南院便利店')?.result).toBe('pass');
    expect(names.get('明珠生鲜超市')?.result).toBe('pass');
    expect(names.get('理想城家常菜馆')).toMatchObject({ result: 'fail', failedItems: 2 });
  });
});
