import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Button, Card, Input, Pagination, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../../common/roles';
import type { Staff, StaffQuery } from '../../../../common/schemas/staff';
import { isAdmin, useMe } from '../../auth';
import { ListState } from '../../components/list-state';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { useIsPhone } from '../../use-is-phone';
import { useOrgTree } from '../org/org-api';
import { useStaffPage, useStaffWrites } from './staff-api';
import { StaffDialogs, type StaffDialog } from './staff-forms';
import { StaffCards, StaffTable } from './staff-list';

const statuses = ['active', 'disabled'] as const;

/** Filters live in the address so a list can be shared or come back to after an edit. */
function useStaffQuery() {
  const [params, setParams] = useSearchParams();
  const query: Partial<StaffQuery> = {
    q: params.get('q') ?? undefined,
    role: (params.get('role') as Role | null) ?? undefined,
    status: (params.get('status') as StaffQuery['status'] | null) ?? undefined,
    orgUnitId: params.get('orgUnitId') ?? undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
  };
  const update = (changes: Partial<Record<keyof StaffQuery, string | number | undefined>>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      // Any new filter starts again from the first page.
      if (!('page' in changes)) next.delete('page');
      return next;
    });
  return { query, update };
}

export function StaffPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const isPhone = useIsPhone();
  const canWrite = isAdmin(me);
  const { query, update } = useStaffQuery();
  const list = useStaffPage(query);
  const writes = useStaffWrites();
  const tree = useOrgTree(false);
  const [dialog, setDialog] = useState<StaffDialog>(null);
  const [current, setCurrent] = useState<Staff | null>(null);

  const openDialog = (next: StaffDialog, staff: Staff | null) => {
    setCurrent(staff);
    setDialog(next);
  };
  const toggle = async (staff: Staff) => {
    try {
      if (staff.status === 'active') {
        await writes.disable(staff);
        void message.success(t('staff.disabledDone', { name: staff.displayName }));
      } else {
        await writes.enable(staff);
        void message.success(t('staff.enabledDone', { name: staff.displayName }));
      }
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const items = list.data?.items ?? [];
  const listProps = {
    items,
    canWrite,
    loading: list.isFetching,
    onDialog: openDialog,
    onToggle: toggle,
  };

  return (
    <Card
      title={isPhone ? undefined : t('staff.title')}
      extra={
        canWrite &&
        !isPhone && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openDialog('create', null)}>
            {t('staff.add')}
          </Button>
        )
      }
    >
      <div className="filter-bar">
        <Input.Search
          allowClear
          defaultValue={query.q}
          placeholder={t('staff.searchPlaceholder')}
          onSearch={(q) => update({ q: q.trim() })}
          className="filter-search"
        />
        <Select
          allowClear
          placeholder={t('staff.roleFilter')}
          value={query.role}
          onChange={(role?: Role) => update({ role })}
          options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          className="filter-select"
          popupMatchSelectWidth={false}
        />
        <Select
          allowClear
          placeholder={t('staff.statusFilter')}
          value={query.status}
          onChange={(status?: string) => update({ status })}
          options={statuses.map((s) => ({ value: s, label: t(`staff.${s}`) }))}
          className="filter-select"
        />
        <div className="filter-unit">
          <OrgUnitSelect
            tree={tree.data ?? []}
            loading={tree.isPending}
            allowClear
            placeholder={t('staff.unitFilter')}
            value={query.orgUnitId}
            onChange={(orgUnitId) => update({ orgUnitId })}
          />
        </div>
        {canWrite && isPhone && (
          <Button
            type="primary"
            block
            icon={<PlusOutlined />}
            onClick={() => openDialog('create', null)}
          >
            {t('staff.add')}
          </Button>
        )}
      </div>
      <ListState
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={items.length === 0}
        emptyText={t('staff.empty')}
        emptyHint={canWrite ? t('staff.emptyHint') : undefined}
      >
        {isPhone ? <StaffCards {...listProps} /> : <StaffTable {...listProps} />}
        <Pagination
          className="list-pagination"
          current={list.data?.page ?? query.page}
          pageSize={list.data?.pageSize ?? query.pageSize}
          total={list.data?.total ?? 0}
          showSizeChanger={!isPhone}
          simple={isPhone}
          showTotal={(total) => t('common.total', { total })}
          onChange={(page, pageSize) => update({ page, pageSize })}
        />
      </ListState>
      <StaffDialogs
        dialog={dialog}
        staff={current}
        onClose={() => setDialog(null)}
        onDone={(text) => void message.success(text)}
      />
    </Card>
  );
}
