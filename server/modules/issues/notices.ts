import type { Insertable } from 'kysely';
import type { Db } from '../../db';
import type { IssueNoticeTable, IssueRow } from '../../db/schema';
import { newId } from '../../lib/ids';
import { zhCN } from '../../../common/i18n/zh-CN';
import { describeUnits } from '../org/service';
import { queueUnitMessage } from '../notify/service';
import { insertNotice } from './escalation-repo';

const SHORT = 60;

/**
 * An escalation or urging reaches its unit twice: as a notice on their 今日 page, and through the
 * unit's group-chat robots when it has any (queued in this transaction, sent after it commits).
 * Robot messages are Chinese: the group chat is shared by people of either language setting.
 */
export async function raiseNotice(
  db: Db,
  row: IssueRow,
  notice: Omit<
    Insertable<IssueNoticeTable>,
    'id' | 'issue_id' | 'street_id' | 'read_at' | 'read_by'
  >,
): Promise<void> {
  await insertNotice(db, {
    id: newId(),
    issue_id: row.id,
    street_id: row.street_id,
    read_at: null,
    read_by: null,
    ...notice,
  });
  const unit = (await describeUnits(db, [notice.unit_id])).get(notice.unit_id);
  const about =
    row.description.length > SHORT ? `${row.description.slice(0, SHORT)}…` : row.description;
  const where = row.place_name ?? row.location_text ?? '';
  const title =
    notice.kind === 'escalation'
      ? `【逾期升级】${unit?.name ?? ''}`
      : `【督办】${unit?.name ?? ''}`;
  const lines = [
    notice.kind === 'escalation'
      ? `一件${zhCN.issues.categories[row.category as keyof typeof zhCN.issues.categories] ?? ''}事件逾期未办，已升级至${zhCN.issues.levels[notice.level as keyof typeof zhCN.issues.levels] ?? ''}：`
      : '上级对以下事件督办：',
    `> ${about}`,
    ...(where ? [`地点：${where}`] : []),
    `当前状态：${zhCN.issues.statuses[row.status as keyof typeof zhCN.issues.statuses] ?? row.status}`,
    ...(notice.note ? [`督办意见：${notice.note}`] : []),
    '请登录邻里查看并办理。',
  ];
  await queueUnitMessage(
    db,
    { id: notice.unit_id, streetId: row.street_id },
    { title, text: lines.join('\n\n') },
  );
}
