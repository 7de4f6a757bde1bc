import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Space, Tag } from 'antd';
import type { TableProps } from 'antd';
import { BarChartOutlined, EditOutlined, FileExcelOutlined, FormOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../common/roles';
import { surveyStatuses, type Survey, type SurveyStatus } from '../../../../common/schemas/surveys';
import { apiDownload } from '../../api';
import { useMe } from '../../auth';
import { RegisterCard } from '../../components/register/register-card';
import { FilterSearch, FilterSelect } from '../../components/register/register-filters';
import { RegisterPage } from '../../components/register/register-page';
import { useRegisterQuery } from '../../components/register/register-query';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { useSurveyList, type SurveyListQuery } from './surveys-api';

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

const filterKeys = ['q', 'status'] as const;
type Filters = Pick<SurveyListQuery, (typeof filterKeys)[number]>;

/** 问卷台账: the surveys of the caller's units, with results, answering and the answers' Excel. */
export function SurveysPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const me = useMe();
  const navigate = useNavigate();
  const has = (roles: readonly Role[]) => me.roles.some((r) => roles.includes(r.role));
  const canBuild = has(surveyBuilders);
  const canRecord = has(surveyRecorders);
  const query = useRegisterQuery<Filters>(filterKeys);
  const list = useSurveyList({ ...query.filters, page: query.page, pageSize: query.pageSize });
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
  const columns: TableProps<Survey>['columns'] = [
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
    { title: t('surveys.columns.version'), key: 'version', render: (_, s) => versionText(s) },
    { title: t('surveys.columns.answers'), dataIndex: 'answers', align: 'right' },
    {
      title: t('surveys.columns.updatedAt'),
      key: 'updatedAt',
      onCell: nowrap,
      render: (_, s) => formatTime(s.updatedAt),
    },
    { title: t('surveys.columns.actions'), key: 'actions', render: (_, s) => actions(s) },
  ];

  return (
    <RegisterPage
      title={t('surveys.listTitle')}
      query={query}
      list={list}
      mainAction={canBuild && { label: t('surveys.create'), to: '/surveys/new' }}
      filters={
        <>
          <FilterSearch label={t('surveys.search')} />
          <FilterSelect
            name="status"
            label={t('surveys.allStatuses')}
            options={surveyStatuses.map((s) => ({ value: s, label: t(`surveys.statuses.${s}`) }))}
          />
        </>
      }
      columns={columns}
      card={(s) => (
        <RegisterCard
          to={`/surveys/${s.id}`}
          title={s.title}
          tags={<SurveyStatusTag status={s.status} />}
          actions={actions(s)}
        >
          <div className="muted small">
            {s.orgUnit.name} · {versionText(s)} · {t('surveys.columns.answers')} {s.answers}
          </div>
        </RegisterCard>
      )}
      empty={{ text: canBuild ? t('surveys.empty') : t('surveys.emptyAnswerable') }}
    />
  );
}
