import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { zPasswordChange, type PasswordChange } from '../../../common/schemas/auth';
import { useChangePassword, useMe } from '../auth';
import { passwordRule, showServerError } from './form-errors';
import { requiredRule, schemaRules } from './zod-form';

const rules = schemaRules(zPasswordChange);

type Values = PasswordChange & { confirm: string };

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const submit = async (values: Values) => {
    try {
      const body: PasswordChange = {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      };
      await change.mutateAsync(body);
      void message.success(t('password.changed'));
      onClose();
    } catch (error) {
      showServerError(form, error, (text) => void message.error(text), {
        WRONG_PASSWORD: 'currentPassword',
        WEAK_PASSWORD: 'newPassword',
      });
    }
  };

  return (
    <Modal
      open={open}
      title={t('password.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => form.resetFields()}
      forceRender
    >
      <Form
        name="passwordChange"
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        requiredMark={false}
      >
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={rules.currentPassword}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.hint')}
          rules={[...rules.newPassword, passwordRule(t, () => me.username)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          // The form's own field: the API takes the new password once.
          rules={[
            requiredRule(),
            ({ getFieldValue }) => ({
              validator: async (_, value) => {
                if (value && value !== getFieldValue('newPassword')) {
                  throw new Error(t('password.mismatch'));
                }
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
