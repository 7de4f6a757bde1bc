import { useState } from 'react';
import { Button, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  partnerKinds,
  zPartnerCreate,
  type Partner,
  type PartnerKind,
} from '../../../../common/schemas/activities';
import { useMe } from '../../auth';
import { FormModal } from '../../components/form-modal';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { useOrgTree } from '../org/org-api';
import { ListState } from '../../components/list-state';
import { maxLengthOf, requiredRule, schemaRules } from '../../components/zod-form';

const rules = schemaRules(zPartnerCreate);
import { useFieldLabel } from './activities-page';
import { useActivityWrites, usePartners } from './activities-api';

interface Values {
  streetId?: string;
  name: string;
  kind: PartnerKind;
  contact?: string;
}

/** 合作机构: the street's partner organisations, reused by every activity of its communities. */
export function PartnersDialog(props: { open: boolean; canManage: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const partners = usePartners();
  const writes = useActivityWrites();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<Partner | 'new'>();
  const [newId, setNewId] = useState(() => uuidv7());
  // A district admin names the street; everyone else works in one.
  const district = useMe().roles.some((r) => r.role === 'districtAdmin');
  const tree = useOrgTree(false);
  const items = partners.data ?? [];
  const f = useFieldLabel();

  const submit = async (v: Values) => {
    const body = { name: v.name, kind: v.kind, contact: v.contact || null };
    if (editing === 'new') {
      await writes.createPartner({ ...body, id: newId, streetId: v.streetId });
      setNewId(uuidv7());
    } else if (editing)
      await writes.updatePartner(editing.id, { ...body, version: editing.version });
  };

  return (
    <Modal
      open={props.open}
      title={t('activities.ui.partnersTitle')}
      onCancel={props.onClose}
      footer={
        props.canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('activities.ui.addPartner')}
          </Button>
        )
      }
    >
      <ListState
        loading={partners.isPending}
        error={partners.error}
        onRetry={() => void partners.refetch()}
        empty={items.length === 0}
        emptyText={t('activities.ui.partnersEmpty')}
      >
        <List
          dataSource={items}
          renderItem={(p) => (
            <List.Item
              actions={
                props.canManage
                  ? [
                      <Button
                        key="edit"
                        type="link"
                        icon={<EditOutlined />}
                        aria-label={t('common.edit')}
                        onClick={() => setEditing(p)}
                      />,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space>
                    {p.name}
                    <Tag>{t(`activities.partnerKinds.${p.kind}`)}</Tag>
                  </Space>
                }
                description={
                  <Space split="·">
                    {p.contact && <span>{p.contact}</span>}
                    <Typography.Text type="secondary">
                      {t('activities.ui.partnerActivities', { n: p.activities })}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </ListState>
      <FormModal<Values>
        name="partner-form"
        open={editing !== undefined}
        title={editing === 'new' ? t('activities.ui.addPartner') : t('common.edit')}
        form={form}
        onSubmit={submit}
        onClose={() => setEditing(undefined)}
        codeFields={{ PARTNER_STREET_REQUIRED: 'streetId' }}
        initialValues={
          editing && editing !== 'new'
            ? { name: editing.name, kind: editing.kind, contact: editing.contact ?? undefined }
            : { kind: 'hospital' }
        }
      >
        {district && editing === 'new' && (
          <Form.Item
            name="streetId"
            label={t('orgKinds.street')}
            // Optional in the API for staff of one street; a district admin names it.
            rules={[requiredRule(), ...rules.streetId]}
          >
            <OrgUnitSelect
              tree={tree.data ?? []}
              loading={tree.isPending}
              canPick={(n) => n.kind === 'street'}
            />
          </Form.Item>
        )}
        <Form.Item name="name" label={f('partnerName')} rules={rules.name}>
          <Input maxLength={maxLengthOf(zPartnerCreate.shape.name)} />
        </Form.Item>
        <Form.Item name="kind" label={f('partnerKind')} rules={rules.kind}>
          <Select
            options={partnerKinds.map((k) => ({
              value: k,
              label: t(`activities.partnerKinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="contact" label={f('contact')} rules={rules.contact}>
          <Input maxLength={maxLengthOf(zPartnerCreate.shape.contact)} />
        </Form.Item>
      </FormModal>
    </Modal>
  );
}
