import { Button, Form, Input, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  checklistTopics,
  photoRequirements,
  zChecklistCreate,
  zChecklistItemInput,
  type Checklist,
  type ChecklistCreate,
} from '../../../../common/schemas/places';
import { FormModal } from '../../components/form-modal';
import { fieldRules, maxLengthOf, schemaRules } from '../../components/zod-form';
import { useSaveChecklist } from './places-api';

type Values = Pick<ChecklistCreate, 'name' | 'topic' | 'description' | 'items'>;
const rules = schemaRules(zChecklistCreate);
const item = schemaRules(zChecklistItemInput);
const max = maxLengthOf;

/**
 * 新建 / 编辑检查表. Saving an edit makes a new version on the server; inspections already done keep
 * the items of the version they were done with, so nothing here rewrites the past.
 */
export function ChecklistFormDialog(props: {
  open: boolean;
  onClose: () => void;
  /** the checklist to edit; a new one when left out */
  checklist?: Checklist;
  onSaved?: (c: Checklist) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveChecklist();
  const c = props.checklist;
  const submit = async (values: Values) => {
    const saved = await save.mutateAsync({
      checklist: c,
      body: { ...values, id: c ? undefined : uuidv7() },
    });
    props.onSaved?.(saved);
  };
  return (
    <FormModal<Values>
      name="checklist"
      open={props.open}
      title={t(c ? 'placeUi.checklists.edit' : 'placeUi.checklists.create')}
      form={form}
      onSubmit={submit}
      onClose={props.onClose}
      width={720}
      initialValues={
        c
          ? { name: c.name, topic: c.topic, description: c.description, items: c.items }
          : { topic: 'other', items: [{ text: '', photoRequired: 'never' }] }
      }
    >
      <Form.Item name="name" label={t('placeUi.checklists.name')} rules={rules.name}>
        <Input maxLength={max(zChecklistCreate.shape.name)} />
      </Form.Item>
      <Form.Item name="topic" label={t('placeUi.checklists.topic')} rules={rules.topic}>
        <Select
          options={checklistTopics.map((v) => ({
            value: v,
            label: t(`places.checklistTopics.${v}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('placeUi.checklists.description')}
        rules={rules.description}
      >
        <Input.TextArea rows={2} maxLength={max(zChecklistCreate.shape.description)} />
      </Form.Item>
      {c && <p className="muted small">{t('placeUi.checklists.editNote')}</p>}
      <Form.List name="items" rules={fieldRules(zChecklistCreate.shape.items, { whole: true })}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} align="start" wrap className="checklist-item-row">
                <span className="muted">{i + 1}.</span>
                {/* the id travels with the item so an edited item stays the same item */}
                <Form.Item name={[field.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item name={[field.name, 'text']} rules={item.text}>
                  <Input
                    placeholder={t('placeUi.checklists.itemText')}
                    maxLength={max(zChecklistItemInput.shape.text)}
                    style={{ width: 280 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'category']} rules={item.category}>
                  <Input
                    placeholder={t('placeUi.checklists.itemCategory')}
                    maxLength={max(zChecklistItemInput.shape.category)}
                    style={{ width: 120 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'photoRequired']}>
                  <Select
                    style={{ width: 150 }}
                    options={photoRequirements.map((v) => ({
                      value: v,
                      label: t(`places.photoRequired.${v}`),
                    }))}
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('placeUi.checklists.removeItem')}
                  disabled={fields.length === 1}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button
              block
              icon={<PlusOutlined />}
              onClick={() => add({ text: '', photoRequired: 'never' })}
            >
              {t('placeUi.checklists.addItem')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
