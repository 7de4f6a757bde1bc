import { Alert, Form, Modal, Radio, Skeleton, Switch, Tag, type FormInstance } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { messages as peopleWords } from '../../../../common/i18n/zh-CN/people';
import type { CaseDetail, CorrectionDiff } from '../../../../common/schemas/cases';
import type { Household, Resident, ResidentFields } from '../../../../common/schemas/people';
import { useValueText } from '../people/household-history';
import { useHousehold } from '../people/people-api';
import {
  residentFormStart,
  ResidentFieldItems,
  toResidentFields,
  type ResidentFormValues,
} from '../people/resident-fields';

const peopleFields = peopleWords.people.fields;

/** The living members to check, the client first. */
const membersOf = (h: Household | undefined, clientId: string): Resident[] =>
  (h?.members ?? [])
    .filter((m) => m.status === 'living')
    .sort((a, b) => Number(b.id === clientId) - Number(a.id === clientId));

interface SectionProps {
  c: CaseDetail;
  form: FormInstance<ResidentFormValues>;
  on: boolean;
  onToggle: (on: boolean) => void;
  memberId: string;
  onMember: (id: string) => void;
}

/**
 * 核对户信息: on a home visit the worker checks the client's (or a household member's) details at the
 * door and corrects them; the changes go to the preview first and are applied only once confirmed.
 */
export function VisitCorrections({ c, form, on, onToggle, memberId, onMember }: SectionProps) {
  const { t } = useTranslation();
  const household = useHousehold(c.householdId);
  const members = membersOf(household.data, c.residentId);
  const member = members.find((m) => m.id === memberId);
  const start = member ? residentFormStart(member, () => undefined) : undefined;
  return (
    <section className="visit-corrections" aria-label={t('caseUi.verify.title')}>
      <label className="verify-toggle">
        <Switch checked={on} onChange={onToggle} />
        <span>
          <strong>{t('caseUi.verify.toggle')}</strong>
          <span className="muted small verify-hint">{t('caseUi.verify.hint')}</span>
        </span>
      </label>
      {on && household.isPending && <Skeleton active paragraph={{ rows: 4 }} />}
      {on && household.error && <Alert type="error" showIcon title={household.error.message} />}
      {on && household.data && (
        <>
          {members.length > 1 && (
            <div className="verify-members">
              <div className="muted small">{t('caseUi.verify.member')}</div>
              <Radio.Group
                value={memberId}
                onChange={(e) => onMember(e.target.value as string)}
                optionType="button"
                className="radio-row"
                options={members.map((m) => ({
                  value: m.id,
                  label:
                    m.id === c.residentId
                      ? t('caseUi.verify.clientName', { name: m.name })
                      : m.name,
                }))}
              />
            </div>
          )}
          {member && start && (
            <Form<ResidentFormValues>
              // A new member starts from their own stored details.
              key={member.id}
              name="visitCorrection"
              form={form}
              layout="vertical"
              requiredMark={false}
              initialValues={start.values}
              clearOnDestroy
              className="verify-form"
            >
              <ResidentFieldItems form={form} modes={start.modes} />
            </Form>
          )}
        </>
      )}
    </section>
  );
}

/** The fields to send for the member: the form's values as the API's resident fields. */
export function correctionFields(
  household: Household | undefined,
  memberId: string,
  values: ResidentFormValues,
): Partial<ResidentFields> | undefined {
  const member = household?.members.find((m) => m.id === memberId);
  if (!member) return undefined;
  return toResidentFields(values, residentFormStart(member, () => undefined).modes);
}

interface DiffProps {
  diffs: CorrectionDiff[] | null;
  saving: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** field: old → new, for the worker to confirm at the door before anything is written. */
export function CorrectionDiffModal({ diffs, saving, onConfirm, onCancel }: DiffProps) {
  const { t } = useTranslation();
  const valueText = useValueText();
  const fieldName = (field: string) =>
    Object.hasOwn(peopleFields, field)
      ? t(`people.fields.${field as keyof typeof peopleFields}`)
      : field;
  const masked = diffs?.some((d) => d.changes.some((ch) => ch.masked));
  return (
    <Modal
      open={!!diffs}
      title={t('caseUi.verify.diffTitle')}
      okText={t('caseUi.verify.confirmSave')}
      cancelText={t('caseUi.create.back')}
      okButtonProps={{ icon: <SafetyCertificateOutlined />, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      confirmLoading={saving}
      onOk={onConfirm}
      onCancel={onCancel}
      destroyOnHidden
      className="diff-modal"
    >
      <Alert type="warning" showIcon title={t('caseUi.verify.diffHint')} className="gap-bottom" />
      {diffs
        ?.filter((d) => d.changes.length > 0)
        .map((d) => (
          <div key={d.residentId} className="diff-block" data-diff={d.residentName}>
            <div className="diff-name">
              <strong>{d.residentName}</strong>
            </div>
            {d.changes.map((ch) => (
              <div key={ch.field} className="history-change diff-change" data-field={ch.field}>
                <span className="history-field">{fieldName(ch.field)}</span>
                <span className="history-old">{valueText(ch.field, ch.old)}</span>
                <span aria-hidden>→</span>
                <span className="history-new">{valueText(ch.field, ch.new)}</span>
              </div>
            ))}
          </div>
        ))}
      {masked && (
        <Tag className="gap-top" color="default">
          {t('caseUi.verify.masked')}
        </Tag>
      )}
    </Modal>
  );
}
