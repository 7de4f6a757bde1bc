import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  birthDateFromId,
  genderFromId,
  idNumberValid,
  type CareTag,
} from '../../../../common/people';
import {
  zAddMember,
  zResidentFields,
  type Resident,
  type ResidentFields,
} from '../../../../common/schemas/people';
import { shanghaiToday } from '../../../../common/time';
import { fieldRules, maxLengthOf, schemaRules } from '../../components/zod-form';
import { useIsPhone } from '../../use-is-phone';
import { usePeopleOptions } from './people-options';
import type { SensitiveField } from './people-api';

const rules = schemaRules(zResidentFields);
const max = (field: keyof typeof zResidentFields.shape) =>
  maxLengthOf(zResidentFields.shape[field]);

export interface ResidentFormValues {
  name: string;
  relationToHead?: Resident['relationToHead'];
  gender?: Resident['gender'];
  birthDate?: Dayjs | null;
  ethnicity?: string;
  idNumber?: string;
  phone?: string;
  registrationStatus?: Resident['registrationStatus'];
  careTags?: CareTag[];
  selfCare?: Resident['selfCare'];
  disabilityCategory?: NonNullable<ResidentFields['disability']>['category'];
  disabilityGrade?: number;
  healthNotes?: string;
}

/**
 * How the form treats a sensitive field: open (shown and editable; empty clears it), masked (the
 * caller sees only the mask; empty keeps the stored value), hidden (not visible to the role; left alone).
 */
export type SensitiveMode =
  { kind: 'open' } | { kind: 'masked'; mask: string } | { kind: 'hidden' };
export type SensitiveModes = Record<SensitiveField, SensitiveMode>;

export const openModes: SensitiveModes = {
  idNumber: { kind: 'open' },
  phone: { kind: 'open' },
  healthNotes: { kind: 'open' },
  disability: { kind: 'open' },
};

type Revealed = (residentId: string, field: SensitiveField) => string | null | undefined;

/** A resident as the edit form starts: whole values where the caller has them (or opened them). */
export function residentFormStart(
  r: Resident,
  revealed: Revealed,
): { values: ResidentFormValues; modes: SensitiveModes } {
  const modes = { ...openModes };
  const whole: Partial<Record<SensitiveField, string | null>> = {};
  for (const field of ['idNumber', 'phone', 'healthNotes', 'disability'] as const) {
    const s = r[field];
    const opened = revealed(r.id, field);
    if (opened !== undefined) whole[field] = opened;
    else if (!s.masked) whole[field] = s.value;
    else if (s.value === null) modes[field] = { kind: 'hidden' };
    else modes[field] = { kind: 'masked', mask: s.value };
  }
  const disability = whole.disability
    ? (JSON.parse(whole.disability) as NonNullable<ResidentFields['disability']>)
    : null;
  return {
    modes,
    values: {
      name: r.name,
      relationToHead: r.relationToHead,
      gender: r.gender,
      birthDate: r.birthDate ? dayjs(r.birthDate) : null,
      ethnicity: r.ethnicity ?? undefined,
      idNumber: whole.idNumber ?? undefined,
      phone: whole.phone ?? undefined,
      registrationStatus: r.registrationStatus,
      careTags: r.careTags,
      selfCare: r.selfCare,
      disabilityCategory: disability?.category,
      disabilityGrade: disability?.grade,
      healthNotes: whole.healthNotes ?? undefined,
    },
  };
}

/** The form's values as the API's resident fields; a masked field left empty is not sent at all. */
export function toResidentFields(v: ResidentFormValues, modes: SensitiveModes): ResidentFields {
  const text = (s: string | undefined) => s?.trim() || null;
  const sensitive = (field: SensitiveField, value: unknown) =>
    modes[field].kind === 'open' ? { [field]: value } : value ? { [field]: value } : {};
  const idNumber = text(v.idNumber)?.toUpperCase() ?? null;
  const disability =
    v.disabilityCategory && v.disabilityGrade
      ? { category: v.disabilityCategory, grade: v.disabilityGrade }
      : null;
  return {
    name: v.name.trim(),
    // With an ID number and no date or gender typed, the server reads them from the number.
    ...(v.gender || !idNumber ? { gender: v.gender ?? null } : {}),
    ...(v.birthDate || !idNumber
      ? { birthDate: v.birthDate ? v.birthDate.format('YYYY-MM-DD') : null }
      : {}),
    ethnicity: text(v.ethnicity),
    registrationStatus: v.registrationStatus,
    careTags: v.careTags ?? [],
    selfCare: v.selfCare ?? null,
    ...sensitive('idNumber', idNumber),
    ...sensitive('phone', text(v.phone)),
    ...sensitive('healthNotes', text(v.healthNotes)),
    ...sensitive('disability', disability),
  };
}

interface Props {
  form: FormInstance;
  modes: SensitiveModes;
  /** a member other than the head says how they are related to the head */
  withRelation?: boolean;
}

/** The resident's fields, in two columns on the desk and one on the phone. */
export function ResidentFieldItems({ form, modes, withRelation }: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const options = usePeopleOptions();
  const span = isPhone ? 24 : 12;
  const keepHint = (field: SensitiveField) => {
    const mode = modes[field];
    if (mode.kind === 'masked') return t('people.forms.maskedKeep', { mask: mode.mask });
    if (mode.kind === 'hidden') return t('people.forms.hiddenKeep');
    return undefined;
  };
  // A valid ID number says the birth date and gender: fill them in so the form shows what will be kept.
  const onIdNumber = (value: string) => {
    const id = value.trim().toUpperCase();
    if (idNumberValid(id))
      form.setFieldsValue({ birthDate: dayjs(birthDateFromId(id)), gender: genderFromId(id) });
  };
  return (
    <Row gutter={16}>
      <Col span={span}>
        <Form.Item name="name" label={t('people.fields.name')} rules={rules.name}>
          <Input maxLength={max('name')} autoComplete="off" />
        </Form.Item>
      </Col>
      {withRelation && (
        <Col span={span}>
          <Form.Item
            name="relationToHead"
            label={t('people.fields.relationToHead')}
            rules={fieldRules(zAddMember.shape.relationToHead)}
          >
            <Select options={options.relations} />
          </Form.Item>
        </Col>
      )}
      <Col span={span}>
        <Form.Item
          name="idNumber"
          label={t('people.fields.idNumber')}
          extra={keepHint('idNumber') ?? t('people.forms.idNumberHint')}
          rules={rules.idNumber}
        >
          <Input
            maxLength={18}
            autoComplete="off"
            className="mono"
            disabled={modes.idNumber.kind === 'hidden'}
            onChange={(e) => onIdNumber(e.target.value)}
          />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item
          name="phone"
          label={t('people.fields.phone')}
          extra={keepHint('phone')}
          rules={rules.phone}
        >
          <Input
            inputMode="tel"
            maxLength={20}
            autoComplete="off"
            disabled={modes.phone.kind === 'hidden'}
          />
        </Form.Item>
      </Col>
      <Col span={isPhone ? 12 : 6}>
        <Form.Item name="gender" label={t('people.fields.gender')}>
          <Select allowClear options={options.genders} />
        </Form.Item>
      </Col>
      <Col span={isPhone ? 12 : 6}>
        <Form.Item name="ethnicity" label={t('people.fields.ethnicity')} rules={rules.ethnicity}>
          <Input maxLength={max('ethnicity')} />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="birthDate" label={t('people.fields.birthDate')}>
          <DatePicker
            style={{ width: '100%' }}
            inputReadOnly={isPhone}
            disabledDate={(d) => d.format('YYYY-MM-DD') > shanghaiToday()}
          />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="registrationStatus" label={t('people.fields.registrationStatus')}>
          <Select options={options.registrationStatuses} />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="selfCare" label={t('people.fields.selfCare')}>
          <Select allowClear options={options.selfCare} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="careTags" label={t('people.fields.careTags')}>
          <Select mode="multiple" allowClear options={options.careTags} optionFilterProp="label" />
        </Form.Item>
      </Col>
      <DisabilityItems span={span} hint={keepHint('disability')} hidden={modes.disability} />
      <Col span={24}>
        <Form.Item
          name="healthNotes"
          label={t('people.fields.healthNotes')}
          extra={keepHint('healthNotes')}
          rules={rules.healthNotes}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={max('healthNotes')}
            disabled={modes.healthNotes.kind === 'hidden'}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

function DisabilityItems(props: { span: number; hint?: string; hidden: SensitiveMode }) {
  const { t } = useTranslation();
  const options = usePeopleOptions();
  const disabled = props.hidden.kind === 'hidden';
  return (
    <>
      <Col span={props.span}>
        <Form.Item
          name="disabilityCategory"
          label={t('people.fields.disabilityCategory')}
          extra={props.hint}
          dependencies={['disabilityGrade']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, value?: string) => {
                if (!value && getFieldValue('disabilityGrade'))
                  throw new Error(t('people.forms.disabilityCategoryRequired'));
              },
            }),
          ]}
        >
          <Select allowClear options={options.disabilityCategories} disabled={disabled} />
        </Form.Item>
      </Col>
      <Col span={props.span}>
        <Form.Item
          name="disabilityGrade"
          label={t('people.fields.disabilityGrade')}
          dependencies={['disabilityCategory']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, value?: number) => {
                if (!value && getFieldValue('disabilityCategory'))
                  throw new Error(t('people.forms.disabilityGradeRequired'));
              },
            }),
          ]}
        >
          <Select allowClear options={options.grades} disabled={disabled} />
        </Form.Item>
      </Col>
    </>
  );
}
