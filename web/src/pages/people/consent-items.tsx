import { Alert, DatePicker, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { zConsentCreate } from '../../../../common/schemas/people';
import { shanghaiToday } from '../../../../common/time';
import { maxLengthOf, schemaRules } from '../../components/zod-form';

const rules = schemaRules(zConsentCreate);

/** The fields of a consent to processing sensitive data; under 14 (on the day of consent) only a guardian. */
export function ConsentItems({
  under14,
  givenBy,
}: {
  under14: boolean;
  givenBy: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      {under14 && (
        <Alert type="info" showIcon title={t('people.consent.under14')} className="gap-bottom" />
      )}
      <Form.Item name="givenBy" label={t('people.consent.givenBy')} rules={rules.givenBy}>
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
          // The schema leaves it optional; the guardian's name is wanted only when a guardian consents.
          rules={[
            { required: true, whitespace: true, message: t('people.consent.guardianRequired') },
            ...rules.guardianName,
          ]}
        >
          <Input maxLength={maxLengthOf(zConsentCreate.shape.guardianName)} />
        </Form.Item>
      )}
      <Form.Item name="consentDate" label={t('people.consent.date')} rules={rules.consentDate}>
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.format('YYYY-MM-DD') > shanghaiToday()}
        />
      </Form.Item>
      <Form.Item name="scope" label={t('people.consent.scope')} rules={rules.scope}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={maxLengthOf(zConsentCreate.shape.scope)}
        />
      </Form.Item>
    </>
  );
}
