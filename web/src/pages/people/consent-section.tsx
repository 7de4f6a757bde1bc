import { Tag } from 'antd';
import { FileProtectOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../../../../common/schemas/people';
import { useConsents } from './people-api';

/** The member's consents to processing sensitive data: who gave it, when, for what. */
export function ConsentList({ resident }: { resident: Resident }) {
  const { t } = useTranslation();
  const consents = useConsents(resident.id);
  const items = consents.data ?? [];
  return (
    <div className="consents">
      <div className="consents-title muted small">
        <FileProtectOutlined /> {t('people.consent.title')}
      </div>
      {consents.isPending && <div className="muted small">…</div>}
      {consents.error && <div className="muted small">{consents.error.message}</div>}
      {!consents.isPending && !consents.error && items.length === 0 && (
        <div className="muted small">{t('people.consent.none')}</div>
      )}
      {items.map((c) => (
        <div key={c.id} className={c.withdrawnAt ? 'consent withdrawn' : 'consent'}>
          <span className="consent-date">{c.consentDate}</span>
          <span>
            {c.givenBy === 'guardian'
              ? t('people.consent.byGuardian', { name: c.guardianName ?? '' })
              : t('people.consent.self')}
          </span>
          <span className="consent-scope">{c.scope}</span>
          {c.withdrawnAt && <Tag>{t('people.consent.withdrawn')}</Tag>}
        </div>
      ))}
    </div>
  );
}
