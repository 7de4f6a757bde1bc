import { useState } from 'react';
import { Link } from 'react-router';
import { Card, Input, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListState } from '../../components/list-state';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { useSensitiveAccess, type SensitiveRead } from './people-api';

/** 督导查看: every break-the-glass read in the supervisor's street, newest first. */
export function SensitiveAccessPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const reads = useSensitiveAccess();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const items = (reads.data ?? []).filter(
    (r) =>
      !needle ||
      [r.username, r.residentName, r.reason].some((s) => s.toLowerCase().includes(needle)),
  );
  const resident = (r: SensitiveRead) => (
    <Link to={`/residents/${r.residentId}`}>{r.residentName}</Link>
  );
  const columns: TableProps<SensitiveRead>['columns'] = [
    { key: 'at', title: t('people.access.at'), width: 150, render: (_, r) => formatTime(r.at) },
    { key: 'username', title: t('people.access.username'), width: 150, dataIndex: 'username' },
    {
      key: 'resident',
      title: t('people.access.resident'),
      width: 120,
      render: (_, r) => resident(r),
    },
    {
      key: 'field',
      title: t('people.access.field'),
      width: 120,
      render: (_, r) => t(`people.fields.${r.field}`),
    },
    { key: 'reason', title: t('people.access.reason'), dataIndex: 'reason' },
  ];
  return (
    <Card title={isPhone ? undefined : t('people.access.title')}>
      <Typography.Paragraph type="secondary">{t('people.access.intro')}</Typography.Paragraph>
      <div className="filter-bar">
        <Input.Search
          allowClear
          placeholder={t('people.access.filter')}
          aria-label={t('people.access.filter')}
          onChange={(e) => setFilter(e.target.value)}
          className="filter-search wide"
        />
      </div>
      <ListState
        loading={reads.isPending}
        error={reads.error}
        onRetry={() => void reads.refetch()}
        empty={items.length === 0}
        emptyText={t('people.access.empty')}
      >
        {isPhone ? (
          <div className="card-list">
            {items.map((r) => (
              <Card key={r.id} size="small">
                <div className="audit-card-head">
                  <strong>{resident(r)}</strong>
                  <span>{t(`people.fields.${r.field}`)}</span>
                </div>
                <div className="muted">
                  {formatTime(r.at)} · {r.username}
                </div>
                <div>{r.reason}</div>
              </Card>
            ))}
          </div>
        ) : (
          <Table<SensitiveRead>
            rowKey="id"
            columns={columns}
            dataSource={items}
            size="middle"
            pagination={{ pageSize: 20, showSizeChanger: false }}
          />
        )}
      </ListState>
    </Card>
  );
}
