import { Card, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, CoverageRow } from '../../../../common/schemas/campaigns';
import { useIsPhone } from '../../use-is-phone';
import { CoverageBar } from './campaign-tags';

/** How far the campaign has got, per community or grid: a table on the desk, cards on a phone. */
export function CoverageCard({ campaign: c }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('campaigns.coverage.title')} className="campaign-coverage">
      <Tabs
        items={[
          {
            key: 'grid',
            label: t('campaigns.coverage.byGrid'),
            children: <CoverageTable rows={c.coverage.byGrid} />,
          },
          {
            key: 'community',
            label: t('campaigns.coverage.byCommunity'),
            children: <CoverageTable rows={c.coverage.byCommunity} />,
          },
          {
            key: 'worker',
            label: t('campaigns.coverage.byWorker'),
            children: (
              <>
                <CoverageTable rows={c.coverage.byWorker} worker />
                <Typography.Text type="secondary">
                  {t('campaigns.coverage.workerNote')}
                </Typography.Text>
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}

function CoverageTable({ rows, worker }: { rows: CoverageRow[]; worker?: boolean }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const k = 'campaigns.coverage';
  // Seven columns do not fit 390 px (headers wrapped a character a line, 覆盖率 cut off): on a
  // phone each unit is a card of its figures, its coverage bar full width below them.
  if (isPhone) return <CoverageCards rows={rows} worker={worker} />;
  return (
    <Table<CoverageRow>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: t(`${k}.name`),
          render: (_, r) => (r.communityName ? `${r.communityName} ${r.name}` : r.name),
        },
        ...(worker ? [] : [{ title: t(`${k}.target`), dataIndex: 'target' as const }]),
        { title: t(`${k}.visited`), dataIndex: 'visited' },
        { title: t(`${k}.reached`), dataIndex: 'reached' },
        { title: t(`${k}.notHome`), dataIndex: 'notHome' },
        { title: t(`${k}.refused`), dataIndex: 'refused' },
        ...(worker
          ? []
          : [
              {
                title: t(`${k}.share`),
                width: 200,
                render: (_: unknown, r: CoverageRow) => (
                  <CoverageBar reached={r.reached} target={r.target ?? 0} share={r.share} />
                ),
              },
            ]),
      ]}
    />
  );
}

function CoverageCards({ rows, worker }: { rows: CoverageRow[]; worker?: boolean }) {
  const { t } = useTranslation();
  const k = 'campaigns.coverage';
  return (
    <div className="coverage-cards">
      {rows.map((r) => {
        const figures: {
          key: 'target' | 'visited' | 'reached' | 'notHome' | 'refused';
          value: number;
        }[] = [
          ...(worker ? [] : [{ key: 'target' as const, value: r.target ?? 0 }]),
          { key: 'visited', value: r.visited },
          { key: 'reached', value: r.reached },
          { key: 'notHome', value: r.notHome },
          { key: 'refused', value: r.refused },
        ];
        return (
          <section key={r.id} className="coverage-unit" aria-label={r.name}>
            <Typography.Text strong className="coverage-unit-name">
              {r.communityName ? `${r.communityName} ${r.name}` : r.name}
            </Typography.Text>
            <dl className="coverage-figures">
              {figures.map((f) => (
                <div key={f.key}>
                  <dt>{t(`${k}.${f.key}`)}</dt>
                  <dd>{f.value}</dd>
                </div>
              ))}
            </dl>
            {!worker && (
              <div className="coverage-share">
                <span className="coverage-share-label">{t(`${k}.share`)}</span>
                <CoverageBar reached={r.reached} target={r.target ?? 0} share={r.share} />
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
