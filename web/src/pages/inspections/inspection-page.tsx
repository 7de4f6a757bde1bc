import { useParams } from 'react-router';
import { Button, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useInspection } from './inspections-api';
import { Outcome } from './inspection-outcome';
import { Walkthrough } from './inspection-walkthrough';

/** 检查 page: a draft is walked through item by item; a submitted one shows its outcome. */
export function InspectionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const inspection = useInspection(id);
  if (inspection.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (inspection.error) {
    return (
      <Result
        status="warning"
        title={inspection.error.message}
        extra={<Button onClick={() => void inspection.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const data = inspection.data;
  return (
    <div className="inspection-page">
      <div className="inspection-head">
        <strong>{data.placeName}</strong>
        <span className="muted small">
          {data.checklistName} · {t(`places.modes.${data.mode}`)}
        </span>
      </div>
      {data.status === 'draft' ? <Walkthrough inspection={data} /> : <Outcome inspection={data} />}
    </div>
  );
}
