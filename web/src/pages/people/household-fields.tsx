import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  zHouseholdFields,
  type Household,
  type HouseholdUpdate,
} from '../../../../common/schemas/people';
import { fieldRules, maxLengthOf } from '../../components/zod-form';
import { useIsPhone } from '../../use-is-phone';
import { usePeopleOptions } from './people-options';

export interface HouseholdFactsValues {
  housing?: Household['housing'];
  incomeSources?: Household['incomeSources'];
  economicStatus?: Household['economicStatus'];
  notes?: string;
}

export const factsOf = (h: Household): HouseholdFactsValues => ({
  housing: h.housing,
  incomeSources: h.incomeSources,
  economicStatus: h.economicStatus,
  notes: h.notes ?? undefined,
});

export const toFacts = (v: HouseholdFactsValues): Omit<HouseholdUpdate, 'version'> => ({
  housing: v.housing ?? null,
  incomeSources: v.incomeSources ?? [],
  economicStatus: v.economicStatus ?? 'normal',
  notes: v.notes?.trim() || null,
});

/** Housing, income sources, economic status and notes: what is known of the household as a whole. */
export function HouseholdFactItems() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const options = usePeopleOptions();
  const span = isPhone ? 24 : 12;
  return (
    <Row gutter={16}>
      <Col span={span}>
        <Form.Item name="housing" label={t('people.fields.housing')}>
          <Select allowClear options={options.housing} />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="economicStatus" label={t('people.fields.economicStatus')}>
          <Select options={options.economicStatuses} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="incomeSources" label={t('people.fields.incomeSources')}>
          <Select mode="multiple" allowClear options={options.incomeSources} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="notes"
          label={t('people.fields.notes')}
          rules={fieldRules(zHouseholdFields.shape.notes)}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={maxLengthOf(zHouseholdFields.shape.notes)}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
