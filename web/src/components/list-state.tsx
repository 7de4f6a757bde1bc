import type { ReactNode } from 'react';
import { Button, Empty, Result, Skeleton } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';

interface Props {
  loading: boolean;
  error: Error | null;
  onRetry: () => void;
  empty: boolean;
  emptyText: string;
  /** what to do next, shown under the empty text */
  emptyHint?: ReactNode;
  children: ReactNode;
}

/** The three states every list must show besides its rows: loading, failed with retry, empty. */
export function ListState({
  loading,
  error,
  onRetry,
  empty,
  emptyText,
  emptyHint,
  children,
}: Props) {
  const { t } = useTranslation();
  if (loading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (error instanceof ApiError && error.status === 403) {
    // Asking again will not help: say why, without a retry button that cannot work.
    return <Result status="403" title={error.message} />;
  }
  if (error) {
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={error.message}
        extra={
          <Button type="primary" icon={<ReloadOutlined />} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (empty) {
    return (
      <Empty
        description={
          <>
            <div>{emptyText}</div>
            {emptyHint && <div className="muted">{emptyHint}</div>}
          </>
        }
      />
    );
  }
  return children;
}
