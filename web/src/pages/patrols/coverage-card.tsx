import { Card, List, Progress, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { placeCategories } from '../../../../common/schemas/places';

import { useCoverage } from './patrols-api';

type PlaceCategory = (typeof placeCategories)[number];

/** Which places of the grid were visited this month: visited / total, and the ones still to go. */
export function CoverageCard({ gridId }: { gridId: string }) {
  const { t } = useTranslation();
  const coverage = useCoverage(gridId);
  const data = coverage.data;
  const unvisited = data?.places.filter((p) => p.visits === 0) ?? [];
  return (
    <Card
      size="small"
      title={t('patrolUi.coverageTitle')}
      extra={data?.gridName}
      className="patrol-coverage"
    >
      {!data ? (
        coverage.isError ? (
          <Typography.Text type="secondary">{t('common.loadFailed')}</Typography.Text>
        ) : (
          <Skeleton active paragraph={{ rows: 2 }} />
        )
      ) : data.total === 0 ? (
        <Typography.Text type="secondary">{t('patrolUi.noPlaces')}</Typography.Text>
      ) : (
        <>
          <Typography.Text strong>
            {t('patrolUi.coverageCount', { visited: data.visited, total: data.total })}
          </Typography.Text>
          <Progress
            percent={Math.round((data.visited / data.total) * 100)}
            status={data.visited === data.total ? 'success' : 'active'}
          />
          {unvisited.length === 0 ? (
            <Typography.Text type="success">{t('patrolUi.allVisited')}</Typography.Text>
          ) : (
            <List
              size="small"
              header={<Typography.Text type="secondary">{t('patrolUi.unvisited')}</Typography.Text>}
              dataSource={unvisited}
              renderItem={(p) => (
                <List.Item>
                  <Typography.Text>{p.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t(`places.categories.${p.category as PlaceCategory}`)}
                  </Typography.Text>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}
