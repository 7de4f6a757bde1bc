import { Card, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { actionInWords, detailInWords, entityInWords } from '../../../../common/audit-words';
import type { AuditEntry } from '../../../../common/schemas/audit';
import { useActorText } from '../../components/actor-name';
import { currentLocale, formatTime } from '../../i18n';

const resultColors: Record<AuditEntry['result'], string> = {
  ok: 'green',
  denied: 'orange',
  failed: 'red',
};

function ResultTag({ result }: { result: AuditEntry['result'] }) {
  const { t } = useTranslation();
  return <Tag color={resultColors[result]}>{t(`auditResults.${result}`)}</Tag>;
}

const dash = '—';

/** An entry's action and entity in words (新建户), the code kept for the tooltip and the filters. */
function Action({ action }: { action: string }) {
  return (
    <span className="audit-action" title={action}>
      {actionInWords(action, currentLocale())}
    </span>
  );
}

/** Sized to fit the 1280 px desk without sideways scrolling; ids are cut with the full text on hover. */
export function useAuditColumns(): TableProps<AuditEntry>['columns'] {
  const { t } = useTranslation();
  const actorText = useActorText();
  return [
    { key: 'at', title: t('auditColumns.at'), width: 140, render: (_, e) => formatTime(e.at) },
    {
      key: 'username',
      title: `${t('auditColumns.username')} / ${t('auditColumns.ip')}`,
      width: 130,
      render: (_, e) => (
        <>
          <div>{actorText(e.actor, e.username)}</div>
          <div className="muted small">
            {[e.actor && e.username, e.ip].filter(Boolean).join(' · ')}
          </div>
        </>
      ),
    },
    {
      key: 'action',
      title: t('auditColumns.action'),
      width: 170,
      render: (_, e) => <Action action={e.action} />,
    },
    {
      key: 'entity',
      title: t('auditColumns.entity'),
      width: 160,
      render: (_, e) =>
        e.entity ? (
          <>
            <div>{entityInWords(e.entity, currentLocale())}</div>
            {e.entityId && (
              <Typography.Text
                type="secondary"
                className="mono small"
                ellipsis={{ tooltip: e.entityId }}
                style={{ maxWidth: 140 }}
              >
                {e.entityId}
              </Typography.Text>
            )}
          </>
        ) : (
          dash
        ),
    },
    {
      key: 'result',
      title: t('auditColumns.result'),
      width: 90,
      render: (_, e) => <ResultTag result={e.result} />,
    },
    {
      key: 'changedFields',
      title: t('auditColumns.changedFields'),
      width: 150,
      render: (_, e) => (e.changedFields.length ? e.changedFields.join(', ') : dash),
    },
    {
      key: 'detail',
      title: t('auditColumns.detail'),
      render: (_, e) => detailInWords(e.detail, currentLocale()) || dash,
    },
  ];
}

export function AuditCard({ e }: { e: AuditEntry }) {
  const { t } = useTranslation();
  const actorText = useActorText();
  return (
    <Card size="small">
      <div className="audit-card-head">
        <Action action={e.action} />
        <ResultTag result={e.result} />
      </div>
      <div className="muted">
        {formatTime(e.at)} · {actorText(e.actor, e.username)}
      </div>
      {e.entity && (
        <div>
          {t('auditColumns.entity')}: {entityInWords(e.entity, currentLocale())}
        </div>
      )}
      {e.changedFields.length > 0 && (
        <div>
          {t('auditColumns.changedFields')}: {e.changedFields.join(', ')}
        </div>
      )}
      {e.detail && <div>{detailInWords(e.detail, currentLocale())}</div>}
    </Card>
  );
}
