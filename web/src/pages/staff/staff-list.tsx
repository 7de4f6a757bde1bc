import { Card, Space, Tag, Tooltip } from 'antd';
import type { TableProps } from 'antd';
import { LockOutlined, PhoneOutlined, SafetyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../common/schemas/staff';
import { formatTime } from '../../i18n';
import { useScopeLine } from '../../components/role-scope';
import { StaffActions } from './staff-actions';
import type { StaffDialog } from './staff-forms';

interface StaffRowProps {
  staff: Staff;
  canWrite: boolean;
  onDialog: (dialog: StaffDialog, staff: Staff) => void;
  onToggle: (staff: Staff) => Promise<void>;
}

/** The time the lock ends, or null when the account can log in now. */
function lockEnd(staff: Staff): string | null {
  const until = staff.lockedUntil;
  return until && new Date(until) > new Date() ? until : null;
}

function StatusTags({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  const lockedUntil = lockEnd(staff);
  return (
    <Space size={4} wrap>
      {staff.status === 'active' ? (
        <Tag color="green">{t('staff.active')}</Tag>
      ) : (
        <Tag>{t('staff.disabled')}</Tag>
      )}
      {staff.totpEnabled && (
        <Tooltip title={t('staff.totpOn')}>
          <Tag icon={<SafetyOutlined />} aria-label={t('staff.totpOn')} />
        </Tooltip>
      )}
      {lockedUntil && (
        <Tooltip title={t('staff.lockedUntil', { time: formatTime(lockedUntil) })}>
          <Tag color="red" icon={<LockOutlined />}>
            {t('staff.locked')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

function RoleTags({ staff }: { staff: Staff }) {
  const scopeLine = useScopeLine();
  return (
    <Space size={4} wrap>
      {staff.roles.map((r) => (
        <Tag key={`${r.role}-${r.orgUnitId}`} color="blue" title={r.orgUnitTrail.join(' / ')}>
          {scopeLine(r)}
        </Tag>
      ))}
    </Space>
  );
}

type Props = Pick<StaffRowProps, 'canWrite' | 'onDialog' | 'onToggle'>;

export function useStaffColumns({ canWrite, onDialog, onToggle }: Props) {
  const { t } = useTranslation();
  const columns: TableProps<Staff>['columns'] = [
    { key: 'username', title: t('staff.username'), dataIndex: 'username', width: 130 },
    { key: 'displayName', title: t('staff.displayName'), dataIndex: 'displayName', width: 110 },
    { key: 'phone', title: t('staff.phone'), dataIndex: 'phone', width: 130 },
    { key: 'roles', title: t('staff.roles'), render: (_, s) => <RoleTags staff={s} /> },
    {
      key: 'status',
      title: t('staff.status'),
      width: 150,
      render: (_, s) => <StatusTags staff={s} />,
    },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 300,
      render: (_, s) => <StaffActions staff={s} onDialog={onDialog} onToggle={onToggle} />,
    });
  }
  return columns;
}

export function StaffCard({ staff: s, canWrite, onDialog, onToggle }: StaffRowProps) {
  return (
    <Card size="small" className="staff-card">
      <div className="staff-card-head">
        <strong>{s.displayName}</strong>
        <span className="muted">{s.username}</span>
      </div>
      {s.phone && (
        <a href={`tel:${s.phone}`} className="staff-card-phone">
          <PhoneOutlined /> {s.phone}
        </a>
      )}
      <RoleTags staff={s} />
      <div className="gap-top">
        <StatusTags staff={s} />
      </div>
      {canWrite && (
        <div className="gap-top">
          <StaffActions staff={s} onDialog={onDialog} onToggle={onToggle} large />
        </div>
      )}
    </Card>
  );
}
