import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { useState } from 'react';
import {
  activityTypes,
  zActivityCreate,
  type ActivityDetail,
  type ActivityType,
} from '../../../../common/schemas/activities';
import type { OrgTreeNode } from '../../../../common/schemas/org';
import { FormModal } from '../../components/form-modal';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { boundsOf, fieldRules, maxLengthOf, schemaRules } from '../../components/zod-form';
import { useOrgTree } from '../org/org-api';
import { useFieldLabel } from './activities-page';
import { useActivityWrites, usePartners, usePublishedSurveys } from './activities-api';

interface Values {
  title: string;
  type: ActivityType;
  communityId: string;
  time: [Dayjs, Dayjs];
  place: string;
  capacity?: number | null;
  partnerIds?: string[];
  description?: string;
  surveyId?: string | null;
}

/**
 * The picker shows wall-clock time; activities happen in Asia/Shanghai whatever the browser's zone, so
 * the picked time is read as Shanghai time and a stored time shown as Shanghai time.
 */
const toShanghai = (d: Dayjs): string => `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`;
const fromShanghai = (iso: string): Dayjs =>
  dayjs(dayjs(iso).tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm'));

const rules = schemaRules(zActivityCreate);
const max = (field: keyof typeof zActivityCreate.shape) =>
  maxLengthOf(zActivityCreate.shape[field]);
/** The picked range as the API's start; the order of start and end is the server's check. */
const timeRules = fieldRules(zActivityCreate.shape.startAt, {
  from: (range: [Dayjs, Dayjs]) => toShanghai(range[0]),
});

function findNode(nodes: OrgTreeNode[], id: string | undefined): OrgTreeNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const hit = findNode(n.children, id);
    if (hit) return hit;
  }
}

/** Plan a new activity, or edit one (its community stays). */
export function ActivityFormDialog(props: {
  open: boolean;
  activity?: ActivityDetail;
  onClose: () => void;
  onSaved?: (a: ActivityDetail) => void;
}) {
  const { t } = useTranslation();
  const { activity: a } = props;
  const [form] = Form.useForm<Values>();
  const writes = useActivityWrites();
  const tree = useOrgTree(false);
  const partners = usePartners();
  const surveys = usePublishedSurveys(props.open);
  // Made once per dialog, so a resend after a lost answer creates nothing twice.
  const [newId] = useState(() => uuidv7());
  const communityId = Form.useWatch('communityId', form) ?? a?.communityId;
  const community = findNode(tree.data ?? [], communityId);
  // Partners are the street's: those whose street lies on the community's path.
  const choices = (partners.data ?? []).filter(
    (p) => !community || community.path.includes(`/${p.streetId}/`),
  );
  const f = useFieldLabel();

  const submit = async (v: Values) => {
    const body = {
      title: v.title,
      type: v.type,
      startAt: toShanghai(v.time[0]),
      endAt: toShanghai(v.time[1]),
      place: v.place,
      capacity: v.capacity ?? null,
      partnerIds: v.partnerIds ?? [],
      description: v.description || null,
      surveyId: v.surveyId || null,
    };
    const saved = a
      ? await writes.update(a.id, { ...body, version: a.version })
      : await writes.create({ ...body, id: newId, communityId: v.communityId });
    props.onSaved?.(saved);
  };

  return (
    <FormModal<Values>
      name="activity-form"
      open={props.open}
      title={a ? t('activities.ui.editTitle') : t('activities.ui.create')}
      form={form}
      onSubmit={submit}
      onClose={props.onClose}
      width={640}
      codeFields={{ ACTIVITY_TIME_ORDER: 'time', ACTIVITY_CAPACITY_BELOW_CHECKED_IN: 'capacity' }}
      initialValues={
        a
          ? {
              title: a.title,
              type: a.type,
              communityId: a.communityId,
              time: [fromShanghai(a.startAt), fromShanghai(a.endAt)],
              place: a.place,
              capacity: a.capacity,
              partnerIds: a.partners.map((p) => p.id),
              description: a.description ?? undefined,
              surveyId: a.surveyId,
            }
          : { type: 'freeClinic' }
      }
    >
      <Form.Item name="title" label={f('title')} rules={rules.title}>
        <Input maxLength={max('title')} />
      </Form.Item>
      <Form.Item name="type" label={f('type')} rules={rules.type}>
        <Select
          options={activityTypes.map((v) => ({ value: v, label: t(`activities.types.${v}`) }))}
        />
      </Form.Item>
      {!a && (
        <Form.Item name="communityId" label={f('community')} rules={rules.communityId}>
          <OrgUnitSelect
            tree={tree.data ?? []}
            loading={tree.isPending}
            canPick={(n) => n.kind === 'community'}
            pickOnlyChoice
          />
        </Form.Item>
      )}
      <Form.Item name="time" label={f('time')} rules={timeRules}>
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm', minuteStep: 5 }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name="place" label={f('place')} rules={rules.place}>
        <Input maxLength={max('place')} />
      </Form.Item>
      <Form.Item
        name="capacity"
        label={f('capacity')}
        extra={t('activities.ui.capacityHint')}
        rules={rules.capacity}
      >
        <InputNumber {...boundsOf(zActivityCreate.shape.capacity)} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="partnerIds" label={f('partners')} rules={rules.partnerIds}>
        <Select
          mode="multiple"
          loading={partners.isPending}
          optionFilterProp="label"
          options={choices.map((p) => ({
            value: p.id,
            label: `${p.name}（${t(`activities.partnerKinds.${p.kind}`)}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="description" label={f('description')} rules={rules.description}>
        <Input.TextArea rows={3} maxLength={max('description')} />
      </Form.Item>
      <Form.Item name="surveyId" label={f('survey')}>
        <Select
          allowClear
          loading={surveys.isPending}
          options={(surveys.data ?? []).map((s) => ({ value: s.id, label: s.title }))}
        />
      </Form.Item>
    </FormModal>
  );
}
