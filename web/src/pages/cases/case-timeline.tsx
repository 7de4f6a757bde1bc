import { useState } from 'react';
import { Button, Card, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { messages as caseWords } from '../../../../common/i18n/zh-CN/cases';
import type { CaseDetail, CaseEvent } from '../../../../common/schemas/cases';
import { useActorText } from '../../components/actor-name';
import { ListState } from '../../components/list-state';
import { formatTime } from '../../i18n';
import { useCaseEvents } from './cases-api';

const labels = caseWords.cases;
const known = <T extends object>(o: T, key: string | undefined): key is Extract<keyof T, string> =>
  key !== undefined && Object.hasOwn(o, key);

const colorOf = (action: string) =>
  action.endsWith('.returned') || action.endsWith('.declined')
    ? 'red'
    : action === 'close' || action.endsWith('.approved') || action.endsWith('.completed')
      ? 'green'
      : action === 'record'
        ? 'gray'
        : 'blue';

/** "plan.approved" → 服务计划 · 审核通过; "referral.completed" → 转介 · 已完成; "advance" → 进入下一阶段 · 预估. */
function useEventLabel() {
  const { t } = useTranslation();
  return (e: CaseEvent): string => {
    const [head, tail] = e.action.split('.');
    if (head === 'form' && known(labels.forms, tail))
      return `${t('cases.events.form')} · ${t(`cases.forms.${tail}`)}`;
    if (head === 'referral' && known(labels.referralStatuses, tail))
      return `${t('cases.events.referral')} · ${t(`cases.referralStatuses.${tail}`)}`;
    if (known(labels.forms, head) && known(labels.events, tail))
      return `${t(`cases.forms.${head}`)} · ${t(`cases.events.${tail}`)}`;
    if (head === 'advance') return `${t('cases.events.advance')} · ${t(`cases.stages.${e.stage}`)}`;
    if (!tail && known(labels.events, head)) return t(`cases.events.${head}`);
    return e.action;
  };
}

/** Every step of the case, newest first, with who took it and the note they left. */
export function CaseTimeline({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const actorText = useActorText();
  const events = useCaseEvents(c.id);
  const label = useEventLabel();
  const all = [...(events.data ?? [])].reverse();
  // A long case's first weeks are rarely what the reader came for: the latest first, the rest on request.
  const [showAll, setShowAll] = useState(false);
  const items = showAll ? all : all.slice(0, 12);
  return (
    <Card title={t('caseUi.events.title')} className="case-timeline">
      <ListState
        loading={events.isPending}
        error={events.error}
        onRetry={() => void events.refetch()}
        empty={items.length === 0}
        emptyText={t('caseUi.events.empty')}
      >
        <Timeline
          items={items.map((e) => ({
            key: e.id,
            color: colorOf(e.action),
            content: (
              <div className="event-item" data-event={e.action}>
                <div>
                  <strong>{label(e)}</strong>
                </div>
                <div className="muted small">
                  {formatTime(e.at)} · {actorText(e.actor, e.username)}
                </div>
                {e.note && <div className="small pre-wrap">{e.note}</div>}
              </div>
            ),
          }))}
        />
        {items.length < all.length && (
          <Button type="link" onClick={() => setShowAll(true)}>
            {t('caseUi.events.showAll', { count: all.length })}
          </Button>
        )}
      </ListState>
    </Card>
  );
}
