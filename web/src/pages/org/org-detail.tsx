import { Button, Card, Descriptions, Popconfirm, Space, Tag } from 'antd';
import {
  DragOutlined,
  EditOutlined,
  PlusOutlined,
  RollbackOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OrgTreeNode } from '../../../../common/schemas/org';
import { formatTime } from '../../i18n';
import { OrgKindTag } from '../../components/org-kind-tag';
import type { OrgDialog } from './org-unit-forms';
import { childKinds } from './org-unit-forms';
import { UnitWebhooks } from './unit-webhooks';

interface Props {
  unit: OrgTreeNode;
  trail: OrgTreeNode[];
  canWrite: boolean;
  onDialog: (dialog: OrgDialog) => void;
  onRetire: () => Promise<void>;
  onRestore: () => Promise<void>;
  /** the phone shows the card inside a drawer that has its own title */
  bare?: boolean;
}

export function OrgDetail({ unit, trail, canWrite, onDialog, onRetire, onRestore, bare }: Props) {
  const { t } = useTranslation();
  const retired = unit.status === 'retired';
  const liveChildren = unit.children.filter((c) => c.status === 'active').length;

  const actions = canWrite ? (
    <Space wrap className="org-actions">
      <Button
        type="primary"
        icon={<PlusOutlined />}
        disabled={retired || childKinds(unit.kind).length === 0}
        title={childKinds(unit.kind).length === 0 ? t('org.noChildKinds') : undefined}
        onClick={() => onDialog('addChild')}
      >
        {t('org.addChild')}
      </Button>
      <Button icon={<EditOutlined />} disabled={retired} onClick={() => onDialog('edit')}>
        {t('common.edit')}
      </Button>
      <Button
        icon={<DragOutlined />}
        disabled={retired || !unit.parentId}
        onClick={() => onDialog('move')}
      >
        {t('org.move')}
      </Button>
      {retired ? (
        <Popconfirm
          title={t('org.restoreConfirm', { name: unit.name })}
          okText={t('org.restore')}
          cancelText={t('common.cancel')}
          onConfirm={onRestore}
        >
          <Button icon={<RollbackOutlined />}>{t('org.restore')}</Button>
        </Popconfirm>
      ) : (
        <Popconfirm
          title={t('org.retireConfirmTitle', { name: unit.name })}
          description={<div className="confirm-text">{t('org.retireConfirm')}</div>}
          okText={t('org.retire')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={onRetire}
        >
          <Button danger icon={<StopOutlined />} disabled={!unit.parentId}>
            {t('org.retire')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  ) : null;

  const body = (
    <>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'name', label: t('org.name'), children: unit.name },
          { key: 'kind', label: t('org.kind'), children: <OrgKindTag kind={unit.kind} /> },
          { key: 'code', label: t('org.code'), children: unit.code ?? t('org.noCode') },
          { key: 'path', label: t('org.path'), children: trail.map((n) => n.name).join(' / ') },
          {
            key: 'status',
            label: t('org.status'),
            children: retired ? (
              <Tag>{t('org.retired')}</Tag>
            ) : (
              <Tag color="green">{t('org.active')}</Tag>
            ),
          },
          { key: 'children', label: t('org.childCount'), children: liveChildren },
          { key: 'updatedAt', label: t('org.updatedAt'), children: formatTime(unit.updatedAt) },
        ]}
      />
      {actions}
      {canWrite && unit.status === 'active' && <UnitWebhooks unitId={unit.id} />}
    </>
  );
  if (bare) return body;
  return (
    <Card title={t('org.details')} data-testid="org-detail">
      {body}
    </Card>
  );
}
