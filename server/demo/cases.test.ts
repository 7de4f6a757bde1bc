import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Case,
  CaseDetail,
  Referral,
  ServiceRecord,
  TodayItem,
} from '../../common/schemas/cases';
import type { HistoryEntry } from '../../common/schemas/people';
import { createTestApp, type Session, type TestApp } from '../../test/support/app';
import { dialects } from '../../test/support/db';
import { todayInShanghai } from '../modules/cases/care';

describe.each(dialects)('the demo’s story cases on %s', (dialect) => {
  let t: TestApp;
  const sessions = new Map<string, Session>();
  const as = (u: string) => sessions.get(u)!;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of [
      'social.zhenhua',
      'social.qingyuan',
      'social.kaiyuan',
      'social.yingbin',
      'supervisor.qingyuan',
      'supervisor.kaiyuan',
    ])
      sessions.set(u, await t.login(u));
  });
  afterAll(() => t?.close());

  const get = async <T>(s: Session, url: string) =>
    (await s.inject({ method: 'GET', url })).json<T>();
  async function storyCase(username: string, name: string) {
    const s = as(username);
    const { items } = await get<{ items: Case[] }>(s, `/api/cases?q=${encodeURIComponent(name)}`);
    expect(items, name).toHaveLength(1);
    return {
      detail: await get<CaseDetail>(s, `/api/cases/${items[0].id}`),
      records: await get<ServiceRecord[]>(s, `/api/cases/${items[0].id}/service-records`),
      referrals: await get<Referral[]>(s, `/api/cases/${items[0].id}/referrals`),
    };
  }
  const today = todayInShanghai();

  it('振华: 王鹏 in intervention, his job referral completed, the next call due today', async () => {
    const { detail, records, referrals } = await storyCase('social.zhenhua', '王鹏');
    expect(detail).toMatchObject({ stage: 'intervention', status: 'open', nextContactDate: today });
    const plan = detail.forms.find((f) => f.stage === 'plan')!;
    expect(plan.review).toBe('approved');
    expect(plan.reviewedBy?.displayName).toBe('李文静');
    expect(records.map((r) => r.type)).toContain('phoneCall');
    expect(records.every((r) => r.at.slice(0, 10) < today)).toBe(true);
    expect(referrals).toHaveLength(1);
    expect(referrals[0]).toMatchObject({
      status: 'completed',
      outcome: '在社区便民服务点就业，家庭收入改善',
      resource: { name: '社区便民服务点', category: 'job' },
    });
    const todo = await get<{ items: TodayItem[] }>(as('social.zhenhua'), '/api/today');
    expect(todo.items.map((i) => [i.clientName, i.action, i.daysOverdue])).toContainEqual([
      '王鹏',
      'contact',
      0,
    ]);
  });

  it('清远: 小阳 in evaluation after weekly counselling, both goals met, his mother’s consent', async () => {
    const { detail, records } = await storyCase('social.qingyuan', '小阳');
    expect(detail.stage).toBe('evaluation');
    expect(detail.pseudonym).toBe('小宇');
    expect(records.filter((r) => r.type === 'counselling').length).toBeGreaterThanOrEqual(4);
    const days = records.map((r) => r.at).sort();
    expect(Date.parse(days.at(-1)!) - Date.parse(days[0])).toBeGreaterThan(28 * 86_400_000);
    const evaluation = detail.forms.find((f) => f.stage === 'evaluation')!;
    expect(evaluation.data).toMatchObject({
      goals: [
        { goalId: 'school', result: 'met' },
        { goalId: 'friends', result: 'met' },
      ],
    });
    const consents = await get<{ givenBy: string; guardianName: string }[]>(
      as('social.qingyuan'),
      `/api/residents/${detail.residentId}/consents`,
    );
    expect(consents[0]).toMatchObject({ givenBy: 'guardian', guardianName: '李秀梅' });
    // The station's new supervisor approved the plan.
    expect(detail.forms.find((f) => f.stage === 'plan')?.reviewedBy?.displayName).toBe('冯雅琴');
  });

  it('开源: 王芳 visited weekly at home; one visit corrected her phone, kept in the history', async () => {
    const { detail, records } = await storyCase('social.kaiyuan', '王芳');
    expect(detail.stage).toBe('intervention');
    expect(detail.forms.find((f) => f.stage === 'plan')?.reviewedBy?.displayName).toBe('秦立新');
    const visits = records.filter((r) => r.type === 'homeVisit');
    expect(visits.length).toBeGreaterThanOrEqual(4);
    const correcting = visits.find((r) => r.corrections?.length);
    expect(correcting?.corrections).toEqual([{ residentId: detail.residentId, fields: ['phone'] }]);
    const history = await get<HistoryEntry[]>(
      as('social.kaiyuan'),
      `/api/households/${detail.householdId}/history`,
    );
    expect(history).toContainEqual(
      expect.objectContaining({
        field: 'phone',
        sourceType: 'visit',
        sourceId: correcting!.id,
        newValue: '138****1808',
      }),
    );
  });

  it('迎宾: the corrected household’s head has a case at assessment', async () => {
    const { detail } = await storyCase('social.yingbin', '孙德明');
    expect(detail.stage).toBe('assessment');
  });
});
