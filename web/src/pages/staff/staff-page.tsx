import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../../common/roles';
import type { Staff, StaffQuery } from '../../../../common/schemas/staff';
import { isAdmin, useMe } from '../../auth';
import { FilterSearch, FilterSelect, FilterUnit } from '../../components/register/register-filters';
import { RegisterPage } from '../../components/register/register-page';
import { useRegisterQuery } from '../../components/register/register-query';
import { useStaffList, useStaffWrites } from './staff-api';
import { StaffDialogs, type StaffDialog } from './staff-forms';
import { StaffCard, useStaffColumns } from './staff-list';

const statuses = ['active', 'disabled'] as const;
const filterKeys = ['q', 'role', 'status', 'orgUnitId'] as const;
type Filters = Pick<StaffQuery, (typeof filterKeys)[number]>;

/** 人员账号: filters live in the address so a list can be shared or come back to after an edit. */
export function StaffPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canWrite = isAdmin(me);
  const query = useRegisterQuery<Filters>(filterKeys);
  const list = useStaffList({ ...query.filters, page: query.page, pageSize: query.pageSize });
  const writes = useStaffWrites();
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
  const rowProps = { canWrite, onDialog: openDialog, onToggle: toggle };
  const columns = useStaffColumns(rowProps);

  return (
    <RegisterPage
      title={t('staff.title')}
      query={query}
      list={list}
      mainAction={canWrite && { label: t('staff.add'), onClick: () => openDialog('create', null) }}
      filters={
        <>
          <FilterSearch label={t('staff.searchPlaceholder')} enterButton={false} />
          <FilterSelect
            name="role"
            label={t('staff.roleFilter')}
            options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <FilterSelect
            name="status"
            label={t('staff.statusFilter')}
            options={statuses.map((s) => ({ value: s, label: t(`staff.${s}`) }))}
          />
          <FilterUnit name="orgUnitId" label={t('staff.unitFilter')} />
        </>
      }
      columns={columns}
      table={{ scroll: { x: 900 } }}
      card={(s) => <StaffCard staff={s} {...rowProps} />}
      empty={{ text: t('staff.empty'), hint: canWrite ? t('staff.emptyHint') : undefined }}
    >
      <StaffDialogs
        dialog={dialog}
        staff={current}
        onClose={() => setDialog(null)}
        onDone={(text) => void message.success(text)}
      />
    </RegisterPage>
  );
}
