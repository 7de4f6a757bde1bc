import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Card, List, Result, Segmented, Skeleton, Space, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { formatTime } from '../../i18n';
import { useTranslation } from 'react-i18next';
import type { Checklist, ChecklistItem, ChecklistVersion } from '../../../../common/schemas/places';
import { apiGet } from '../../api';
import { isAdmin, useMe } from '../../auth';
import { ListState } from '../../components/list-state';
import { ChecklistFormDialog } from './checklist-form-dialog';

/** 检查表: the checklists of the caller's district and street; administrators add and edit them. */
export function ChecklistsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = isAdmin(useMe());
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['checklists', 'all'],
    queryFn: async () =>
      (await apiGet<{ items: Checklist[] }>('/checklists', { includeRetired: 'true' })).items,
  });
  const items = list.data ?? [];
  return (
    <Card
      title={t('placeUi.checklists.title')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('placeUi.checklists.create')}
          </Button>
        )
      }
    >
      <ChecklistFormDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => void navigate(`/checklists/${c.id}`)}
      />
      <ListState
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={items.length === 0}
        emptyText={t('placeUi.checklists.empty')}
      >
        <List
          dataSource={items}
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/checklists/${c.id}`}>{c.name}</Link>}
                description={
                  <Space size={4} wrap>
                    <Tag color="blue">{t(`places.checklistTopics.${c.topic}`)}</Tag>
                    <span>{t('places.checklistVersion', { number: c.currentVersion })}</span>
                    <span>· {t('placeUi.checklists.itemCount', { count: c.items.length })}</span>
                    <span>· {c.ownerName}</span>
                    {c.status === 'retired' && <Tag>{t('placeUi.checklists.retired')}</Tag>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </ListState>
    </Card>
  );
}

function Items({ items }: { items: ChecklistItem[] }) {
  const { t } = useTranslation();
  return (
    <List
      dataSource={items}
      renderItem={(item, i) => (
        <List.Item>
          <List.Item.Meta
            title={`${i + 1}. ${item.text}`}
            description={
              <Space size={4} wrap>
                {item.category && <Tag>{item.category}</Tag>}
                <span>{t(`places.photoRequired.${item.photoRequired}`)}</span>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** 检查表详情: the items of the current version, and any earlier version on demand. */
export function ChecklistPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const canWrite = isAdmin(useMe());
  const [editing, setEditing] = useState(false);
  const checklist = useQuery({
    queryKey: ['checklists', id],
    queryFn: () => apiGet<Checklist>(`/checklists/${id}`),
  });
  const [number, setNumber] = useState<number>();
  const shown = number ?? checklist.data?.currentVersion;
  const version = useQuery({
    queryKey: ['checklists', id, 'versions', shown],
    queryFn: () => apiGet<ChecklistVersion>(`/checklists/${id}/versions/${shown}`),
    enabled: shown !== undefined && shown !== checklist.data?.currentVersion,
  });

  if (checklist.isPending) return <Skeleton active />;
  if (checklist.error) return <Result status="warning" title={t('placeUi.checklists.notFound')} />;
  const c = checklist.data;
  const numbers = Array.from({ length: c.currentVersion }, (_, i) => c.currentVersion - i);
  const current = shown === c.currentVersion;

  return (
    <div className="page-stack">
      <Card
        title={
          <Space wrap>
            <span>{c.name}</span>
            <Tag color="blue">{t(`places.checklistTopics.${c.topic}`)}</Tag>
            {c.status === 'retired' && <Tag>{t('placeUi.checklists.retired')}</Tag>}
          </Space>
        }
        extra={
          canWrite &&
          c.status === 'active' && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('placeUi.checklists.edit')}
            </Button>
          )
        }
      >
        <ChecklistFormDialog
          open={editing}
          onClose={() => setEditing(false)}
          checklist={c}
          onSaved={() => setNumber(undefined)}
        />
        {c.description && <p>{c.description}</p>}
        <div className="muted">
          {t('placeUi.checklists.owner')}: {c.ownerName}
        </div>
      </Card>
      <Card
        size="small"
        title={t('placeUi.checklists.items')}
        extra={
          numbers.length > 1 && (
            <Segmented<number>
              size="small"
              value={shown}
              onChange={setNumber}
              options={numbers.map((n) => ({
                value: n,
                label: t('places.checklistVersion', { number: n }),
              }))}
            />
          )
        }
      >
        {current ? (
          <Items items={c.items} />
        ) : (
          <ListState
            loading={version.isPending}
            error={version.error}
            onRetry={() => void version.refetch()}
            empty={false}
            emptyText=""
          >
            {version.data && (
              <>
                <div className="muted">{formatTime(version.data.createdAt)}</div>
                <Items items={version.data.items} />
              </>
            )}
          </ListState>
        )}
      </Card>
    </div>
  );
}
