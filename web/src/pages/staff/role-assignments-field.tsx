import { Button, Form, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { grantableRoles, useMe } from '../../auth';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { useOrgTree } from '../org/org-api';

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
    <Form.List
      name="roles"
      rules={[
        {
          validator: async (_, rows?: unknown[]) => {
            if (!rows || rows.length === 0) throw new Error(t('staff.rolesRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div className="role-rows">
          {fields.map((field) => (
            <div key={field.key} className="role-row">
              <Form.Item
                name={[field.name, 'role']}
                rules={[{ required: true, message: t('staff.roleRequired') }]}
                className="role-row-role"
              >
                <Select placeholder={t('staff.role')} options={roleOptions} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'orgUnitId']}
                rules={[{ required: true, message: t('staff.unitRequired') }]}
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
