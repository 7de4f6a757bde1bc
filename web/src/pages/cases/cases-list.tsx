import { Link } from 'react-router';
import { Tag } from 'antd';
import type { TableProps } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../../common/schemas/cases';
import { shanghaiDay } from '../../../../common/time';
import { RegisterCard } from '../../components/register/register-card';
import { DueTag, RiskTag, StageTag } from './case-tags';

const casePath = (c: Case) => `/cases/${c.id}`;

/** 待审核：服务计划 — what a case waits for, shown where its stage is. */
function PendingTag({ c }: { c: Case }) {
  const { t } = useTranslation();
  if (!c.pendingReview) return null;
  return (
    <Tag color="gold" icon={<AuditOutlined />} className="case-tag">
      {t('caseUi.list.pending', { form: t(`cases.forms.${c.pendingReview}`) })}
    </Tag>
  );
}

function ClientLine({ c }: { c: Case }) {
  const { t } = useTranslation();
  return (
    <span className="case-client">
      <strong>{c.clientName}</strong>
      {c.clientAge !== null && (
        <span className="muted">{t('people.age', { age: c.clientAge })}</span>
      )}
    </span>
  );
}

export function useCaseColumns(): TableProps<Case>['columns'] {
  const { t } = useTranslation();
  return [
    {
      key: 'client',
      title: t('caseUi.create.resident'),
      width: 140,
      render: (_, c) => (
        <Link to={casePath(c)} className="case-name">
          <ClientLine c={c} />
        </Link>
      ),
    },
    {
      key: 'stage',
      title: t('cases.fields.stage'),
      width: 170,
      render: (_, c) => (
        <span className="case-tags">
          <StageTag stage={c.stage} />
          <PendingTag c={c} />
        </span>
      ),
    },
    {
      key: 'risk',
      title: t('cases.fields.riskLevel'),
      width: 100,
      render: (_, c) => <RiskTag level={c.riskLevel} />,
    },
    {
      key: 'problem',
      title: t('cases.fields.presentingProblem'),
      ellipsis: true,
      render: (_, c) => c.presentingProblem,
    },
    {
      key: 'worker',
      title: t('cases.fields.assignedWorker'),
      width: 110,
      render: (_, c) => c.assignedWorker.displayName,
    },
    {
      key: 'next',
      title: t('cases.fields.nextContactDate'),
      width: 180,
      render: (_, c) => (c.status === 'open' ? <DueTag date={c.nextContactDate} /> : '—'),
    },
    {
      key: 'openedAt',
      title: t('cases.fields.openedAt'),
      width: 110,
      render: (_, c) => shanghaiDay(c.openedAt),
    },
  ];
}

/** On the phone a case is a card; the whole card is the way in. */
export function CaseCard({ c }: { c: Case }) {
  const { t } = useTranslation();
  return (
    <RegisterCard
      to={casePath(c)}
      className="case-card"
      title={c.clientName}
      tags={
        c.clientAge !== null && (
          <span className="muted">{t('people.age', { age: c.clientAge })}</span>
        )
      }
    >
      <div className="case-tags">
        <StageTag stage={c.stage} />
        <RiskTag level={c.riskLevel} />
        <PendingTag c={c} />
      </div>
      <div className="case-card-problem">{c.presentingProblem}</div>
      <div className="case-card-foot small">
        <span className="muted">
          {t('cases.fields.assignedWorker')} {c.assignedWorker.displayName}
        </span>
        {c.status === 'open' && (
          <span>
            <span className="muted">{t('cases.fields.nextContactDate')} </span>
            <DueTag date={c.nextContactDate} />
          </span>
        )}
      </div>
    </RegisterCard>
  );
}
