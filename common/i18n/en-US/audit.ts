import type { Widen } from '../public';
import type { messages as zhCN } from '../zh-CN/audit';

/** 操作日志 (audit): the audit register and its columns. */
export const messages: Widen<typeof zhCN> = {
  audit: {
    title: 'Audit log',
    username: 'User',
    entity: 'Entity',
    action: 'Action',
    startDate: 'From',
    endDate: 'To',
    empty: 'No entries match',
    emptyHint: 'Change the filters or the dates and search again',
  },
  auditColumns: {
    at: 'Time',
    username: 'User',
    ip: 'Address',
    action: 'Action',
    entity: 'Entity',
    entityId: 'Entity id',
    result: 'Result',
    changedFields: 'Changed fields',
    detail: 'Detail',
  },
  auditResults: { ok: 'OK', denied: 'Denied', failed: 'Failed' },
};
