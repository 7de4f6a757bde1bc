import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Card, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import type { OrgTreeNode } from '../../../../common/schemas/org';
import {
  tipCategories,
  tipChannels,
  tipTopics,
  zTipCreate,
  type TipCategory,
  type TipChannel,
  type TipTopic,
} from '../../../../common/schemas/tips';
import { showServerError } from '../../components/form-errors';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { maxLengthOf, requiredRule, schemaRules } from '../../components/zod-form';
import { useIsPhone } from '../../use-is-phone';
import { PhotoField } from '../issues/photo-field';
import { useOrgTree } from '../org/org-api';
import { PhoneActionBar } from '../people/phone-action-bar';
import { useCreateTip } from './tips-api';

interface Values {
  channel: Exclude<TipChannel, 'webForm'>;
  unitId: string;
  topic: TipTopic;
  category: TipCategory;
  address?: string;
  description: string;
  contactName?: string;
  contactPhone?: string;
  photoIds?: string[];
}

const rules = schemaRules(zTipCreate);
const max = (field: keyof typeof zTipCreate.shape) => maxLengthOf(zTipCreate.shape[field]);

function findNode(nodes: OrgTreeNode[], id: string): OrgTreeNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const hit = findNode(n.children, id);
    if (hit) return hit;
  }
}

/** 登记诉求: staff take down a tip from the hotline, an e-mail or a visit. */
export function TipIntakePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const tree = useOrgTree(false);
  const create = useCreateTip();
  const [form] = Form.useForm<Values>();
  // One id per form: a resend on a weak signal takes the tip once.
  const [id] = useState(() => uuidv7());
  const span = isPhone ? 24 : 12;

  const submit = async (v: Values) => {
    const unit = findNode(tree.data ?? [], v.unitId);
    if (!unit) return;
    try {
      const tip = await create.mutateAsync({
        id,
        channel: v.channel,
        streetId: unit.kind === 'street' ? unit.id : unit.parentId!,
        communityId: unit.kind === 'community' ? unit.id : undefined,
        topic: v.topic,
        category: v.category,
        address: v.address?.trim() || undefined,
        description: v.description.trim(),
        contactName: v.contactName?.trim() || undefined,
        contactPhone: v.contactPhone?.trim() || undefined,
        photoIds: v.photoIds?.length ? v.photoIds : undefined,
      });
      void message.success(t('tips.ui.created', { code: tip.trackingCode }));
      void navigate(`/tips/${tip.id}`);
    } catch (error) {
      showServerError(form, error, (text) => void message.error(text), {
        NOT_FOUND: 'unitId',
      });
    }
  };

  const submitButton = (
    <Button
      type="primary"
      size="large"
      block={isPhone}
      loading={create.isPending}
      onClick={() => form.submit()}
    >
      {t('common.save')}
    </Button>
  );

  return (
    <Card title={isPhone ? undefined : t('tips.ui.intakeTitle')}>
      <Form<Values>
        form={form}
        name="tipIntake"
        layout="vertical"
        requiredMark={false}
        size={isPhone ? 'large' : undefined}
        scrollToFirstError={{ block: 'center' }}
        initialValues={{ channel: 'hotline', topic: 'community', category: 'other' }}
        onFinish={(v) => void submit(v)}
      >
        <Row gutter={16}>
          <Col span={span}>
            <Form.Item name="channel" label={t('tips.fields.channel')} rules={rules.channel}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={tipChannels
                  .filter((c) => c !== 'webForm')
                  .map((c) => ({ value: c, label: t(`tips.channels.${c}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item
              name="unitId"
              label={t('tips.ui.unit')}
              // The street, or a community of it: the form's one field for the API's two.
              rules={[requiredRule()]}
            >
              <OrgUnitSelect
                tree={tree.data ?? []}
                loading={tree.isPending}
                canPick={(n) => n.kind === 'street' || n.kind === 'community'}
              />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item name="topic" label={t('tips.fields.topic')} rules={rules.topic}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={tipTopics.map((v) => ({ value: v, label: t(`tips.topics.${v}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item name="category" label={t('tips.fields.category')} rules={rules.category}>
              <Select
                options={tipCategories.map((v) => ({ value: v, label: t(`tips.categories.${v}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('tips.fields.address')} rules={rules.address}>
              <Input maxLength={max('address')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="description"
              label={t('tips.fields.description')}
              rules={rules.description}
            >
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 10 }}
                maxLength={max('description')}
                showCount
              />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item
              name="contactName"
              label={t('tips.fields.contactName')}
              rules={rules.contactName}
            >
              <Input maxLength={max('contactName')} />
            </Form.Item>
          </Col>
          <Col span={span}>
            <Form.Item
              name="contactPhone"
              label={t('tips.fields.contactPhone')}
              rules={rules.contactPhone}
            >
              <Input inputMode="tel" maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="photoIds"
              label={t('tips.fields.photos')}
              extra={t('tips.ui.photoHint')}
            >
              <PhotoField />
            </Form.Item>
          </Col>
        </Row>
        {!isPhone && submitButton}
      </Form>
      {isPhone && <PhoneActionBar>{submitButton}</PhoneActionBar>}
    </Card>
  );
}
