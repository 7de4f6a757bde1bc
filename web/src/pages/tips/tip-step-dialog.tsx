import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { useState } from 'react';
import { issueCategories, type IssueCategory } from '../../../../common/schemas/issues';
import {
  tipCategories,
  tipTopics,
  type TipCategory,
  type TipDetail,
  type TipTopic,
} from '../../../../common/schemas/tips';
import { FormModal } from '../../components/form-modal';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { useOrgTree } from '../org/org-api';
import { useTipWrites, type TipStepPath } from './tips-api';

export type TipAction = TipDetail['actions'][number];
const paths: Partial<Record<TipAction, TipStepPath>> = {
  triage: 'triage',
  convertIssue: 'convert-issue',
  convertCase: 'convert-case',
  answer: 'answer',
  dismiss: 'dismiss',
  close: 'close',
};

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
  const writes = useTipWrites();
  const tree = useOrgTree(false);
  // Made once per opening, so a resend raises one issue or one referral.
  const [ids] = useState(() => ({ issueId: uuidv7(), referralId: uuidv7() }));

  if (!action || !paths[action]) return null;
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
    await writes.step(tip.id, paths[action]!, body);
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
          <Form.Item name="topic" label={t('tips.fields.topic')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={tipTopics.map((v) => ({ value: v, label: t(`tips.topics.${v}`) }))}
            />
          </Form.Item>
          <Form.Item name="tipCategory" label={t('tips.fields.category')}>
            <Select
              options={tipCategories.map((c) => ({ value: c, label: t(`tips.categories.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="communityId" label={t('tips.fields.community')}>
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
          <Form.Item
            name="gridId"
            label={t('tips.ui.grid')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <OrgUnitSelect
              tree={tree.data ?? []}
              loading={tree.isPending}
              canPick={(n) => n.kind === 'grid' && n.path.includes(`/${tip.streetId}/`)}
            />
          </Form.Item>
          <Form.Item name="category" label={t('tips.ui.issueCategory')}>
            <Select
              options={issueCategories.map((c) => ({ value: c, label: t(`tips.categories.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="description" label={t('tips.ui.issueDescription')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
          </Form.Item>
        </>
      )}
      {action === 'convertCase' && (
        <>
          <Form.Item
            name="name"
            label={t('tips.ui.referralName')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="need"
            label={t('tips.ui.need')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </>
      )}
      {action === 'dismiss' ? (
        <Form.Item
          name="reason"
          label={t('tips.ui.reason')}
          extra={t('tips.ui.confirmDismiss')}
          rules={[{ required: true, whitespace: true, message: t('errors.TIP_REASON_REQUIRED') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      ) : (
        <Form.Item
          name="publicReply"
          label={t('tips.ui.publicReply')}
          rules={
            action === 'answer'
              ? [{ required: true, whitespace: true, message: t('errors.TIP_REPLY_REQUIRED') }]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      )}
      <Form.Item name="internalNote" label={t('tips.ui.internalNote')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
