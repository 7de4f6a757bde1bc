import { useState } from 'react';
import { DatePicker, Form, Input, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  campaignStatuses,
  zCampaignCreate,
  type CampaignDetail,
  type CampaignStatus,
} from '../../../../common/schemas/campaigns';
import type { OrgTreeNode } from '../../../../common/schemas/org';
import { FormModal } from '../../components/form-modal';
import { OrgKindTag } from '../../components/org-kind-tag';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { fieldRules, maxLengthOf, schemaRules } from '../../components/zod-form';
import { useOrgTree } from '../org/org-api';
import { useCampaignWrites, usePublishedSurveys } from './campaigns-api';

const rules = schemaRules(zCampaignCreate);
/** The picked range as the API's first day; the order of the days is the server's check. */
const dateRules = fieldRules(zCampaignCreate.shape.startDate, {
  from: (range: [Dayjs, Dayjs]) => range[0].format('YYYY-MM-DD'),
});

interface Values {
  title: string;
  ownerUnitId: string;
  materials: string[];
  surveyId?: string;
  targetUnitIds: string[];
  dates: [Dayjs, Dayjs];
  status: CampaignStatus;
  note?: string;
}

interface TargetOption {
  value: string;
  title: React.ReactNode;
  label: string;
  disabled: boolean;
  children: TargetOption[];
}

/** Communities and grids can be targets; streets stay to find one's way down. */
function targetOptions(nodes: OrgTreeNode[]): TargetOption[] {
  return nodes
    .filter(
      (n) => n.status === 'active' && ['district', 'street', 'community', 'grid'].includes(n.kind),
    )
    .map((n) => ({
      value: n.id,
      title: (
        <span>
          <OrgKindTag kind={n.kind} />
          {n.name}
        </span>
      ),
      label: n.name,
      disabled: n.kind !== 'community' && n.kind !== 'grid',
      children: targetOptions(n.children),
    }));
}

/** New campaign, or edit one (its organiser stays). */
export function CampaignFormModal(props: {
  open: boolean;
  onClose: () => void;
  campaign?: CampaignDetail;
  onSaved?: (c: CampaignDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const tree = useOrgTree(false);
  const surveys = usePublishedSurveys(props.open);
  const writes = useCampaignWrites();
  // Made once per dialog, so a resend after a lost answer does not create a second campaign.
  const [id] = useState(() => uuidv7());
  const c = props.campaign;

  const submit = async (v: Values) => {
    const common = {
      title: v.title.trim(),
      materials: v.materials.map((m) => m.trim()).filter(Boolean),
      surveyId: v.surveyId ?? null,
      targetUnitIds: v.targetUnitIds,
      startDate: v.dates[0].format('YYYY-MM-DD'),
      endDate: v.dates[1].format('YYYY-MM-DD'),
      note: v.note?.trim() || null,
    };
    const saved = c
      ? await writes.update(c.id, { ...common, version: c.version })
      : await writes.create({ ...common, id, ownerUnitId: v.ownerUnitId, status: v.status });
    props.onSaved?.(saved);
  };

  return (
    <FormModal<Values>
      name="campaign"
      open={props.open}
      title={c ? t('campaigns.editCampaign') : t('campaigns.newCampaign')}
      form={form}
      onSubmit={submit}
      onClose={props.onClose}
      width={640}
      codeFields={{ CAMPAIGN_DATES: 'dates' }}
      initialValues={
        c
          ? {
              title: c.title,
              ownerUnitId: c.owner.id,
              materials: c.materials,
              surveyId: c.surveyId ?? undefined,
              targetUnitIds: c.targets.map((x) => x.id),
              dates: [dayjs(c.startDate), dayjs(c.endDate)],
              status: c.status,
              note: c.note ?? undefined,
            }
          : { status: 'planned', materials: [] }
      }
    >
      <Form.Item name="title" label={t('campaigns.fields.title')} rules={rules.title}>
        <Input maxLength={maxLengthOf(zCampaignCreate.shape.title)} />
      </Form.Item>
      <Form.Item name="ownerUnitId" label={t('campaigns.fields.owner')} rules={rules.ownerUnitId}>
        <OrgUnitSelect
          tree={tree.data ?? []}
          loading={tree.isPending}
          canPick={(n) => !c && (n.kind === 'street' || n.kind === 'community')}
        />
      </Form.Item>
      <Form.Item name="materials" label={t('campaigns.fields.materials')} rules={rules.materials}>
        <Select
          mode="tags"
          open={false}
          tokenSeparators={['，', ',', '、']}
          placeholder={t('campaigns.fields.materialsPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="targetUnitIds"
        label={t('campaigns.fields.targets')}
        extra={t('campaigns.fields.targetsHelp')}
        rules={rules.targetUnitIds}
      >
        <TreeSelect
          multiple
          treeCheckable={false}
          treeData={targetOptions(tree.data ?? [])}
          treeNodeLabelProp="label"
          showSearch={{ treeNodeFilterProp: 'label' }}
          loading={tree.isPending}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name="surveyId" label={t('campaigns.fields.survey')} rules={rules.surveyId}>
        <Select
          allowClear
          loading={surveys.isPending}
          placeholder={t('campaigns.fields.surveyNone')}
          options={(surveys.data ?? []).map((s) => ({ value: s.id, label: s.title }))}
        />
      </Form.Item>
      <Form.Item name="dates" label={t('campaigns.fields.dates')} rules={dateRules}>
        <DatePicker.RangePicker style={{ width: '100%' }} />
      </Form.Item>
      {!c && (
        <Form.Item name="status" label={t('campaigns.fields.status')} rules={rules.status}>
          <Select
            options={campaignStatuses
              .filter((s) => s !== 'ended')
              .map((s) => ({ value: s, label: t(`campaigns.statuses.${s}`) }))}
          />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('campaigns.fields.note')} rules={rules.note}>
        <Input.TextArea rows={3} maxLength={maxLengthOf(zCampaignCreate.shape.note)} />
      </Form.Item>
    </FormModal>
  );
}
