/** 操作日志 (audit): the audit register and its columns. */
export const messages = {
  audit: {
    title: '操作日志',
    username: '操作人',
    entity: '对象类型',
    action: '操作',
    startDate: '开始日期',
    endDate: '结束日期',
    empty: '没有符合条件的日志',
    emptyHint: '调整筛选条件或日期范围后再查',
  },
  auditColumns: {
    at: '时间',
    username: '操作人',
    ip: '来源地址',
    action: '操作',
    entity: '对象类型',
    entityId: '对象编号',
    result: '结果',
    changedFields: '变更字段',
    detail: '说明',
  },
  auditResults: { ok: '成功', denied: '拒绝', failed: '失败' },
};
