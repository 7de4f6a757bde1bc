import { Form, type FormInstance } from 'antd';
import { ConsentItems } from '../people/consent-items';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ageOn } from '../../../../common/people';
import type { zConsentCreate } from '../../../../common/schemas/people';
import { shanghaiToday } from '../../../../common/time';

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
    birthDate !== null && ageOn(birthDate, date ? date.format('YYYY-MM-DD') : shanghaiToday()) < 14;
  return (
    <Form<ConsentValues>
      name="caseConsent"
      form={form}
      layout="vertical"
      requiredMark={false}
      clearOnDestroy
      initialValues={{
        givenBy: under14 ? 'guardian' : 'self',
        consentDate: dayjs(shanghaiToday()),
        scope: t('people.consent.scopeDefault'),
      }}
      onFinish={onFinish}
    >
      <ConsentItems under14={under14} givenBy={givenBy} />
    </Form>
  );
}
