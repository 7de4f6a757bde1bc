import { ConsentItems } from './consent-items';
import { Alert, App, Form, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { ageOn } from '../../../../common/people';
import { zRemoveMember, type Household, type Resident } from '../../../../common/schemas/people';
import { shanghaiToday } from '../../../../common/time';
import { FormModal } from '../../components/form-modal';
import { fieldRules } from '../../components/zod-form';
import { useHouseholdWrites } from './people-api';
import { useRevealed } from './revealed';
import {
  openModes,
  residentFormStart,
  ResidentFieldItems,
  toResidentFields,
  type ResidentFormValues,
} from './resident-fields';

interface MemberProps {
  household: Household;
  member: Resident;
  open: boolean;
  onClose: () => void;
}

/** Every field of one member; masked fields stay as they are unless something is typed in. */
export function EditMemberDialog({ household, member, open, onClose }: MemberProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useHouseholdWrites(household.id);
  const revealed = useRevealed();
  const [form] = Form.useForm<ResidentFormValues>();
  const start = residentFormStart(member, revealed.get);
  return (
    <FormModal<ResidentFormValues>
      name="memberEdit"
      open={open}
      title={t('people.forms.editMemberTitle', { name: member.name })}
      form={form}
      width={760}
      initialValues={start.values}
      codeFields={{ DUPLICATE_RESIDENT: 'idNumber' }}
      onClose={onClose}
      onSubmit={async (values) => {
        await writes.updateResident(member.id, {
          // The version of the member as now loaded: after a 409 the reload brings the new one.
          version: member.version,
          ...toResidentFields(values, start.modes),
        });
        // What was opened with a reason is now out of date: the form's value is the new truth.
        for (const field of ['idNumber', 'phone', 'healthNotes'] as const) {
          if (revealed.get(member.id, field) !== undefined)
            revealed.set(member.id, field, values[field]?.trim() || null);
        }
        if (revealed.get(member.id, 'disability') !== undefined)
          revealed.set(
            member.id,
            'disability',
            values.disabilityCategory && values.disabilityGrade
              ? JSON.stringify({
                  category: values.disabilityCategory,
                  grade: values.disabilityGrade,
                })
              : null,
          );
        void message.success(t('people.forms.saved'));
      }}
    >
      <ResidentFieldItems form={form} modes={start.modes} />
    </FormModal>
  );
}

export function AddMemberDialog({ household, open, onClose }: Omit<MemberProps, 'member'>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useHouseholdWrites(household.id);
  const [form] = Form.useForm<ResidentFormValues>();
  return (
    <FormModal<ResidentFormValues>
      name="memberAdd"
      open={open}
      title={t('people.forms.addMemberTitle')}
      form={form}
      width={760}
      codeFields={{ DUPLICATE_RESIDENT: 'idNumber' }}
      onClose={onClose}
      onSubmit={async (values) => {
        await writes.addMember({
          id: uuidv7(),
          version: household.version,
          relationToHead: values.relationToHead!,
          ...toResidentFields(values, openModes),
        });
        void message.success(t('people.forms.memberAdded', { name: values.name.trim() }));
      }}
    >
      <ResidentFieldItems form={form} modes={openModes} withRelation />
    </FormModal>
  );
}

type RemoveValues = { reason: 'movedAway' | 'deceased' };

/** 迁出/死亡: the member stays on record with the reason; the last one leaving dissolves the household. */
export function RemoveMemberDialog({ household, member, open, onClose }: MemberProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useHouseholdWrites(household.id);
  const [form] = Form.useForm<RemoveValues>();
  const living = household.members.filter((m) => m.status === 'living');
  const headBlocked = member.id === household.headResidentId && living.length > 1;
  return (
    <FormModal<RemoveValues>
      name="memberRemove"
      open={open}
      title={t('people.forms.removeTitle', { name: member.name })}
      form={form}
      okText={t('people.ops.removeMember')}
      okDanger
      okDisabled={headBlocked}
      initialValues={{ reason: 'movedAway' }}
      codeFields={{ HEAD_MUST_CHANGE: 'reason' }}
      onClose={onClose}
      onSubmit={async (values) => {
        await writes.removeMember({
          version: household.version,
          residentId: member.id,
          reason: values.reason,
        });
        void message.success(
          t('people.forms.memberRemoved', {
            name: member.name,
            reason: t(`people.statuses.${values.reason}`),
          }),
        );
      }}
    >
      {headBlocked ? (
        <Alert type="error" showIcon title={t('people.forms.removeHead')} className="gap-bottom" />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={t('people.forms.removeWarn')}
          description={living.length === 1 ? t('people.forms.removeLast') : undefined}
          className="gap-bottom"
        />
      )}
      <Form.Item
        name="reason"
        label={t('people.forms.removeReason')}
        rules={fieldRules(zRemoveMember.shape.reason)}
      >
        <Radio.Group
          disabled={headBlocked}
          options={[
            { value: 'movedAway', label: t('people.statuses.movedAway') },
            { value: 'deceased', label: t('people.statuses.deceased') },
          ]}
          optionType="button"
          buttonStyle="solid"
          size="large"
        />
      </Form.Item>
    </FormModal>
  );
}

interface ConsentValues {
  givenBy: 'self' | 'guardian';
  guardianName?: string;
  consentDate: Dayjs;
  scope: string;
}

/** Consent to processing sensitive data; under 14 (on the day of consent) only a guardian may give it. */
export function ConsentDialog({ household, member, open, onClose }: MemberProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useHouseholdWrites(household.id);
  const [form] = Form.useForm<ConsentValues>();
  const givenBy = Form.useWatch('givenBy', form);
  const date = Form.useWatch('consentDate', form);
  const under14 =
    member.birthDate !== null &&
    ageOn(member.birthDate, date ? date.format('YYYY-MM-DD') : shanghaiToday()) < 14;
  return (
    <FormModal<ConsentValues>
      name="consentAdd"
      open={open}
      title={t('people.consent.addTitle', { name: member.name })}
      form={form}
      okText={t('people.consent.add')}
      initialValues={{
        givenBy: under14 ? 'guardian' : 'self',
        consentDate: dayjs(shanghaiToday()),
        scope: t('people.consent.scopeDefault'),
      }}
      codeFields={{ CONSENT_REQUIRED: 'guardianName' }}
      onClose={onClose}
      onSubmit={async (values) => {
        await writes.recordConsent(member.id, {
          givenBy: values.givenBy,
          guardianName: values.givenBy === 'guardian' ? values.guardianName?.trim() : null,
          consentDate: values.consentDate.format('YYYY-MM-DD'),
          scope: values.scope.trim(),
        });
        void message.success(t('people.consent.recorded'));
      }}
    >
      <ConsentItems under14={under14} givenBy={givenBy} />
    </FormModal>
  );
}
