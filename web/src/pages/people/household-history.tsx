import type { ReactNode } from 'react';
import { Card, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { messages as peopleWords } from '../../../../common/i18n/zh-CN/people';
import type { HistoryEntry, Household } from '../../../../common/schemas/people';
import { useActorText } from '../../components/actor-name';
import { ListState } from '../../components/list-state';
import { formatTime } from '../../i18n';
import { useHistory } from './people-api';

type Messages = (typeof peopleWords)['people'];
const known = <T extends object>(o: T, key: string | null): key is Extract<keyof T, string> =>
  key !== null && Object.hasOwn(o, key);
const people = peopleWords.people;

const sourceColors: Record<HistoryEntry['sourceType'], string> = {
  manual: 'blue',
  visit: 'green',
  import: 'purple',
};

/** The entries one action wrote (one per field changed) shown as one step of the timeline. */
function groupEntries(entries: HistoryEntry[]): HistoryEntry[][] {
  const groups = new Map<string, HistoryEntry[]>();
  for (const e of entries) {
    const key = `${e.at}|${e.entityId}|${e.operation}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()].sort((a, b) => b[0].at.localeCompare(a[0].at));
}

/** A stored value as words: codes become labels; sensitive ones arrive masked and stay so. */
export function useValueText() {
  const { t } = useTranslation();
  const list = (raw: string): string[] =>
    raw.startsWith('[') ? (JSON.parse(raw) as string[]) : raw.split(',').filter(Boolean);
  return (field: string | null, raw: string | null): string => {
    if (raw === null || raw === '') return '—';
    const label = (group: keyof Messages, code: string) => {
      const labels = people[group] as Record<string, unknown>;
      return known(labels, code) ? t(`people.${group}.${code}` as 'people.genders.male') : code;
    };
    try {
      switch (field) {
        case 'gender':
          return label('genders', raw);
        case 'registrationStatus':
          return label('registrationStatuses', raw);
        case 'selfCare':
          return label('selfCare', raw);
        case 'status':
          return label('statuses', raw);
        case 'housing':
          return label('housing', raw);
        case 'economicStatus':
          return label('economicStatuses', raw);
        case 'careTags':
          return (
            list(raw)
              .map((c) => label('careTags', c))
              .join(t('people.listSeparator')) || '—'
          );
        case 'incomeSources':
          return (
            list(raw)
              .map((c) => label('incomeSources', c))
              .join(t('people.listSeparator')) || '—'
          );
        default:
          return raw;
      }
    } catch {
      return raw;
    }
  };
}

export function HouseholdHistory({ household }: { household: Household }) {
  const { t } = useTranslation();
  const actorText = useActorText();
  const history = useHistory(household.id);
  const valueText = useValueText();
  const names = new Map(household.members.map((m) => [m.id, m.name]));
  const groups = groupEntries(history.data ?? []);

  // A member who has since split off is no longer listed: their registration entry still names them.
  const subject = (e: HistoryEntry) =>
    e.entity === 'household'
      ? t('people.history.household')
      : (names.get(e.entityId) ?? (e.field === null ? (e.newValue ?? '') : ''));
  const operation = (e: HistoryEntry) =>
    known(people.history.operations, e.operation)
      ? t(`people.history.operations.${e.operation}`)
      : e.operation;
  const fieldName = (field: string) =>
    known(people.fields, field) ? t(`people.fields.${field}`) : field;

  const change = (e: HistoryEntry): ReactNode => {
    if (e.field === null) {
      // Adding a member or a split names the people, not a field.
      return e.newValue && e.operation.startsWith('split') ? (
        <div key={e.id}>{t('people.history.membersMoved', { names: e.newValue })}</div>
      ) : null;
    }
    return (
      <div key={e.id} className="history-change">
        <span className="history-field">{fieldName(e.field)}</span>
        <span className="history-old">{valueText(e.field, e.oldValue)}</span>
        <span aria-hidden>→</span>
        <span className="history-new">{valueText(e.field, e.newValue)}</span>
      </div>
    );
  };

  return (
    <Card title={t('people.household.history')} className="household-history">
      <ListState
        loading={history.isPending}
        error={history.error}
        onRetry={() => void history.refetch()}
        empty={groups.length === 0}
        emptyText={t('people.household.historyEmpty')}
      >
        <Timeline
          items={groups.map((group) => {
            const first = group[0];
            return {
              key: first.id,
              color: sourceColors[first.sourceType],
              content: (
                <div className="history-item" data-operation={first.operation}>
                  <div className="history-head">
                    <span className="history-time">{formatTime(first.at)}</span>
                    <strong>{operation(first)}</strong>
                    <span>{subject(first)}</span>
                    <Tag color={sourceColors[first.sourceType]} className="history-source">
                      {t(`people.history.sources.${first.sourceType}`)}
                    </Tag>
                  </div>
                  {group.map(change)}
                  <div className="muted small">
                    {t('people.history.by', { user: actorText(first.actor, first.username) })}
                  </div>
                </div>
              ),
            };
          })}
        />
      </ListState>
    </Card>
  );
}
