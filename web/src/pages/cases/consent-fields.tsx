import { Alert, DatePicker, Form, Input, Radio, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ageOn } from '../../../../common/people';
import type { zConsentCreate } from '../../../../common/schemas/people';

export interface ConsentValues {
  givenBy: 'self' | 'guardian';
  guardianName?: string;
  consentDate: Dayjs;
  scope: string;
}

export const toConsentBody = (values: ConsentValues): z.input<typeof zConsentCreate> => ({
  givenBy: values.givenBy,
  guardianName: values.givenBy === 'guardian' ? values.guardianName?.trim() : null,
  consentDate: values.consentDate.format('YYYY-MM-DD'),
  scope: values.scope.trim(),
});

interface Props {
  form: FormInstance<ConsentValues>;
  birthDate: string | null;
  onFinish: (values: ConsentValues) => void;
}

/** The consent to processing sensitive data, as the household page records it; under 14 only a guardian. */
export function ConsentFields({ form, birthDate, onFinish }: Props) {
  const { t } = useTranslation();
  const givenBy = Form.useWatch('givenBy', form);
  const date = Form.useWatch('consentDate', form);
  const under14 =
    birthDate !== null && ageOn(birthDate, (date ?? dayjs()).format('YYYY-MM-DD')) < 14;
  return (
    <Form<ConsentValues>
      name="caseConsent"
      form={form}
      layout="vertical"
      requiredMark={false}
      clearOnDestroy
      initialValues={{
        givenBy: under14 ? 'guardian' : 'self',
        consentDate: dayjs(),
        scope: t('people.consent.scopeDefault'),
      }}
      onFinish={onFinish}
    >
      {under14 && (
        <Alert type="info" showIcon title={t('people.consent.under14')} className="gap-bottom" />
      )}
      <Form.Item name="givenBy" label={t('people.consent.givenBy')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          size="large"
          options={[
            { value: 'self', label: t('people.consent.self'), disabled: under14 },
            { value: 'guardian', label: t('people.consent.guardian') },
          ]}
        />
      </Form.Item>
      {(givenBy === 'guardian' || under14) && (
        <Form.Item
          name="guardianName"
          label={t('people.consent.guardianName')}
          rules={[
            { required: true, whitespace: true, message: t('people.consent.guardianRequired') },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
      )}
      <Form.Item
        name="consentDate"
        label={t('people.consent.date')}
        rules={[{ required: true, message: t('people.consent.dateRequired') }]}
      >
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
      </Form.Item>
      <Form.Item
        name="scope"
        label={t('people.consent.scope')}
        rules={[
          { required: true, whitespace: true, min: 2, message: t('people.consent.scopeRequired') },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
      </Form.Item>
    </Form>
  );
}
