import { useState, type ReactNode } from 'react';
import { App, Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { showServerError } from './form-errors';

interface Props<T> {
  /** prefixes the input ids, which must stay unique while several dialogs share a page */
  name: string;
  open: boolean;
  title: ReactNode;
  form: FormInstance<T>;
  /** throws to keep the dialog open with what was typed; the error is shown at its field */
  onSubmit: (values: T) => Promise<void>;
  onClose: () => void;
  okText?: string;
  okDanger?: boolean;
  /** when the form can tell it cannot succeed (and says why in its body) */
  okDisabled?: boolean;
  initialValues?: Partial<T>;
  /** error codes the server reports without a field name, mapped to the field they belong to */
  codeFields?: Record<string, string>;
  /** long forms (a household with its head) want the room of two columns on the desk */
  width?: number;
  children: ReactNode;
}

/** A dialog around one vertical form: saving state, and server errors at the field. */
export function FormModal<T extends object>(props: Props<T>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const { form } = props;

  const finish = async (values: T) => {
    setSaving(true);
    try {
      await props.onSubmit(values);
      props.onClose();
    } catch (error) {
      showServerError(form, error, (text) => void message.error(text), props.codeFields);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText ?? t('common.save')}
      okButtonProps={{ danger: props.okDanger, disabled: props.okDisabled }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      width={props.width}
      // Mounted afresh on each opening, so initialValues follow the record being edited.
      destroyOnHidden
    >
      <Form<T>
        name={props.name}
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={props.initialValues}
        // The form instance outlives the dialog: without this the last record's values would win
        // over the next one's initialValues (rc-field-form merges the old store over them).
        clearOnDestroy
        // A long form (a household with its head) shows what is missing, not just the buttons.
        scrollToFirstError={{ block: 'center' }}
        onFinish={(values) => void finish(values)}
      >
        {props.children}
      </Form>
    </Modal>
  );
}
