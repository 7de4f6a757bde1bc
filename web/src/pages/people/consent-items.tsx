import { Alert, DatePicker, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { shanghaiToday } from '../../../../common/time';

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
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.format('YYYY-MM-DD') > shanghaiToday()}
        />
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
    </>
  );
}
