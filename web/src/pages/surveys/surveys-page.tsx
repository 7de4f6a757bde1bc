import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Input, List, Select, Space, Table, Tag } from 'antd';
import {
  BarChartOutlined,
  EditOutlined,
  FileExcelOutlined,
  FormOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../common/roles';
import { surveyStatuses, type Survey, type SurveyStatus } from '../../../../common/schemas/surveys';
import { apiDownload } from '../../api';
import { useMe } from '../../auth';
import { ListState } from '../../components/list-state';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { PhoneActionBar } from '../people/phone-action-bar';
import { useSurveyPage } from './surveys-api';

/** Who builds surveys and who records answers (server: SURVEY_BUILDERS, SURVEY_RECORDERS). */
export const surveyBuilders: readonly Role[] = ['districtAdmin', 'streetAdmin', 'communityStaff'];
export const surveyRecorders: readonly Role[] = [
  'gridWorker',
  'communityStaff',
  'socialWorker',
  'streetAdmin',
];

const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

const statusColor: Record<SurveyStatus, string> = {
  draft: 'orange',
  published: 'processing',
  closed: 'default',
};

export function SurveyStatusTag({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`surveys.statuses.${status}`)}</Tag>;
}

/** Downloads the answers of a survey as an Excel register. */
export function useExportAnswers() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string>();
  const run = async (s: Pick<Survey, 'id' | 'title'>, versionId?: string) => {
    setBusy(s.id);
    try {
      await apiDownload(`/surveys/${s.id}/answers.xlsx`, { versionId }, `${s.title}.xlsx`);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(undefined);
    }
  };
  return { run, busy };
}

/** 问卷台账: the surveys of the caller's units, with results, answering and the answers' Excel. */
export function SurveysPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const me = useMe();
  const navigate = useNavigate();
  const has = (roles: readonly Role[]) => me.roles.some((r) => roles.includes(r.role));
  const canBuild = has(surveyBuilders);
  const canRecord = has(surveyRecorders);
  const [status, setStatus] = useState<SurveyStatus>();
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const list = useSurveyPage({ status, q: q || undefined, page, pageSize });
  const items = list.data?.items ?? [];
  const exporter = useExportAnswers();

  const versionText = (s: Survey) =>
    s.currentVersion ? t('surveys.versionN', { n: s.currentVersion }) : t('surveys.notPublished');
  const actions = (s: Survey) => (
    <Space wrap size={isPhone ? 'small' : 4}>
      {s.currentVersion > 0 && (
        <Button
          size={isPhone ? 'large' : 'small'}
          icon={<BarChartOutlined />}
          onClick={() => void navigate(`/surveys/${s.id}/results`)}
        >
          {t('surveys.showResults')}
        </Button>
      )}
      {canRecord && s.status === 'published' && (
        <Button
          size={isPhone ? 'large' : 'small'}
          type={isPhone ? 'primary' : 'default'}
          icon={<FormOutlined />}
          onClick={() => void navigate(`/surveys/${s.id}/answer`)}
        >
          {t('surveys.record')}
        </Button>
      )}
      {!isPhone && s.answers > 0 && (
        <Button
          size="small"
          icon={<FileExcelOutlined />}
          loading={exporter.busy === s.id}
          onClick={() => void exporter.run(s)}
        >
          {t('surveys.exportAnswers')}
        </Button>
      )}
    </Space>
  );

  const create = canBuild && (
    <Button
      type="primary"
      size={isPhone ? 'large' : undefined}
      block={isPhone}
      icon={<PlusOutlined />}
      onClick={() => void navigate('/surveys/new')}
    >
      {t('surveys.create')}
    </Button>
  );

  const body = (
    <ListState
      loading={list.isPending}
      error={list.error}
      onRetry={() => void list.refetch()}
      empty={items.length === 0}
      emptyText={canBuild ? t('surveys.empty') : t('surveys.emptyAnswerable')}
    >
      {isPhone ? (
        <List
          dataSource={items}
          renderItem={(s) => (
            <List.Item extra={<SurveyStatusTag status={s.status} />}>
              <List.Item.Meta
                title={<Link to={`/surveys/${s.id}`}>{s.title}</Link>}
                description={
                  <Space direction="vertical" size={8} style={{ width: '100%' }}>
                    <span>
                      {s.orgUnit.name} · {versionText(s)} · {t('surveys.columns.answers')}{' '}
                      {s.answers}
                    </span>
                    {actions(s)}
                  </Space>
                }
              />
            </List.Item>
          )}
          pagination={
            (list.data?.total ?? 0) > pageSize
              ? {
                  current: page,
                  pageSize,
                  total: list.data?.total,
                  onChange: setPage,
                  simple: true,
                }
              : false
          }
        />
      ) : (
        <Table<Survey>
          rowKey="id"
          dataSource={items}
          pagination={{ current: page, pageSize, total: list.data?.total, onChange: setPage }}
          columns={[
            {
              title: t('surveys.columns.title'),
              key: 'title',
              render: (_, s) => (
                <Link to={`/surveys/${s.id}`}>
                  {s.title} {canBuild && s.status !== 'closed' && <EditOutlined />}
                </Link>
              ),
            },
            {
              title: t('surveys.columns.unit'),
              key: 'unit',
              onCell: nowrap,
              render: (_, s) => s.orgUnit.name,
            },
            {
              title: t('surveys.columns.status'),
              key: 'status',
              render: (_, s) => <SurveyStatusTag status={s.status} />,
            },
            {
              title: t('surveys.columns.version'),
              key: 'version',
              render: (_, s) => versionText(s),
            },
            { title: t('surveys.columns.answers'), dataIndex: 'answers', align: 'right' },
            {
              title: t('surveys.columns.updatedAt'),
              key: 'updatedAt',
              onCell: nowrap,
              render: (_, s) => formatTime(s.updatedAt),
            },
            { title: t('surveys.columns.actions'), key: 'actions', render: (_, s) => actions(s) },
          ]}
        />
      )}
    </ListState>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={isPhone ? undefined : t('surveys.listTitle')}
        extra={!isPhone && create}
        size={isPhone ? 'small' : undefined}
      >
        <Space
          wrap
          direction={isPhone ? 'vertical' : 'horizontal'}
          style={{ marginBottom: 16, width: isPhone ? '100%' : undefined }}
        >
          <Input.Search
            allowClear
            size={isPhone ? 'large' : undefined}
            style={{ width: isPhone ? '100%' : 260 }}
            placeholder={t('surveys.search')}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
          <Select<SurveyStatus>
            allowClear
            size={isPhone ? 'large' : undefined}
            style={{ width: isPhone ? '100%' : 160 }}
            placeholder={t('surveys.allStatuses')}
            value={status}
            options={surveyStatuses.map((s) => ({ value: s, label: t(`surveys.statuses.${s}`) }))}
            onChange={(v?: SurveyStatus) => {
              setStatus(v);
              setPage(1);
            }}
          />
        </Space>
        {body}
      </Card>
      {isPhone && create && <PhoneActionBar>{create}</PhoneActionBar>}
    </Space>
  );
}
