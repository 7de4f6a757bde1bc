import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Dropdown,
  Form,
  Row,
  Skeleton,
  Space,
} from 'antd';
import { EllipsisOutlined, HomeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../common/schemas/cases';
import { shanghaiDay } from '../../../../common/time';
import { ListState } from '../../components/list-state';
import { useIsPhone } from '../../use-is-phone';
import { PhoneActionBar } from '../people/phone-action-bar';
import { useCaseActions, type CaseAction } from './case-actions';
import { CaseDialogs, type CaseDialog } from './case-dialogs';
import { flowOf } from './case-flow';
import { CaseStages, type StageFormInstances } from './case-stages';
import { DueTag, RiskTag, StageTag } from './case-tags';
import { CaseTimeline } from './case-timeline';
import { useCase } from './cases-api';
import { PublicationDialog } from './publication-dialog';
import { Referrals } from './referrals';
import { ServiceRecords } from './service-records';

export function CasePage() {
  const { id = '' } = useParams();
  const query = useCase(id);
  if (query.isPending || query.error) {
    return (
      <Card>
        <ListState
          loading={query.isPending}
          error={query.error}
          onRetry={() => void query.refetch()}
          empty={false}
          emptyText=""
        >
          <Skeleton />
        </ListState>
      </Card>
    );
  }
  return <CaseView c={query.data} />;
}

function useStageForms(): StageFormInstances {
  const [intake] = Form.useForm();
  const [assessment] = Form.useForm();
  const [plan] = Form.useForm();
  const [evaluation] = Form.useForm();
  const [closure] = Form.useForm();
  return { intake, assessment, plan, evaluation, closure };
}

function CaseView({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const flow = flowOf(c);
  const forms = useStageForms();
  const [dialog, setDialog] = useState<CaseDialog>(null);
  const [publishing, setPublishing] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const { primary, secondary } = useCaseActions({
    c,
    flow,
    forms,
    openDialog: (next) => {
      setSheetOpen(false);
      setDialog(next);
    },
    openPublication: () => {
      setSheetOpen(false);
      setPublishing(true);
    },
  });

  const button = (a: CaseAction, large = false) => (
    <Button
      key={a.key}
      icon={a.icon}
      onClick={a.onClick}
      block={large}
      size={large ? 'large' : undefined}
    >
      {a.label}
    </Button>
  );
  const primaryButton = primary && (
    <Button
      type="primary"
      icon={primary.icon}
      onClick={primary.onClick}
      size={isPhone ? 'large' : undefined}
      block={isPhone}
      data-action={primary.key}
    >
      {primary.label}
    </Button>
  );
  // On the desk the bar shows a few actions and keeps the rest in a menu; on the phone they wait in a sheet.
  const few = secondary.length <= 4;
  const inline = secondary.filter((a) => few || ['addRecord', 'advance', 'print'].includes(a.key));
  const menu = secondary.filter((a) => !inline.includes(a));

  const details = (
    <Card className="case-details">
      <Descriptions
        column={1}
        size="small"
        // The desk's side column is narrow: labels above their values leave the text its width.
        layout={isPhone ? 'horizontal' : 'vertical'}
        className="case-facts"
        items={[
          {
            key: 'problem',
            label: t('cases.fields.presentingProblem'),
            children: <span className="pre-wrap">{c.presentingProblem}</span>,
          },
          {
            key: 'source',
            label: t('cases.fields.source'),
            children: t(`cases.sources.${c.source}`),
          },
          {
            key: 'worker',
            label: t('cases.fields.assignedWorker'),
            children: `${c.assignedWorker.displayName} · ${c.stationName}`,
          },
          {
            key: 'opened',
            label: t('cases.fields.openedAt'),
            children:
              shanghaiDay(c.openedAt) +
              (c.cycle > 1 ? ` · ${t('caseUi.page.cycle', { cycle: c.cycle })}` : ''),
          },
        ]}
      />
    </Card>
  );

  return (
    <div className="page-stack case-page">
      <div className={isPhone ? 'case-bar phone' : 'case-bar'}>
        <div className="case-bar-main">
          <h2 className="case-bar-name">
            {c.clientName}
            {c.clientAge !== null && (
              <span className="muted case-bar-age">{t('people.age', { age: c.clientAge })}</span>
            )}
          </h2>
          <StageTag stage={c.stage} />
          <RiskTag level={c.riskLevel} />
          <Link to={`/households/${c.householdId}`} className="case-bar-household">
            <HomeOutlined /> {t('caseUi.page.household')}
          </Link>
        </div>
        <div className="case-bar-next" data-testid="next-contact">
          <span className="muted">{t('caseUi.page.nextContact')}</span>
          {c.status === 'open' ? <DueTag date={c.nextContactDate} /> : <span>—</span>}
        </div>
        {!isPhone && (
          <Space wrap className="case-bar-actions">
            {primaryButton}
            {inline.map((a) => button(a))}
            {menu.length > 0 && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: menu.map((a) => ({ key: a.key, icon: a.icon, label: a.label })),
                  onClick: ({ key }) => menu.find((a) => a.key === key)?.onClick(),
                }}
              >
                <Button icon={<EllipsisOutlined />}>{t('caseUi.page.more')}</Button>
              </Dropdown>
            )}
          </Space>
        )}
      </div>

      <Row gutter={[16, 16]}>
        <Col span={isPhone ? 24 : 16}>
          <div className="page-stack">
            {isPhone && details}
            <CaseStages c={c} flow={flow} forms={forms} />
            <ServiceRecords c={c} />
          </div>
        </Col>
        <Col span={isPhone ? 24 : 8}>
          <div className="page-stack">
            {!isPhone && details}
            <Referrals c={c} />
            <CaseTimeline c={c} />
          </div>
        </Col>
      </Row>

      {isPhone && (
        <PhoneActionBar>
          <div className="phone-action-row">
            {primaryButton}
            <Button
              size="large"
              icon={<EllipsisOutlined />}
              aria-label={t('caseUi.page.more')}
              onClick={() => setSheetOpen(true)}
              className="phone-more"
            />
          </div>
        </PhoneActionBar>
      )}
      <Drawer
        open={sheetOpen}
        placement="bottom"
        size="auto"
        title={t('caseUi.page.more')}
        onClose={() => setSheetOpen(false)}
        focusable={{ focusTriggerAfterClose: false }}
      >
        <div className="sheet-buttons">{secondary.map((a) => button(a, true))}</div>
      </Drawer>
      <CaseDialogs c={c} dialog={dialog} onClose={() => setDialog(null)} />
      <PublicationDialog c={c} open={publishing} onClose={() => setPublishing(false)} />
    </div>
  );
}
