import { Link, useNavigate } from 'react-router';
import { Badge, Button, Card, Space, Tag } from 'antd';
import { AuditOutlined, EditOutlined, RightOutlined, ScheduleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Case, TodayItem } from '../../../../common/schemas/cases';
import { ListState } from '../../components/list-state';
import { daysFromToday, DueTag, RiskTag, StageTag } from '../cases/case-tags';

interface Props {
  items: TodayItem[];
  loading: boolean;
  error: Error | null;
  onRetry: () => void;
  meId: string;
  /** the caller's open cases, for the contacts coming up after today */
  mine?: Case[];
}

const isReview = (i: TodayItem) => i.action === 'reviewPlan' || i.action === 'reviewClosure';

/** 今日待办: due and overdue contacts and care visits, most urgent first, each one tap from its form. */
export function TodoCard({ items, loading, error, onRetry, meId, mine = [] }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const todos = items.filter((i) => !isReview(i));
  const upcoming = mine.filter((c) => {
    const days = c.nextContactDate ? daysFromToday(c.nextContactDate) : -1;
    return days > 0 && days <= 7;
  });
  return (
    <Card
      className="today-todos"
      title={
        <Space>
          <ScheduleOutlined />
          {t('caseUi.today.todoTitle')}
          {todos.length > 0 && <Badge count={todos.length} color="#1f5fbf" />}
        </Space>
      }
    >
      <ListState
        loading={loading}
        error={error}
        onRetry={onRetry}
        empty={todos.length === 0}
        emptyText={t('caseUi.today.todoEmpty')}
        emptyHint={t('caseUi.today.todoEmptyHint')}
      >
        <ul className="todo-list">
          {todos.map((i) => (
            <li
              key={`${i.caseId}-${i.action}`}
              className={i.daysOverdue > 0 ? 'todo overdue' : 'todo'}
              data-client={i.clientName}
            >
              <Link to={`/cases/${i.caseId}`} className="todo-main">
                <div className="todo-head">
                  <strong className="todo-name">{i.clientName}</strong>
                  <DueTag date={i.dueDate} withDate={false} />
                </div>
                <div className="todo-tags">
                  <Tag className="case-tag">{t(`cases.todoActions.${i.action}`)}</Tag>
                  <RiskTag level={i.riskLevel} labelled />
                  {i.tier && (
                    <Tag className="case-tag">
                      {t('caseUi.today.tier', { tier: t(`cases.tiers.${i.tier}`) })}
                    </Tag>
                  )}
                </div>
                <div className="muted small">
                  {t('caseUi.today.dueOn', { date: i.dueDate })} · {t(`cases.stages.${i.stage}`)}
                  {i.assignedWorker.id !== meId &&
                    ` · ${t('caseUi.today.worker', { name: i.assignedWorker.displayName })}`}
                </div>
              </Link>
              <Button
                icon={<EditOutlined />}
                className="todo-record"
                onClick={() =>
                  void navigate(
                    `/cases/${i.caseId}/records/new${i.action === 'careVisit' ? '?type=homeVisit' : ''}`,
                  )
                }
              >
                {t('caseUi.today.record')}
              </Button>
            </li>
          ))}
        </ul>
      </ListState>
      {upcoming.length > 0 && (
        <section className="upcoming" aria-label={t('caseUi.today.upcomingTitle')}>
          <h4 className="upcoming-title">{t('caseUi.today.upcomingTitle')}</h4>
          <ul className="upcoming-list">
            {upcoming.map((c) => (
              <li key={c.id} data-client={c.clientName}>
                <Link to={`/cases/${c.id}`} className="upcoming-item">
                  <strong>{c.clientName}</strong>
                  <StageTag stage={c.stage} />
                  <span className="upcoming-due">
                    <DueTag date={c.nextContactDate} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Card>
  );
}

/** The supervisor's queue: plans and closures waiting for review, oldest first. */
export function ReviewCard({ items, loading, error, onRetry }: Omit<Props, 'meId'>) {
  const { t } = useTranslation();
  const reviews = items.filter(isReview);
  return (
    <Card
      className="today-reviews"
      title={
        <Space>
          <AuditOutlined />
          {t('caseUi.today.reviewTitle')}
          {reviews.length > 0 && <Badge count={reviews.length} color="gold" />}
        </Space>
      }
    >
      <ListState
        loading={loading}
        error={error}
        onRetry={onRetry}
        empty={reviews.length === 0}
        emptyText={t('caseUi.today.reviewEmpty')}
      >
        <ul className="todo-list">
          {reviews.map((i) => (
            <li key={`${i.caseId}-${i.action}`} className="todo" data-client={i.clientName}>
              <Link to={`/cases/${i.caseId}`} className="todo-main">
                <div className="todo-head">
                  <strong className="todo-name">{i.clientName}</strong>
                  <Tag color="gold" icon={<AuditOutlined />} className="case-tag">
                    {t(`cases.todoActions.${i.action}`)}
                  </Tag>
                </div>
                <div className="muted small">
                  {t('caseUi.today.submittedOn', { date: i.dueDate })} ·{' '}
                  {t('caseUi.today.worker', { name: i.assignedWorker.displayName })}
                </div>
              </Link>
              <RightOutlined className="todo-arrow" aria-hidden />
            </li>
          ))}
        </ul>
      </ListState>
    </Card>
  );
}
