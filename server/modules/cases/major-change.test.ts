import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../common/schemas/cases';
import type { Household } from '../../../common/schemas/people';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app';
import { buildCase, giveConsent } from '../../../test/support/cases';
import { dialects } from '../../../test/support/db';
import { buildHousehold, fakeIdNumber } from '../../../test/support/people';
import { addDays, todayInShanghai } from './care';

describe.each(dialects)('contact within 24 hours of a major change on %s', (dialect) => {
  let t: TestApp;
  let social: Session;
  const today = todayInShanghai();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    social = await t.login('social.zhenhua');
  });
  afterAll(() => t?.close());

  async function clientWithSpouse(tags: string[]) {
    let h = await buildHousehold(social, {
      community: '振华西社区',
      head: { name: '韦立国', idNumber: fakeIdNumber('1940-03-03'), careTags: tags as never },
    });
    const added = await social.inject({
      method: 'POST',
      url: `/api/households/${h.id}/members`,
      payload: {
        version: h.version,
        name: '韦秀兰',
        relationToHead: 'spouse',
        idNumber: fakeIdNumber('1942-05-05', true),
      },
    });
    h = added.json<Household>();
    await giveConsent(social, h.members[0].id);
    const c = await buildCase(social, {
      residentId: h.members[0].id,
      nextContactDate: addDays(today, 10),
    });
    return { h, c };
  }
  const caseNow = async (c: CaseDetail) =>
    (await social.inject({ method: 'GET', url: `/api/cases/${c.id}` })).json<CaseDetail>();

  it('brings a high-tier client’s next contact forward to tomorrow when the spouse dies', async () => {
    const { h, c } = await clientWithSpouse(['seriousIllness']);
    const res = await social.inject({
      method: 'POST',
      url: `/api/households/${h.id}/remove-member`,
      payload: { version: h.version, residentId: h.members[1].id, reason: 'deceased' },
    });
    expect(res.statusCode).toBe(200);
    expect((await caseNow(c)).nextContactDate).toBe(addDays(today, 1));
    const events = (await social.inject({ method: 'GET', url: `/api/cases/${c.id}/events` })).json<
      { action: string; note: string | null }[]
    >();
    expect(events.find((e) => e.action === 'majorChange')?.note).toContain('韦秀兰');
  });

  it('leaves a client outside the high tier on their planned date', async () => {
    const { h, c } = await clientWithSpouse(['veteran']);
    await social.inject({
      method: 'POST',
      url: `/api/households/${h.id}/remove-member`,
      payload: { version: h.version, residentId: h.members[1].id, reason: 'movedAway' },
    });
    expect((await caseNow(c)).nextContactDate).toBe(addDays(today, 10));
  });
});
