import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, Card, Result, Skeleton, Space, Tabs } from 'antd';
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../use-is-phone';
import { PhoneActionBar } from '../people/phone-action-bar';
import { useOperation, useOperationWrites } from './operations-api';
import { BatchForm, Batches } from './operation-batches';
import { Header } from './operation-header';
import { Log } from './operation-log';
import { Report } from './operation-report';
import { Roster, ShiftForm } from './operation-roster';
import { Supplies, SupplyForm } from './operation-supplies';

type TabKey = 'batches' | 'supplies' | 'roster' | 'log' | 'report';

/** 保障任务 page: the operation and its tabs 批次 · 物资 · 值班表 · 日志 · 报告. */
export function OperationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const query = useOperation(id);
  const writes = useOperationWrites(id);
  const [tab, setTab] = useState<TabKey>('batches');
  const [adding, setAdding] = useState<TabKey>();

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.error || !query.data)
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={query.error?.message}
        extra={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
      />
    );
  const op = query.data;
  const addLabel: Partial<Record<TabKey, string>> = {
    batches: t('operations.actions.addBatch'),
    supplies: t('operations.actions.addSupply'),
    roster: t('operations.actions.addShift'),
  };
  const addButton = op.canManage && addLabel[tab] && (
    <Button
      type={isPhone ? 'primary' : 'default'}
      size={isPhone ? 'large' : undefined}
      block={isPhone}
      icon={<PlusOutlined />}
      onClick={() => setAdding(tab)}
    >
      {addLabel[tab]}
    </Button>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="operation-page">
      <Header op={op} writes={writes} />
      <Card size={isPhone ? 'small' : undefined} styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as TabKey)}
          tabBarExtraContent={isPhone ? undefined : addButton}
          tabBarGutter={isPhone ? 12 : undefined}
          items={[
            {
              key: 'batches',
              label: isPhone
                ? t('operations.tabs.batches')
                : `${t('operations.tabs.batches')} ${op.departedCount}/${op.batchCount}`,
              children: <Batches op={op} writes={writes} />,
            },
            {
              key: 'supplies',
              label: t('operations.tabs.supplies'),
              children: <Supplies op={op} writes={writes} />,
            },
            {
              key: 'roster',
              label: (
                <span>
                  {t('operations.tabs.roster')}
                  {op.roster.uncoveredMinutes > 0 && (
                    <WarningOutlined style={{ color: '#cf1322', marginLeft: 4 }} />
                  )}
                </span>
              ),
              children: <Roster op={op} writes={writes} />,
            },
            {
              key: 'log',
              label: t('operations.tabs.log'),
              children: <Log op={op} writes={writes} />,
            },
            { key: 'report', label: t('operations.tabs.report'), children: <Report op={op} /> },
          ]}
        />
      </Card>
      {isPhone && addButton && <PhoneActionBar>{addButton}</PhoneActionBar>}
      <BatchForm
        op={op}
        writes={writes}
        open={adding === 'batches'}
        onClose={() => setAdding(undefined)}
      />
      <SupplyForm
        writes={writes}
        open={adding === 'supplies'}
        onClose={() => setAdding(undefined)}
      />
      <ShiftForm
        op={op}
        writes={writes}
        open={adding === 'roster'}
        onClose={() => setAdding(undefined)}
      />
    </Space>
  );
}
