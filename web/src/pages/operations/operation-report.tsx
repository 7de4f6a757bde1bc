import type { ReactNode } from 'react';
import { App, Button, Space, Statistic, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OperationDetail } from '../../../../common/schemas/operations';
import { apiDownload } from '../../api';
import { useIsPhone } from '../../use-is-phone';
import { hoursOf } from './operation-shared';

/** The 报告 tab: the figures of the completion report, and its PDF. */
export function Report({ op }: { op: OperationDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const served = op.batches
    .filter((b) => b.status === 'served' || b.status === 'departed')
    .reduce((n, b) => n + b.headCount, 0);
  const download = () =>
    apiDownload(`/operations/${op.id}/report.pdf`, {}, 'operation.pdf').catch(
      (e: Error) => void message.error(e.message),
    );
  const stats: [string, ReactNode][] = [
    [t('operations.fields.batchCount'), `${op.departedCount} / ${op.batchCount}`],
    [t('operations.fields.headCount'), `${served} / ${op.headCount}`],
    [t('operations.roster.staffHours'), op.roster.staffHours],
    [
      t('operations.roster.unattended'),
      <span key="u" style={{ color: op.roster.uncoveredMinutes ? '#cf1322' : undefined }}>
        {hoursOf(op.roster.uncoveredMinutes)} h
      </span>,
    ],
  ];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('operations.reportHint')}</Typography.Paragraph>
      <Space wrap size={isPhone ? 'middle' : 48}>
        {stats.map(([title, value]) => (
          <Statistic key={title} title={title} valueRender={() => value} value={0} />
        ))}
      </Space>
      <Button
        type="primary"
        icon={<FilePdfOutlined />}
        size="large"
        block={isPhone}
        onClick={() => void download()}
      >
        {t('operations.actions.report')}
      </Button>
    </Space>
  );
}
