import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Card, Form, Input, Radio } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  issueCategories,
  zIssueReport,
  zLocation,
  type IssueCategory,
} from '../../../../common/schemas/issues';
import { useMe } from '../../auth';
import { showServerError } from '../../components/form-errors';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { fieldRules, maxLengthOf, requiredRule, schemaRules } from '../../components/zod-form';
import { useIsPhone } from '../../use-is-phone';
import { useOrgTree } from '../org/org-api';
import { PhoneActionBar } from '../people/phone-action-bar';
import { useReportIssue } from './issues-api';
import { PhotoField } from './photo-field';

const rules = schemaRules(zIssueReport);
/** The form holds the place's words; the API takes them as location.text. */
const locationRules = fieldRules(zLocation.shape.text.optional());

interface Values {
  category: IssueCategory;
  gridId?: string;
  location?: string;
  description: string;
  photoIds?: string[];
}

/**
 * 上报: the quick form a grid worker fills standing at the spot. The id is made here once, so a
 * retry on a weak signal does not report the same thing twice.
 */
export function IssueReportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const me = useMe();
  const navigate = useNavigate();
  const tree = useOrgTree(false);
  const report = useReportIssue();
  const [form] = Form.useForm<Values>();
  const [id] = useState(() => uuidv7());
  const myGrid = me.roles.find((r) => r.orgUnitKind === 'grid')?.orgUnitId;

  const finish = async (values: Values) => {
    try {
      const issue = await report.mutateAsync({
        id,
        source: 'manual',
        category: values.category,
        gridId: values.gridId,
        location: values.location?.trim() ? { text: values.location.trim() } : undefined,
        description: values.description.trim(),
        photoIds: values.photoIds?.length ? values.photoIds : undefined,
      });
      void message.success(t('issueUi.report.done'));
      void navigate(`/issues/${issue.id}`, { replace: true });
    } catch (error) {
      showServerError(form, error, (text) => void message.error(text));
    }
  };

  const submit = (
    <Button
      type="primary"
      htmlType="submit"
      form="issue-report"
      icon={<SendOutlined />}
      loading={report.isPending}
      block={isPhone}
      size={isPhone ? 'large' : undefined}
    >
      {t('issueUi.report.submit')}
    </Button>
  );

  return (
    <Card title={isPhone ? undefined : t('issueUi.report.title')} className="issue-report">
      <Form<Values>
        id="issue-report"
        name="issue-report"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ category: 'environmentSanitation', gridId: myGrid }}
        onFinish={(values) => void finish(values)}
      >
        <Form.Item name="category" label={t('issues.columns.category')} rules={rules.category}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            className="issue-category-choice"
            options={issueCategories.map((c) => ({
              value: c,
              label: t(`issues.categories.${c}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('issues.columns.description')}
          rules={rules.description}
        >
          <Input.TextArea
            rows={4}
            maxLength={maxLengthOf(zIssueReport.shape.description)}
            placeholder={t('issueUi.report.describe')}
          />
        </Form.Item>
        <Form.Item name="photoIds" label={t('issueUi.photos.label')}>
          <PhotoField />
        </Form.Item>
        <Form.Item name="location" label={t('issues.columns.location')} rules={locationRules}>
          <Input
            maxLength={maxLengthOf(zLocation.shape.text)}
            placeholder={t('issueUi.report.locationPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="gridId"
          label={t('issues.columns.grid')}
          // Optional in the API when a place is named; a report from this form names none.
          rules={[requiredRule(), ...rules.gridId]}
        >
          <OrgUnitSelect
            tree={tree.data ?? []}
            loading={tree.isPending}
            canPick={(node) => node.kind === 'grid'}
          />
        </Form.Item>
        {!isPhone && submit}
      </Form>
      {isPhone && <PhoneActionBar>{submit}</PhoneActionBar>}
    </Card>
  );
}
