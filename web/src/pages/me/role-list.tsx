import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleLabelKey } from '../../../../common/roles';
import type { RoleAssignmentView } from '../../../../common/schemas/auth';

/** Each role with the full trail of its unit, since the same unit name can recur in two streets. */
export function RoleList({ roles }: { roles: RoleAssignmentView[] }) {
  const { t } = useTranslation();
  if (roles.length === 0)
    return <Typography.Text type="secondary">{t('today.noRoles')}</Typography.Text>;
  return (
    <ul className="role-list">
      {roles.map((r) => (
        <li key={`${r.role}-${r.orgUnitId}`}>
          <Tag color="blue">{t(roleLabelKey(r.role, r.orgUnitName))}</Tag>
          <span className="role-unit">{r.orgUnitName}</span>
          {r.orgUnitTrail.length > 1 && (
            <Typography.Text type="secondary" className="role-trail">
              {r.orgUnitTrail.slice(0, -1).join(' / ')}
            </Typography.Text>
          )}
        </li>
      ))}
    </ul>
  );
}
