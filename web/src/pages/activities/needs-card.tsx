import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Form, Input, List, Radio, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { zNeedCreate, type ActivityDetail } from '../../../../common/schemas/activities';
import { issueCategories, type IssueCategory } from '../../../../common/schemas/issues';
import type { OrgTreeNode } from '../../../../common/schemas/org';
import { useMe } from '../../auth';
import { FormModal } from '../../components/form-modal';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { maxLengthOf, schemaRules } from '../../components/zod-form';
import { formatTime } from '../../i18n';
import { PhotoField } from '../issues/photo-field';
import { useOrgTree } from '../org/org-api';
import { useFieldLabel } from './activities-page';
import { useActivityWrites, useAttendance } from './activities-api';

/** A need becomes an issue or a case referral: the API takes each in its own shape. */
const [issueNeed, referralNeed] = zNeedCreate.options;
const asIssue = schemaRules(issueNeed);
const asReferral = schemaRules(referralNeed);

/** 发现的需求: what was noticed at the activity and the issue or referral each became. */
export function NeedsCard({ activity: a }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const canAdd = a.rights.checkIn && (a.status === 'planned' || a.status === 'ongoing');
  return (
    <Card
      size="small"
      title={t('activities.ui.needs')}
      extra={
        canAdd && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('activities.ui.addNeed')}
          </Button>
        )
      }
    >
      {a.needs.length === 0 ? (
        <Typography.Text type="secondary">{t('activities.ui.needsEmpty')}</Typography.Text>
      ) : (
        <List
          dataSource={a.needs}
          renderItem={(n) => (
            <List.Item
              extra={
                n.kind === 'issue' ? (
                  <Link to={`/issues/${n.targetId}`}>{t('activities.ui.openIssue')}</Link>
                ) : (
                  <Typography.Text type="secondary">
                    {t('activities.ui.openReferral')}
                  </Typography.Text>
                )
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Tag color={n.kind === 'issue' ? 'orange' : 'purple'}>
                      {t(`activities.needKinds.${n.kind}`)}
                    </Tag>
                    {n.name && <span>{n.name}</span>}
                  </Space>
                }
                description={
                  <>
                    <div>{n.description}</div>
                    <Typography.Text type="secondary">
                      {formatTime(n.createdAt)} · {n.createdBy}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <NeedDialog activity={a} open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}

interface NeedValues {
  kind: 'issue' | 'referral';
  category: IssueCategory;
  gridId: string;
  description: string;
  photoIds?: string[];
  attendanceId?: string;
  name?: string;
  phone?: string;
}

function within(nodes: OrgTreeNode[], id: string): OrgTreeNode[] {
  for (const n of nodes) {
    if (n.id === id) return [n];
    const hit = within(n.children, id);
    if (hit.length) return hit;
  }
  return [];
}

function NeedDialog(props: { activity: ActivityDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NeedValues>();
  const writes = useActivityWrites();
  const tree = useOrgTree(false);
  const attendance = useAttendance(props.activity.id);
  const [ids, setIds] = useState(() => ({ id: uuidv7(), targetId: uuidv7() }));
  const kind = Form.useWatch('kind', form) ?? 'issue';
  const f = useFieldLabel();
  // The issue is most likely in one of the organising community's grids: offer those first.
  const community = within(tree.data ?? [], props.activity.communityId);
  // A grid worker most often reports in their own grid.
  const myGrid = useMe().roles.find((r) => r.role === 'gridWorker' && r.orgUnitKind === 'grid');

  const submit = async (v: NeedValues) => {
    const base = { ...ids, description: v.description, attendanceId: v.attendanceId || undefined };
    await writes.need(
      props.activity.id,
      v.kind === 'issue'
        ? { ...base, kind: 'issue', category: v.category, gridId: v.gridId, photoIds: v.photoIds }
        : { ...base, kind: 'referral', name: v.name || undefined, phone: v.phone || null },
    );
    setIds({ id: uuidv7(), targetId: uuidv7() });
    void message.success(t('activities.ui.needSaved'));
  };

  return (
    <FormModal<NeedValues>
      name="activity-need"
      open={props.open}
      title={t('activities.ui.addNeed')}
      form={form}
      initialValues={{ kind: 'issue', category: 'livelihoodRequest', gridId: myGrid?.orgUnitId }}
      codeFields={{ ACTIVITY_NEED_NAME_REQUIRED: 'name' }}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <Form.Item name="kind">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'issue', label: t('activities.ui.needAsIssue') },
            { value: 'referral', label: t('activities.ui.needAsReferral') },
          ]}
        />
      </Form.Item>
      <Form.Item name="description" label={f('need')} rules={asIssue.description}>
        <Input.TextArea rows={3} maxLength={maxLengthOf(issueNeed.shape.description)} />
      </Form.Item>
      <Form.Item name="attendanceId" label={f('whose')} rules={asIssue.attendanceId}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(attendance.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
        />
      </Form.Item>
      {kind === 'issue' ? (
        <>
          <Form.Item name="category" label={f('category')} rules={asIssue.category}>
            <Select
              options={issueCategories.map((c) => ({
                value: c,
                label: t(`issues.categories.${c}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="gridId" label={f('grid')} rules={asIssue.gridId}>
            <OrgUnitSelect
              tree={community.length ? community : (tree.data ?? [])}
              loading={tree.isPending}
              canPick={(n) => n.kind === 'grid'}
            />
          </Form.Item>
          <Form.Item name="photoIds" label={t('issueUi.photos.label')}>
            <PhotoField />
          </Form.Item>
        </>
      ) : (
        <Space.Compact block>
          <Form.Item name="name" label={f('name')} rules={asReferral.name} style={{ flex: 1 }}>
            <Input maxLength={maxLengthOf(referralNeed.shape.name)} />
          </Form.Item>
          <Form.Item name="phone" label={f('phone')} rules={asReferral.phone} style={{ flex: 1 }}>
            <Input maxLength={13} inputMode="tel" />
          </Form.Item>
        </Space.Compact>
      )}
    </FormModal>
  );
}
