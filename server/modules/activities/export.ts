import type { ActivityQuery } from '../../../common/schemas/activities';
import { zhCN } from '../../../common/i18n/zh-CN';
import { forbidden } from '../../lib/errors';
import { formatShanghai } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { hasRole } from '../../lib/caller';
import { tableWorkbook } from '../../lib/table-workbook';
import { unitNames } from '../org/service';
import { ACTIVITY_READERS, readableActivity } from './access';
import * as repo from './repo';
import { activityFilter, type Ctx } from './service';

/** The activity register (社区活动台账) and an activity's check-in sheet as .xlsx; phones only masked. */
export const ACTIVITY_EXPORT_LIMIT = 10_000;
const m = zhCN.activities;

export async function exportActivities(
  opts: Ctx & { query: Omit<ActivityQuery, 'page' | 'pageSize'> },
): Promise<{ file: Buffer; exported: number; total: number }> {
  const { db, caller } = opts;
  if (!hasRole(caller, ACTIVITY_READERS)) throw forbidden();
  const { rows, total } = await repo.findActivities(db, activityFilter(caller, opts.query), {
    limit: ACTIVITY_EXPORT_LIMIT,
    offset: 0,
  });
  const [partners, names] = await Promise.all([
    repo.findActivityPartners(
      db,
      rows.map((r) => r.id),
    ),
    unitNames(
      db,
      rows.map((r) => r.community_id),
    ),
  ]);
  const f = m.fields;
  const file = await tableWorkbook(
    m.registerSheet,
    [
      { header: f.title, key: 'title', width: 30 },
      { header: f.type, key: 'type', width: 10 },
      { header: f.community, key: 'community', width: 16 },
      { header: f.startAt, key: 'startAt', width: 17 },
      { header: f.endAt, key: 'endAt', width: 17 },
      { header: f.place, key: 'place', width: 24 },
      { header: f.partners, key: 'partners', width: 24 },
      { header: f.capacity, key: 'capacity', width: 8 },
      { header: f.checkedIn, key: 'checkedIn', width: 8 },
      { header: f.status, key: 'status', width: 8 },
    ],
    rows.map((r) => ({
      title: r.title,
      type: m.types[r.type as keyof typeof m.types] ?? r.type,
      community: (r.community_id && names.get(r.community_id)) || '',
      startAt: formatShanghai(r.start_at),
      endAt: formatShanghai(r.end_at),
      place: r.place,
      partners: partners
        .filter((p) => p.activity_id === r.id)
        .map((p) => p.name)
        .join('、'),
      capacity: r.capacity === null ? '' : Number(r.capacity),
      checkedIn: Number(r.checked_in),
      status: m.statuses[r.status],
    })),
  );
  await recordAudit(db, {
    actor: actorOf(caller),
    action: 'activity.export',
    entity: 'activity',
    detail: JSON.stringify({ ...opts.query, rows: rows.length, total }),
  });
  return { file, exported: rows.length, total };
}

export async function exportAttendance(
  opts: Ctx & { id: string },
): Promise<{ file: Buffer; title: string }> {
  const { db, caller } = opts;
  const a = await readableActivity(db, caller, opts.id);
  const rows = await repo.findAttendance(db, a.id);
  const f = m.fields;
  const file = await tableWorkbook(
    m.attendanceSheet,
    [
      { header: f.no, key: 'no', width: 6 },
      { header: f.name, key: 'name', width: 12 },
      { header: f.phone, key: 'phone', width: 14 },
      { header: f.kind, key: 'kind', width: 10 },
      { header: f.checkedInAt, key: 'at', width: 17 },
      { header: f.handouts, key: 'handouts', width: 10 },
    ],
    [...rows].reverse().map((r, i) => ({
      no: i + 1,
      name: r.name,
      phone: r.phone_masked ?? '',
      kind:
        r.kind === 'walkIn' && !r.resident_id
          ? m.attendanceKinds.walkIn
          : m.attendanceKinds.resident,
      at: formatShanghai(r.checked_in_at),
      handouts: Number(r.handouts ?? 0),
    })),
  );
  await recordAudit(db, {
    actor: actorOf(caller),
    action: 'activity.exportAttendance',
    entity: 'activity',
    entityId: a.id,
    detail: String(rows.length),
    orgPath: a.org_path,
  });
  return { file, title: a.title };
}
