import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  Button,
  Card,
  Col,
  Empty,
  List,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Typography,
} from 'antd';
import { EditOutlined, FileExcelOutlined, FormOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SurveyQuestionResult } from '../../../../common/schemas/surveys';
import { ApiError } from '../../api';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { SurveyBarChart, type Bar } from './survey-chart';
import { SurveyStatusTag, useExportAnswers } from './surveys-page';
import { useSurvey, useSurveyResults } from './surveys-api';

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

function QuestionResult({ q, n }: { q: SurveyQuestionResult; n: number }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const meta = (
    <Typography.Text type="secondary">
      {t(`surveys.types.${q.type}`)} · {t('surveys.results.answered', { n: q.answered })}
    </Typography.Text>
  );
  const bars = useMemo<Bar[] | undefined>(() => {
    if (q.options)
      return q.options.map((o) => ({
        label: o.label,
        value: o.count,
        note: `${o.count} · ${percent(o.share)}`,
      }));
    if (q.distribution && (q.type === 'rating' || q.distribution.length <= 20))
      return q.distribution.map((d) => ({
        label: q.type === 'rating' ? t('surveys.results.score', { n: d.value }) : String(d.value),
        value: d.count,
      }));
    return undefined;
  }, [q, t]);
  return (
    <Card
      size="small"
      title={
        <span style={{ whiteSpace: 'normal' }}>
          {n}. {q.text}
        </span>
      }
      extra={!isPhone && meta}
      style={{ marginBottom: 16 }}
    >
      {isPhone && <div style={{ marginBottom: 8 }}>{meta}</div>}
      {(q.type === 'rating' || q.type === 'number') && q.average !== null && (
        <Space size="large" wrap style={{ marginBottom: 8 }}>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {t('surveys.results.average', { value: q.average })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('surveys.results.range', { min: q.min, max: q.max })}
          </Typography.Text>
        </Space>
      )}
      {q.type === 'text' ? (
        q.texts?.length ? (
          <List
            size="small"
            dataSource={q.texts}
            renderItem={(text) => <List.Item>{text}</List.Item>}
            style={{ maxHeight: 320, overflow: 'auto' }}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.results.noTexts')} />
        )
      ) : q.answered === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.results.noAnswers')} />
      ) : (
        bars && <SurveyBarChart bars={bars} horizontal={!!q.options} ariaLabel={q.text} />
      )}
    </Card>
  );
}

/** 问卷结果: one card and chart per question of a version, with the answers' Excel. */
export function SurveyResultsPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const versionId = params.get('versionId') ?? undefined;
  const survey = useSurvey(id);
  const results = useSurveyResults(survey.data?.currentVersionId ? id : undefined, versionId);
  const exporter = useExportAnswers();

  if (survey.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (survey.error)
    return (
      <Result
        status={survey.error instanceof ApiError && survey.error.status === 404 ? '404' : 'warning'}
        title={survey.error.message}
        extra={<Link to="/surveys">{t('surveys.listTitle')}</Link>}
      />
    );
  const s = survey.data;
  if (!s.currentVersionId)
    return <Result status="info" title={t('surveys.results.notPublished')} />;
  const r = results.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={isPhone ? undefined : `${t('surveys.results.title')} · ${s.title}`}
        size={isPhone ? 'small' : undefined}
        extra={
          !isPhone && (
            <Space>
              {s.canEdit && (
                <Link to={`/surveys/${s.id}`}>
                  <Button icon={<EditOutlined />}>{t('surveys.edit')}</Button>
                </Link>
              )}
              {s.canAnswer && (
                <Link to={`/surveys/${s.id}/answer`}>
                  <Button icon={<FormOutlined />}>{t('surveys.record')}</Button>
                </Link>
              )}
              <Button
                type="primary"
                icon={<FileExcelOutlined />}
                loading={exporter.busy === s.id}
                onClick={() => void exporter.run(s, r?.versionId)}
              >
                {t('surveys.exportAnswers')}
              </Button>
            </Space>
          )
        }
      >
        {isPhone && <Typography.Title level={5}>{s.title}</Typography.Title>}
        <Row gutter={[16, 16]} align="middle">
          <Col xs={24} md={8}>
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Text type="secondary">{t('surveys.results.version')}</Typography.Text>
              <Select
                style={{ width: '100%' }}
                size={isPhone ? 'large' : undefined}
                value={r?.versionId ?? versionId ?? s.currentVersionId}
                options={s.versions.map((v) => ({
                  value: v.id,
                  label: `${t('surveys.versionN', { n: v.version })} · ${formatTime(v.publishedAt)}`,
                }))}
                onChange={(v: string) => setParams({ versionId: v }, { replace: true })}
              />
            </Space>
          </Col>
          <Col xs={8} md={4}>
            <Statistic title={t('surveys.results.total')} value={r?.total ?? '–'} />
          </Col>
          <Col xs={8} md={4}>
            <Statistic title={t('surveys.results.households')} value={r?.households ?? '–'} />
          </Col>
          <Col xs={8} md={4}>
            <Space direction="vertical" size={4}>
              <Typography.Text type="secondary">{t('surveys.columns.status')}</Typography.Text>
              <SurveyStatusTag status={s.status} />
            </Space>
          </Col>
        </Row>
      </Card>
      {results.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : results.error ? (
        <Result
          status="warning"
          title={t('common.loadFailed')}
          subTitle={results.error.message}
          extra={<Button onClick={() => void results.refetch()}>{t('common.retry')}</Button>}
        />
      ) : r && r.total === 0 ? (
        <Card>
          <Empty description={t('surveys.results.noAnswers')} />
        </Card>
      ) : (
        <Row gutter={16}>
          {r?.questions.map((q, i) => (
            <Col key={q.questionId} xs={24} xl={12}>
              <QuestionResult q={q} n={i + 1} />
            </Col>
          ))}
        </Row>
      )}
    </Space>
  );
}
