import { Button, Form, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { zRoleAssignment, zStaffRoles } from '../../../../common/schemas/staff';
import { grantableRoles, useMe } from '../../auth';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { fieldRules, schemaRules } from '../../components/zod-form';
import { useOrgTree } from '../org/org-api';

const rules = schemaRules(zRoleAssignment);

/** One row per role assignment: a role and the unit it covers; data scope follows the unit. */
export function RoleAssignmentsField() {
  const { t } = useTranslation();
  const me = useMe();
  const tree = useOrgTree(false);
  const roleOptions = grantableRoles(me).map((role) => ({
    value: role,
    label: t(`roles.${role}`),
  }));
  return (
    <Form.List name="roles" rules={fieldRules(zStaffRoles.shape.roles, { whole: true })}>
      {(fields, { add, remove }, { errors }) => (
        <div className="role-rows">
          {fields.map((field) => (
            <div key={field.key} className="role-row">
              <Form.Item name={[field.name, 'role']} rules={rules.role} className="role-row-role">
                <Select placeholder={t('staff.role')} options={roleOptions} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'orgUnitId']}
                rules={rules.orgUnitId}
                className="role-row-unit"
              >
                <OrgUnitSelect
                  tree={tree.data ?? []}
                  loading={tree.isPending}
                  placeholder={t('staff.orgUnit')}
                />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('staff.removeRole')}
                onClick={() => remove(field.name)}
                disabled={fields.length === 1}
              />
            </div>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add()}>
            {t('staff.addRole')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
