import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { EditOutlined, FileProtectOutlined, LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ResidentFields, Resident } from '../../../../common/schemas/people';
import { useIsPhone } from '../../use-is-phone';
import { MemberCaseLink } from '../cases/member-case-link';
import { ConsentList } from './consent-section';
import { CareTagChips, ResidentStatusTag, useGenderAge } from './people-tags';
import { SensitiveValue } from './sensitive-value';

export type MemberDialogKind = 'edit' | 'remove' | 'consent';

interface Props {
  member: Resident;
  isHead: boolean;
  canWrite: boolean;
  onDialog: (kind: MemberDialogKind) => void;
}

/** 肢体残疾 · 3 级, from the JSON the server sends when the caller may see it whole. */
export function useDisabilityText() {
  const { t } = useTranslation();
  return (json: string) => {
    try {
      const d = JSON.parse(json) as NonNullable<ResidentFields['disability']>;
      return `${t(`people.disabilityCategories.${d.category}`)} · ${t('people.grade', { grade: d.grade })}`;
    } catch {
      return json;
    }
  };
}

export function MemberCard({ member: m, isHead, canWrite, onDialog }: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const genderAge = useGenderAge();
  const disabilityText = useDisabilityText();
  const living = m.status === 'living';
  const sensitive = (field: 'idNumber' | 'phone' | 'healthNotes' | 'disability') => (
    <SensitiveValue
      residentId={m.id}
      field={field}
      value={m[field]}
      format={
        field === 'phone'
          ? (v) => <a href={`tel:${v}`}>{v}</a>
          : field === 'disability'
            ? disabilityText
            : field === 'healthNotes'
              ? (v) => <span className="pre-wrap">{v}</span>
              : (v) => <span className="mono">{v}</span>
      }
    />
  );
  const size = isPhone ? 'middle' : 'small';
  return (
    <Card
      size="small"
      className={living ? 'member-card' : 'member-card former'}
      data-member={m.name}
    >
      <div className="member-head">
        <strong className="member-name">{m.name}</strong>
        {isHead ? (
          <Tag color="blue">{t('people.fields.head')}</Tag>
        ) : (
          <Tag>{t(`people.relations.${m.relationToHead}`)}</Tag>
        )}
        <span className="muted">{genderAge(m)}</span>
        {m.minor && <Tag color="purple">{t('people.household.minor')}</Tag>}
        {!living && <ResidentStatusTag status={m.status} />}
      </div>
      <CareTagChips tags={m.careTags} />
      {living && <MemberCaseLink residentId={m.id} />}
      <Descriptions
        column={1}
        size="small"
        className="member-fields"
        items={[
          { key: 'idNumber', label: t('people.fields.idNumber'), children: sensitive('idNumber') },
          { key: 'phone', label: t('people.fields.phone'), children: sensitive('phone') },
          {
            key: 'registrationStatus',
            label: t('people.fields.registrationStatus'),
            children: t(`people.registrationStatuses.${m.registrationStatus}`),
          },
          {
            key: 'selfCare',
            label: t('people.fields.selfCare'),
            children: m.selfCare ? t(`people.selfCare.${m.selfCare}`) : '—',
          },
          {
            key: 'disability',
            label: t('people.fields.disability'),
            children: sensitive('disability'),
          },
          {
            key: 'healthNotes',
            label: t('people.fields.healthNotes'),
            children: sensitive('healthNotes'),
          },
        ]}
      />
      <ConsentList resident={m} />
      {canWrite && living && (
        <Space wrap size={8} className="member-actions">
          <Button size={size} icon={<EditOutlined />} onClick={() => onDialog('edit')}>
            {t('people.ops.editMember')}
          </Button>
          <Button size={size} icon={<FileProtectOutlined />} onClick={() => onDialog('consent')}>
            {t('people.consent.add')}
          </Button>
          <Button size={size} danger icon={<LogoutOutlined />} onClick={() => onDialog('remove')}>
            {t('people.ops.removeMember')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
