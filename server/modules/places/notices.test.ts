import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueDetail, IssueStep } from '../../../common/schemas/issues';
import type {
  Checklist,
  Inspection,
  Notice,
  Place,
  PlaceHistory,
} from '../../../common/schemas/places';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import {
  addStaffAt,
  buildPlace,
  checklistByName,
  dayFromToday,
  resultsFor,
  STAFF_PASSWORD,
  startInspection,
  unitUnder,
  uploadPhoto,
} from '../../../test/support/places';
import { shanghaiDayEnd } from '../../lib/time';
import { escalateOverdue } from '../issues/service';
import { noticeNumber } from './notices';

describe.each(dialects)('rectification notices on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let grid: Session;
  let staff: Session;
  let scjg: Session;
  let otherStreet: Session;
  let place: Place;
  let fire: Checklist;
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [admin, grid, staff, scjg] = await Promise.all(
      ['admin', 'grid.yuhe', 'staff.yuhe', 'officer.scjg'].map((u) => t.login(u)),
    );
    await addStaffAt(admin, {
      username: 'grid.zhenhuadong',
      role: 'gridWorker',
      unitId: await unitUnder(admin, '振华东社区', '第一网格'),
    });
    otherStreet = await t.login('grid.zhenhuadong', STAFF_PASSWORD);
    place = await buildPlace(grid, {
      gridId: await unitUnder(admin, '御河九号社区', '第一网格'),
      name: '御河九号3号楼物业',
      category: 'propertyCompany',
      licenceNo: '91140213MA0NOTICE01',
    });
    fire = await checklistByName(grid, '楼道消防安全检查');
  });
  afterAll(() => t?.close());

  /** A submitted inspection whose stairwell items failed, with or without its notice issued. */
  async function failedInspection(s: Session, at: Place, issueNotice: boolean) {
    const draft = await startInspection(s, { placeId: at.id, checklistId: fire.id });
    const photos = [await uploadPhoto(s), await uploadPhoto(s)];
    const res = await s.inject({
      method: 'POST',
      url: `/api/inspections/${draft.id}/submit`,
      payload: {
        version: draft.version,
        issueNotice,
        results: resultsFor(draft, {
          楼道杂物: { note: '2单元楼道堆放纸箱和旧家具', photoIds: [photos[0]] },
          消防通道畅通: { note: '消防通道被电动车占用', photoIds: [photos[1]] },
        }),
        rectification: { deadline: dayFromToday(5), requirement: '清理楼道杂物，腾出消防通道' },
      },
    });
    if (res.statusCode !== 200) throw new Error(`submit: ${res.statusCode} ${res.body}`);
    return res.json<Inspection>();
  }
  const issue = (s: Session, inspectionId: string, id?: string) =>
    s.inject({
      method: 'POST',
      url: `/api/inspections/${inspectionId}/notice`,
      payload: id ? { id } : {},
    });

  it('answers 401 without a session', async () => {
    const id = v7();
    for (const url of [`/api/notices/${id}`, `/api/notices/${id}.pdf`])
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/notices/${id}/reinspect`,
      payload: {},
    });
    expect(res.statusCode).toBe(401);
  });

  it('numbers notices per street and year as 振华〔2026〕第0012号', () => {
    expect(noticeNumber('振华街道', 2026, 12)).toBe('振华〔2026〕第0012号');
    expect(noticeNumber('水泊寺街道', 2027, 1)).toBe('水泊寺〔2027〕第0001号');
  });

  it('never gives a number twice when thirty notices are issued at the same moment', async () => {
    const inspections: Inspection[] = [];
    for (let i = 0; i < 30; i++) inspections.push(await failedInspection(grid, place, false));
    const replies = await Promise.all(inspections.map((x) => issue(grid, x.id)));
    expect(replies.map((r) => r.statusCode)).toEqual(Array(30).fill(201));
    const notices = replies.map((r) => r.json<Notice>());
    const seqs = notices.map((n) => n.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(30);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => seqs[0] + i));
    expect(new Set(notices.map((n) => n.number)).size).toBe(30);
    for (const n of notices) expect(n.number).toBe(noticeNumber('新旺街道', year, n.seq));
    // Asking again, even twice at once, gives the same notice and takes no number.
    const again = await Promise.all([
      issue(grid, inspections[0].id),
      issue(grid, inspections[0].id),
    ]);
    expect(again.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(again.map((r) => r.json<Notice>().id)).toEqual([notices[0].id, notices[0].id]);
    const next = await issue(grid, (await failedInspection(grid, place, false)).id);
    expect(next.json<Notice>().seq).toBe(seqs[29] + 1);
  });

  it('numbers each street on its own', async () => {
    const street = await t.login('street.zhenhua');
    const there = await buildPlace(street, {
      gridId: await unitUnder(admin, '振华东社区', '第一网格'),
      name: '振华东社区便利店',
    });
    const done = await failedInspection(street, there, true);
    expect(done.noticeNumber).toBe(`振华〔${year}〕第0001号`);
  });

  it('refuses a notice for a draft or an inspection where nothing failed', async () => {
    const draft = await startInspection(grid, { placeId: place.id, checklistId: fire.id });
    expect((await issue(grid, draft.id)).json<{ error: { code: string } }>().error.code).toBe(
      'INSPECTION_NOT_SUBMITTED',
    );
    const passed = await grid.inject({
      method: 'POST',
      url: `/api/inspections/${draft.id}/submit`,
      payload: { version: draft.version, results: resultsFor(draft) },
    });
    expect(passed.json<Inspection>().noticeId).toBeNull();
    expect((await issue(grid, draft.id)).json<{ error: { code: string } }>().error.code).toBe(
      'NO_FAILED_ITEMS',
    );
  });

  it('prints the notice in Chinese with the place, the failed items, the deadline and the legal basis', async () => {
    const done = await failedInspection(grid, place, true);
    const res = await staff.inject({ method: 'GET', url: `/api/notices/${done.noticeId}.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-notice-')), 'n.pdf');
    fs.writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    for (const s of [
      '整改通知书',
      '御河九号3号楼物业',
      done.noticeNumber!,
      '楼道杂物：2单元楼道堆放纸箱和旧家具',
      '消防通道畅通',
      '《中华人民共和国消防法》',
      '平城区新旺街道办事处',
      '清理楼道杂物，腾出消防通道',
    ])
      expect(flat).toContain(s);
    const [y, m, d] = done.rectificationDeadline!.split('-').map(Number);
    expect(flat).toContain(`${y}年${m}月${d}日前整改完毕`);
    expect(
      (await otherStreet.inject({ method: 'GET', url: `/api/notices/${done.noticeId}.pdf` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await otherStreet.inject({ method: 'GET', url: `/api/notices/${done.noticeId}` }))
        .statusCode,
    ).toBe(404);
  });

  it('lets a department dispatched the issue read its inspection, notice and place, nothing else', async () => {
    const done = await failedInspection(grid, place, true);
    const elsewhere = await buildPlace(grid, {
      gridId: await unitUnder(admin, '御河九号社区', '第一网格'),
      name: '御河九号便民超市',
    });
    const reads = async () =>
      Promise.all(
        [
          `/api/inspections/${done.id}`,
          `/api/notices/${done.noticeId}`,
          `/api/places/${place.id}`,
          `/api/places/${place.id}/history`,
          `/api/places/${elsewhere.id}`,
        ].map(async (url) => (await scjg.inject({ method: 'GET', url })).statusCode),
      );
    expect(await reads()).toEqual([404, 404, 404, 404, 404]);
    for (const payload of [
      { action: 'accept' },
      { action: 'dispatch', departmentId: (await unitByName(admin, '市场监督管理局')).id },
    ]) {
      const current = (
        await staff.inject({ method: 'GET', url: `/api/issues/${done.issueId}` })
      ).json<IssueDetail>();
      const res = await staff.inject({
        method: 'POST',
        url: `/api/issues/${done.issueId}/steps`,
        payload: { version: current.version, ...payload },
      });
      expect(res.statusCode).toBe(200);
    }
    expect(await reads()).toEqual([200, 200, 200, 200, 404]);
    const history = (
      await scjg.inject({ method: 'GET', url: `/api/places/${place.id}/history` })
    ).json<PlaceHistory>();
    expect(history.inspections.map((i) => i.id)).toEqual([done.id]);
    expect(history.notices.map((n) => n.id)).toEqual([done.noticeId]);
    // Reading is not changing: the place and the inspection stay the area's to edit.
    const edit = await scjg.inject({
      method: 'PATCH',
      url: `/api/places/${place.id}`,
      payload: { version: place.version, name: '改名' },
    });
    expect(edit.statusCode).toBe(403);
  });

  it('re-inspects: a failed item reopens the issue, all fixed verifies and closes it', async () => {
    const done = await failedInspection(grid, place, true);
    const notice = (
      await grid.inject({ method: 'GET', url: `/api/notices/${done.noticeId}` })
    ).json<Notice>();
    expect(notice).toMatchObject({
      status: 'issued',
      issueId: done.issueId,
      placeName: place.name,
    });
    expect(notice.items.map((i) => i.text)).toEqual(['楼道杂物', '消防通道畅通']);
    const reinspect = (payload: object) =>
      grid.inject({ method: 'POST', url: `/api/notices/${notice.id}/reinspect`, payload });
    const allPass = notice.items.map((i) => ({
      checklistItemId: i.checklistItemId,
      result: 'pass',
    }));

    const partial = await reinspect({ version: notice.version, results: allPass.slice(0, 1) });
    expect(partial.statusCode).toBe(400);
    expect(partial.json<{ error: { code: string } }>().error.code).toBe('REINSPECTION_ITEMS');
    // Before anyone handled the issue, the issue flow refuses, and nothing is recorded.
    const tooSoon = await reinspect({ version: notice.version, results: allPass });
    expect(tooSoon.statusCode).toBe(409);
    const unchanged = (
      await grid.inject({ method: 'GET', url: `/api/notices/${notice.id}` })
    ).json<Notice>();
    expect(unchanged).toMatchObject({ status: 'issued', reinspections: [] });

    // The community accepts it and dispatches it to market regulation, who handle it.
    const step = async (s: Session, payload: object) => {
      const current = (
        await s.inject({ method: 'GET', url: `/api/issues/${done.issueId}` })
      ).json<IssueDetail>();
      const res = await s.inject({
        method: 'POST',
        url: `/api/issues/${done.issueId}/steps`,
        payload: { version: current.version, ...payload },
      });
      if (res.statusCode !== 200) throw new Error(`issue step: ${res.statusCode} ${res.body}`);
      return res.json<IssueDetail>();
    };
    await step(staff, { action: 'accept' });
    await step(staff, {
      action: 'dispatch',
      departmentId: (await unitByName(admin, '市场监督管理局')).id,
    });
    await step(scjg, { action: 'startHandling' });
    await step(scjg, { action: 'handle', note: '已督促物业清理' });

    const photo = await uploadPhoto(grid);
    const notFixed = await reinspect({
      version: notice.version,
      results: [
        { ...allPass[0], photoIds: [photo] },
        { ...allPass[1], result: 'fail', note: '电动车仍停在通道' },
      ],
    });
    expect(notFixed.statusCode).toBe(200);
    const afterFail = notFixed.json<Notice>();
    expect(afterFail.status).toBe('notRectified');
    expect(afterFail.reinspections[0]).toMatchObject({ fixed: false });
    expect(afterFail.reinspections[0].results[0].photos.map((p) => p.id)).toEqual([photo]);
    const reopened = (
      await grid.inject({ method: 'GET', url: `/api/issues/${done.issueId}` })
    ).json<IssueDetail>();
    expect(reopened.status).toBe('reopened');

    await step(scjg, { action: 'startHandling' });
    await step(scjg, { action: 'handle', note: '电动车已移走' });
    const stale = await reinspect({ version: notice.version, results: allPass });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('STALE_VERSION');
    const fixed = await reinspect({ id: v7(), version: afterFail.version, results: allPass });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json<Notice>()).toMatchObject({ status: 'rectified' });
    const closed = (
      await grid.inject({ method: 'GET', url: `/api/issues/${done.issueId}` })
    ).json<IssueDetail>();
    expect(closed.status).toBe('closed');
    const steps = (
      await grid.inject({ method: 'GET', url: `/api/issues/${done.issueId}/steps` })
    ).json<{ items: IssueStep[] }>();
    expect(steps.items.filter((s) => s.action === 'verify').map((s) => s.toStatus)).toEqual([
      'reopened',
      'verified',
    ]);
    const again = await reinspect({
      version: fixed.json<Notice>().version,
      results: allPass,
    });
    expect(again.json<{ error: { code: string } }>().error.code).toBe('NOTICE_RECTIFIED');
  });
  /** Accepts and dispatches a notice's issue to market regulation, who start and finish handling. */
  async function handled(issueId: string, upTo: 'dispatch' | 'handle') {
    const step = async (s: Session, payload: object) => {
      const current = (
        await s.inject({ method: 'GET', url: `/api/issues/${issueId}` })
      ).json<IssueDetail>();
      return s.inject({
        method: 'POST',
        url: `/api/issues/${issueId}/steps`,
        payload: { version: current.version, ...payload },
      });
    };
    await step(staff, { action: 'accept' });
    await step(staff, {
      action: 'dispatch',
      departmentId: (await unitByName(admin, '市场监督管理局')).id,
    });
    if (upTo === 'handle') {
      await step(scjg, { action: 'startHandling' });
      await step(scjg, { action: 'handle', note: '物业已清理' });
    }
    return step;
  }
  const allPassOf = (n: Notice) =>
    n.items.map((i) => ({ checklistItemId: i.checklistItemId, result: 'pass' }));

  it('re-inspects as soon as the unit has rectified, before the deadline, closing notice and issue', async () => {
    const done = await failedInspection(grid, place, true);
    await handled(done.issueId!, 'dispatch');
    const notice = (
      await grid.inject({ method: 'GET', url: `/api/notices/${done.noticeId}` })
    ).json<Notice>();
    expect(notice.deadline > dayFromToday(0)).toBe(true);
    const res = await grid.inject({
      method: 'POST',
      url: `/api/notices/${notice.id}/reinspect`,
      payload: { version: notice.version, results: allPassOf(notice) },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Notice>().status).toBe('rectified');
    const issue = (
      await grid.inject({ method: 'GET', url: `/api/issues/${done.issueId}` })
    ).json<IssueDetail>();
    expect(issue.status).toBe('closed');
  });

  it('refuses to verify the issue of an open notice, saying to re-inspect; the notice closes both', async () => {
    const done = await failedInspection(grid, place, true);
    const step = await handled(done.issueId!, 'handle');
    const verify = await step(grid, { action: 'verify', fixed: true, note: '看过了，已清理' });
    expect(verify.statusCode).toBe(409);
    const error = verify.json<{ error: { code: string; message: string } }>().error;
    expect(error.code).toBe('REINSPECT_NOTICE');
    expect(error.message).toContain('复查');
    const before = (
      await grid.inject({ method: 'GET', url: `/api/issues/${done.issueId}` })
    ).json<IssueDetail>();
    expect(before.status).toBe('handled');
    const notice = (
      await grid.inject({ method: 'GET', url: `/api/notices/${done.noticeId}` })
    ).json<Notice>();
    await grid.inject({
      method: 'POST',
      url: `/api/notices/${notice.id}/reinspect`,
      payload: { version: notice.version, results: allPassOf(notice) },
    });
    const after = (
      await grid.inject({ method: 'GET', url: `/api/issues/${done.issueId}` })
    ).json<IssueDetail>();
    expect(after.status).toBe('closed');
  });

  it('escalates an issue whose notice is overdue, even when the unit said it was done', async () => {
    const draft = await startInspection(grid, { placeId: place.id, checklistId: fire.id });
    const submitted = await grid.inject({
      method: 'POST',
      url: `/api/inspections/${draft.id}/submit`,
      payload: {
        version: draft.version,
        issueNotice: true,
        results: resultsFor(draft, {
          楼道杂物: { note: '纸箱', photoIds: [await uploadPhoto(grid)] },
        }),
        rectification: { deadline: dayFromToday(0), requirement: '当天清理' },
      },
    });
    const done = submitted.json<Inspection>();
    await handled(done.issueId!, 'handle');
    // The day after the notice's deadline, the handled issue is still waiting for its re-inspection.
    const moved = await escalateOverdue(
      t.handle.db,
      new Date(Date.parse(shanghaiDayEnd(dayFromToday(0))) + 60_000).toISOString(),
    );
    expect(moved).toBeGreaterThan(0);
    const issue = (
      await grid.inject({ method: 'GET', url: `/api/issues/${done.issueId}` })
    ).json<IssueDetail>();
    expect(issue).toMatchObject({
      status: 'handled',
      escalationLevel: 'community',
      stepDeadline: shanghaiDayEnd(dayFromToday(0)),
    });
  });
});
