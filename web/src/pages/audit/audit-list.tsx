import { Card, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../common/schemas/audit';
import { formatTime } from '../../i18n';

const resultColors: Record<AuditEntry['result'], string> = {
  ok: 'green',
  denied: 'orange',
  failed: 'red',
};

function ResultTag({ result }: { result: AuditEntry['result'] }) {
  const { t } = useTranslation();
  return <Tag color={resultColors[result]}>{t(`auditResults.${result}`)}</Tag>;
}

const dash = '—';

export function AuditTable({ items, loading }: { items: AuditEntry[]; loading: boolean }) {
  const { t } = useTranslation();
  // Sized to fit the 1280 px desk without sideways scrolling; ids are cut with the full text on hover.
  const columns: TableProps<AuditEntry>['columns'] = [
    { key: 'at', title: t('auditColumns.at'), width: 140, render: (_, e) => formatTime(e.at) },
    {
      key: 'username',
      title: `${t('auditColumns.username')} / ${t('auditColumns.ip')}`,
      width: 130,
      render: (_, e) => (
        <>
          <div>{e.username ?? dash}</div>
          {e.ip && <div className="muted small">{e.ip}</div>}
        </>
      ),
    },
    {
      key: 'action',
      title: t('auditColumns.action'),
      width: 170,
      render: (_, e) => <code className="audit-action">{e.action}</code>,
    },
    {
      key: 'entity',
      title: t('auditColumns.entity'),
      width: 160,
      render: (_, e) =>
        e.entity ? (
          <>
            <div>{e.entity}</div>
            {e.entityId && (
              <Typography.Text
                type="secondary"
                className="mono small"
                ellipsis={{ tooltip: e.entityId }}
                style={{ maxWidth: 140 }}
              >
                {e.entityId}
              </Typography.Text>
            )}
          </>
        ) : (
          dash
        ),
    },
    {
      key: 'result',
      title: t('auditColumns.result'),
      width: 90,
      render: (_, e) => <ResultTag result={e.result} />,
    },
    {
      key: 'changedFields',
      title: t('auditColumns.changedFields'),
      width: 150,
      render: (_, e) => (e.changedFields.length ? e.changedFields.join(', ') : dash),
    },
    { key: 'detail', title: t('auditColumns.detail'), render: (_, e) => e.detail ?? dash },
  ];
  return (
    <Table<AuditEntry>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 900 }}
      size="middle"
    />
  );
}

export function AuditCards({ items }: { items: AuditEntry[] }) {
  const { t } = useTranslation();
  return (
    <div className="card-list">
      {items.map((e) => (
        <Card key={e.id} size="small">
          <div className="audit-card-head">
            <code>{e.action}</code>
            <ResultTag result={e.result} />
          </div>
          <div className="muted">
            {formatTime(e.at)} · {e.username ?? dash}
          </div>
          {e.entity && (
            <div>
              {t('auditColumns.entity')}: {e.entity}
            </div>
          )}
          {e.changedFields.length > 0 && (
            <div>
              {t('auditColumns.changedFields')}: {e.changedFields.join(', ')}
            </div>
          )}
          {e.detail && <div>{e.detail}</div>}
        </Card>
      ))}
    </div>
  );
}
