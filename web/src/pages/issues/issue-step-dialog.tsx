import { Form, Input, Radio, Rate, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  zIssueCommand,
  type IssueCommand,
  type IssueCommandName,
  type IssueDetail,
} from '../../../../common/schemas/issues';
import { FormModal } from '../../components/form-modal';
import { maxLengthOf, requiredRule, schemaRules } from '../../components/zod-form';
import { useDispatchTargets, useIssueStep } from './issues-api';
import { PhotoField } from './photo-field';

interface Values {
  note?: string;
  photoIds?: string[];
  departmentId?: string;
  fixed?: boolean;
  rating?: number;
  intoId?: string;
}

/** Steps whose note is the reason or the record, and so cannot be left out. */
const noteRequired = ['reject', 'sendBack', 'handle', 'verify', 'urge'] as const;
type NoteRequired = (typeof noteRequired)[number];
const isNoteRequired = (a: IssueCommandName): a is NoteRequired =>
  (noteRequired as readonly string[]).includes(a);
/** Steps that show what was found or done on site. */
const withPhotos: readonly IssueCommandName[] = ['handle', 'verify', 'startHandling'];

/** The body of one step, as the API checks it. */
const stepSchema = (action: IssueCommandName) =>
  zIssueCommand.options.find((o) => o.shape.action.value === action)!;

interface Props {
  issue: IssueDetail;
  action: IssueCommandName | null;
  onClose: () => void;
}

/** One dialog for every step, with the fields that step needs. */
export function IssueStepDialog({ issue, action, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const step = useIssueStep(issue.id);
  const targets = useDispatchTargets(issue.id, action === 'dispatch');

  const submit = async (values: Values) => {
    if (!action) return;
    const base = {
      version: issue.version,
      photoIds: values.photoIds?.length ? values.photoIds : undefined,
    };
    const note = values.note?.trim() ?? '';
    const optionalNote = note ? note : undefined;
    let command: IssueCommand;
    switch (action) {
      case 'dispatch':
        command = { action, ...base, departmentId: values.departmentId, note: optionalNote };
        break;
      case 'verify':
        command = { action, ...base, fixed: values.fixed ?? true, note };
        break;
      case 'rate':
        command = { action, ...base, rating: values.rating ?? 5, note: optionalNote };
        break;
      case 'merge':
        command = { action, ...base, intoId: values.intoId?.trim() ?? '', note: optionalNote };
        break;
      case 'reject':
      case 'sendBack':
      case 'handle':
      case 'urge':
        command = { action, ...base, note };
        break;
      default:
        command = { action, ...base, note: optionalNote };
    }
    await step.mutateAsync(command);
  };

  if (!action) return null;
  const schema = stepSchema(action);
  const rules = schemaRules<Record<string, z.ZodType>>(schema);
  return (
    <FormModal<Values>
      name={`issue-${action}`}
      open
      title={t(`issues.actions.${action}`)}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      okText={t(`issueUi.confirm.${action}`)}
      okDanger={action === 'reject'}
      initialValues={{ fixed: true, rating: 5 }}
    >
      {action === 'dispatch' && (
        <Form.Item
          name="departmentId"
          label={t('issueUi.fields.department')}
          rules={[requiredRule(), ...rules.departmentId]}
        >
          <Select
            loading={targets.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('issueUi.fields.departmentPlaceholder')}
            options={(targets.data?.departments ?? []).map((d) => ({
              value: d.id,
              label: d.name,
            }))}
          />
        </Form.Item>
      )}
      {action === 'verify' && (
        <Form.Item name="fixed" label={t('issueUi.fields.verifyResult')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: true, label: t('issues.verifyResults.fixed') },
              { value: false, label: t('issues.verifyResults.notFixed') },
            ]}
          />
        </Form.Item>
      )}
      {action === 'rate' && (
        <Form.Item name="rating" label={t('issueUi.fields.rating')} rules={rules.rating}>
          {/* A second click on the chosen star would clear it to 0, which the server refuses. */}
          <Rate allowClear={false} />
        </Form.Item>
      )}
      {action === 'merge' && (
        <Form.Item
          name="intoId"
          label={t('issueUi.fields.intoId')}
          extra={t('issueUi.fields.intoIdHint')}
          rules={rules.intoId}
        >
          <Input />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={
          isNoteRequired(action) ? t(`issueUi.noteLabels.${action}`) : t('issueUi.fields.note')
        }
        rules={rules.note}
      >
        <Input.TextArea rows={3} maxLength={maxLengthOf(schema.shape.note)} />
      </Form.Item>
      {withPhotos.includes(action) && (
        <Form.Item name="photoIds" label={t('issueUi.photos.label')}>
          <PhotoField />
        </Form.Item>
      )}
    </FormModal>
  );
}
