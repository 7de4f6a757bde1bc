import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../common/schemas/staff';
import type { StaffDialog } from './staff-forms';

interface Props {
  staff: Staff;
  onDialog: (dialog: StaffDialog, staff: Staff) => void;
  onToggle: (staff: Staff) => Promise<void>;
  /** on the phone each action is a full-size button */
  large?: boolean;
}

export function StaffActions({ staff, onDialog, onToggle, large }: Props) {
  const { t } = useTranslation();
  const size = large ? 'middle' : 'small';
  const type = large ? 'default' : 'link';
  const active = staff.status === 'active';
  return (
    <Space wrap size={large ? 8 : 0} className="staff-actions">
      <Button size={size} type={type} onClick={() => onDialog('edit', staff)}>
        {t('common.edit')}
      </Button>
      <Button size={size} type={type} onClick={() => onDialog('roles', staff)}>
        {t('staff.assignRoles')}
      </Button>
      <Button size={size} type={type} onClick={() => onDialog('reset', staff)}>
        {t('staff.resetPassword')}
      </Button>
      <Popconfirm
        title={
          active
            ? t('staff.disableConfirmTitle', { name: staff.displayName })
            : t('staff.enableConfirm', { name: staff.displayName })
        }
        description={active && <div className="confirm-text">{t('staff.disableConfirm')}</div>}
        okText={active ? t('staff.disable') : t('staff.enable')}
        okButtonProps={{ danger: active }}
        cancelText={t('common.cancel')}
        onConfirm={() => onToggle(staff)}
      >
        <Button size={size} type={type} danger={active}>
          {active ? t('staff.disable') : t('staff.enable')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
