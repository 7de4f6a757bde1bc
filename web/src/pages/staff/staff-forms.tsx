import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  zPasswordReset,
  zStaffCreate,
  type RoleAssignment,
  type Staff,
  type StaffCreate,
} from '../../../../common/schemas/staff';
import { FormModal } from '../../components/form-modal';
import { passwordRule } from '../../components/form-errors';
import { maxLengthOf, schemaRules } from '../../components/zod-form';
import { RoleAssignmentsField } from './role-assignments-field';
import { useStaffWrites } from './staff-api';

export type StaffDialog = 'create' | 'edit' | 'roles' | 'reset' | null;

interface Props {
  dialog: StaffDialog;
  staff: Staff | null;
  onClose: () => void;
  onDone: (text: string) => void;
}

type CreateValues = Omit<StaffCreate, 'id'>;
type EditValues = { displayName: string; phone?: string };

const rules = schemaRules(zStaffCreate);
const resetRules = schemaRules(zPasswordReset);

export function StaffDialogs({ dialog, staff, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const writes = useStaffWrites();
  const [createForm] = Form.useForm<CreateValues>();
  const [editForm] = Form.useForm<EditValues>();
  const [rolesForm] = Form.useForm<{ roles: RoleAssignment[] }>();
  const [resetForm] = Form.useForm<{ newPassword: string }>();
  return (
    <>
      <FormModal
        name="staffCreate"
        open={dialog === 'create'}
        title={t('staff.addTitle')}
        form={createForm}
        initialValues={{ roles: [{} as RoleAssignment] }}
        codeFields={{ USERNAME_TAKEN: 'username', WEAK_PASSWORD: 'password' }}
        onClose={onClose}
        onSubmit={async (values) => {
          const created = await writes.create({
            ...values,
            id: uuidv7(),
            phone: values.phone?.trim() || undefined,
          });
          onDone(t('staff.created', { name: created.displayName }));
        }}
      >
        <Form.Item
          name="username"
          label={t('staff.username')}
          extra={t('staff.usernameFixed')}
          rules={rules.username}
        >
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={32} />
        </Form.Item>
        <Form.Item name="displayName" label={t('staff.displayName')} rules={rules.displayName}>
          <Input maxLength={maxLengthOf(zStaffCreate.shape.displayName)} />
        </Form.Item>
        <Form.Item name="phone" label={t('staff.phone')} rules={rules.phone}>
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('staff.initialPassword')}
          extra={t('password.hint')}
          dependencies={['username']}
          rules={[
            ...rules.password,
            ({ getFieldValue }) => passwordRule(t, () => getFieldValue('username') as string),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t('staff.roles')} required>
          <RoleAssignmentsField />
        </Form.Item>
      </FormModal>

      {staff && (
        <>
          <FormModal
            name="staffEdit"
            open={dialog === 'edit'}
            title={t('staff.editTitle', { name: staff.displayName })}
            form={editForm}
            initialValues={{ displayName: staff.displayName, phone: staff.phone ?? undefined }}
            onClose={onClose}
            onSubmit={async (values) => {
              await writes.update(staff.id, {
                version: staff.version,
                displayName: values.displayName,
                phone: values.phone?.trim() || null,
              });
              onDone(t('staff.saved'));
            }}
          >
            <Form.Item label={t('staff.username')}>
              <Input value={staff.username} disabled />
            </Form.Item>
            <Form.Item name="displayName" label={t('staff.displayName')} rules={rules.displayName}>
              <Input maxLength={maxLengthOf(zStaffCreate.shape.displayName)} />
            </Form.Item>
            <Form.Item name="phone" label={t('staff.phone')} rules={rules.phone}>
              <Input inputMode="tel" maxLength={11} />
            </Form.Item>
          </FormModal>

          <FormModal
            name="staffRoles"
            open={dialog === 'roles'}
            title={t('staff.rolesTitle', { name: staff.displayName })}
            form={rolesForm}
            initialValues={{
              roles: staff.roles.map((r) => ({ role: r.role, orgUnitId: r.orgUnitId })),
            }}
            onClose={onClose}
            onSubmit={async (values) => {
              await writes.setRoles(staff.id, { version: staff.version, roles: values.roles });
              onDone(t('staff.saved'));
            }}
          >
            <RoleAssignmentsField />
          </FormModal>

          <FormModal
            name="staffReset"
            open={dialog === 'reset'}
            title={t('staff.resetTitle', { name: staff.displayName })}
            form={resetForm}
            okText={t('staff.resetPassword')}
            okDanger
            codeFields={{ WEAK_PASSWORD: 'newPassword' }}
            onClose={onClose}
            onSubmit={async (values) => {
              await writes.resetPassword(staff.id, values.newPassword);
              onDone(t('staff.resetDone'));
            }}
          >
            <Alert type="warning" showIcon title={t('staff.resetHint')} className="gap-bottom" />
            <Form.Item
              name="newPassword"
              label={t('password.new')}
              extra={t('password.hint')}
              rules={[...resetRules.newPassword, passwordRule(t, () => staff.username)]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </FormModal>
        </>
      )}
    </>
  );
}
