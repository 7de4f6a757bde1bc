import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import { useState } from 'react';
import { issueCategories, type IssueCategory } from '../../../../common/schemas/issues';
import {
  tipCategories,
  tipTopics,
  zTipAnswer,
  zTipClose,
  zTipConvertCase,
  zTipConvertIssue,
  zTipDismiss,
  zTipTriage,
  type TipCategory,
  type TipDetail,
  type TipTopic,
} from '../../../../common/schemas/tips';
import { FormModal } from '../../components/form-modal';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { maxLengthOf, requiredRule, schemaRules } from '../../components/zod-form';
import { useOrgTree } from '../org/org-api';
import { useTipStep, type TipStepPath } from './tips-api';

export type TipAction = TipDetail['actions'][number];
const paths: Partial<Record<TipAction, TipStepPath>> = {
  triage: 'triage',
  convertIssue: 'convert-issue',
  convertCase: 'convert-case',
  answer: 'answer',
  dismiss: 'dismiss',
  close: 'close',
};

/** The body each step's route takes; the form's tipCategory is the triage's category. */
const schemas = {
  triage: zTipTriage,
  convertIssue: zTipConvertIssue,
  convertCase: zTipConvertCase,
  answer: zTipAnswer,
  dismiss: zTipDismiss,
  close: zTipClose,
} as const;

interface Values {
  topic?: TipTopic;
  tipCategory?: TipCategory;
  communityId?: string;
  publicReply?: string;
  internalNote?: string;
  reason?: string;
  gridId?: string;
  category?: IssueCategory;
  description?: string;
  name?: string;
  need?: string;
}

/** One dialog for each triage step: the public reply and the internal note kept apart. */
export function TipStepDialog({
  tip,
  action,
  onClose,
}: {
  tip: TipDetail;
  action: TipAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const step = useTipStep(tip.id);
  const tree = useOrgTree(false);
  // Made once per opening, so a resend raises one issue or one referral.
  const [ids] = useState(() => ({ issueId: uuidv7(), referralId: uuidv7() }));

  if (!action || !paths[action] || !(action in schemas)) return null;
  const schema: z.ZodObject<Record<string, z.ZodType>> = schemas[action as keyof typeof schemas];
  const rules = schemaRules<Record<string, z.ZodType>>(schema);
  const max = (field: string) => maxLengthOf(schema.shape[field]);
  const trim = (s?: string) => s?.trim() || undefined;
  const submit = async (v: Values) => {
    const base = {
      version: tip.version,
      publicReply: trim(v.publicReply),
      internalNote: trim(v.internalNote),
    };
    let body: object = base;
    if (action === 'triage')
      body = { ...base, topic: v.topic, category: v.tipCategory, communityId: v.communityId };
    if (action === 'convertIssue')
      body = {
        ...base,
        issueId: ids.issueId,
        gridId: v.gridId,
        category: v.category,
        description: trim(v.description),
      };
    if (action === 'convertCase')
      body = { ...base, referralId: ids.referralId, name: trim(v.name), need: v.need?.trim() };
    if (action === 'answer') body = { ...base, publicReply: v.publicReply?.trim() ?? '' };
    if (action === 'dismiss') body = { ...base, reason: v.reason?.trim() ?? '' };
    await step.mutateAsync({ path: paths[action]!, body });
  };
  const defaultCategory = (issueCategories as readonly string[]).includes(tip.category)
    ? (tip.category as IssueCategory)
    : 'other';

  return (
    <FormModal<Values>
      name={`tip-${action}`}
      open
      title={t(`tips.actions.${action}`)}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      okText={t(`tips.actions.${action}`)}
      okDanger={action === 'dismiss'}
      width={620}
      initialValues={{
        topic: tip.topic,
        tipCategory: tip.category,
        communityId: tip.communityId ?? undefined,
        category: defaultCategory,
        description: tip.description,
        name: tip.contactName ?? undefined,
        need: tip.description,
      }}
      codeFields={{ TIP_REPLY_REQUIRED: 'publicReply', TIP_REASON_REQUIRED: 'reason' }}
    >
      {action === 'triage' && (
        <>
          <Form.Item name="topic" label={t('tips.fields.topic')} rules={rules.topic}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={tipTopics.map((v) => ({ value: v, label: t(`tips.topics.${v}`) }))}
            />
          </Form.Item>
          <Form.Item name="tipCategory" label={t('tips.fields.category')} rules={rules.category}>
            <Select
              options={tipCategories.map((c) => ({ value: c, label: t(`tips.categories.${c}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="communityId"
            label={t('tips.fields.community')}
            rules={rules.communityId}
          >
            <OrgUnitSelect
              tree={tree.data ?? []}
              loading={tree.isPending}
              canPick={(n) => n.kind === 'community' && n.parentId === tip.streetId}
            />
          </Form.Item>
        </>
      )}
      {action === 'convertIssue' && (
        <>
          <Form.Item name="gridId" label={t('tips.ui.grid')} rules={rules.gridId}>
            <OrgUnitSelect
              tree={tree.data ?? []}
              loading={tree.isPending}
              canPick={(n) => n.kind === 'grid' && n.path.includes(`/${tip.streetId}/`)}
            />
          </Form.Item>
          <Form.Item name="category" label={t('tips.ui.issueCategory')} rules={rules.category}>
            <Select
              options={issueCategories.map((c) => ({ value: c, label: t(`tips.categories.${c}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('tips.ui.issueDescription')}
            rules={rules.description}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={max('description')} />
          </Form.Item>
        </>
      )}
      {action === 'convertCase' && (
        <>
          <Form.Item
            name="name"
            label={t('tips.ui.referralName')}
            // The API would take the tip's contact name; the station wants it seen and confirmed.
            rules={[requiredRule(), ...rules.name]}
          >
            <Input maxLength={max('name')} />
          </Form.Item>
          <Form.Item name="need" label={t('tips.ui.need')} rules={rules.need}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={max('need')} />
          </Form.Item>
        </>
      )}
      {action === 'dismiss' ? (
        <Form.Item
          name="reason"
          label={t('tips.ui.reason')}
          extra={t('tips.ui.confirmDismiss')}
          // Required by the service (TIP_REASON_REQUIRED), not the schema: the form says it alike.
          rules={[
            { required: true, whitespace: true, message: t('errors.TIP_REASON_REQUIRED') },
            ...rules.reason,
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={max('reason')} />
        </Form.Item>
      ) : (
        <Form.Item
          name="publicReply"
          label={t('tips.ui.publicReply')}
          rules={[
            // Required by the service for an answer (TIP_REPLY_REQUIRED): the form says it alike.
            ...(action === 'answer'
              ? [{ required: true, whitespace: true, message: t('errors.TIP_REPLY_REQUIRED') }]
              : []),
            ...rules.publicReply,
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={max('publicReply')} />
        </Form.Item>
      )}
      <Form.Item name="internalNote" label={t('tips.ui.internalNote')} rules={rules.internalNote}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={max('internalNote')} />
      </Form.Item>
    </FormModal>
  );
}
