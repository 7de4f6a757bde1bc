import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Skeleton,
  Space,
} from 'antd';
import { SaveOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  serviceRecordTypes,
  zServiceRecordCreate,
  type CaseDetail,
  type CorrectionDiff,
  type ServiceRecordType,
} from '../../../../common/schemas/cases';
import type { ResidentFields } from '../../../../common/schemas/people';
import { shanghaiToday } from '../../../../common/time';
import { ListState } from '../../components/list-state';
import { boundsOf, maxLengthOf, schemaRules } from '../../components/zod-form';
import { useIsPhone } from '../../use-is-phone';
import { useHousehold } from '../people/people-api';
import type { ResidentFormValues } from '../people/resident-fields';
import { PhoneActionBar } from '../people/phone-action-bar';
import { useCaseErrors } from './case-errors';
import { useCase, useCaseWrites } from './cases-api';
import { recordTypeLook } from './service-records';
import { correctionFields, CorrectionDiffModal, VisitCorrections } from './visit-corrections';

const rules = schemaRules(zServiceRecordCreate);

interface RecordValues {
  type: ServiceRecordType;
  at: Dayjs;
  durationMinutes: number;
  content: string;
  nextFollowUpDate?: Dayjs | null;
}

export function RecordPage() {
  const { id = '' } = useParams();
  const query = useCase(id);
  if (query.isPending || query.error) {
    return (
      <Card>
        <ListState
          loading={query.isPending}
          error={query.error}
          onRetry={() => void query.refetch()}
          empty={false}
          emptyText=""
        >
          <Skeleton />
        </ListState>
      </Card>
    );
  }
  return <RecordForm c={query.data} />;
}

const durations = [15, 30, 45, 60, 90];
const followUps = [
  { key: 'tomorrow', days: 1 },
  { key: 'week', days: 7 },
  { key: 'twoWeeks', days: 14 },
  { key: 'month', days: 30 },
] as const;

/**
 * One contact with the client, made for one hand at the door: one column, big targets, the save
 * button at the bottom. A home visit may correct the household's details, shown as a diff to confirm.
 */
function RecordForm({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const [params] = useSearchParams();
  const writes = useCaseWrites(c.id);
  const onError = useCaseErrors();
  const household = useHousehold(c.householdId);
  const [form] = Form.useForm<RecordValues>();
  const [correctionForm] = Form.useForm<ResidentFormValues>();
  const type = Form.useWatch('type', form);
  const [verify, setVerify] = useState(false);
  const [memberId, setMemberId] = useState(c.residentId);
  const [pending, setPending] = useState<{
    values: RecordValues;
    diffs: CorrectionDiff[];
    fields: Partial<ResidentFields>;
  }>();
  const [saving, setSaving] = useState(false);
  // One id for this record: a resend over a poor signal stores it (and its corrections) once.
  const [recordId] = useState(() => uuidv7());
  const asked = params.get('type') as ServiceRecordType | null;
  const checking = type === 'homeVisit' && verify;

  const save = async (values: RecordValues, confirmed?: typeof pending) => {
    setSaving(true);
    try {
      const { case: after } = await writes.createRecord({
        id: recordId,
        type: values.type,
        at: values.at.format(),
        durationMinutes: values.durationMinutes,
        content: values.content.trim(),
        nextFollowUpDate: values.nextFollowUpDate?.format('YYYY-MM-DD'),
        ...(confirmed
          ? {
              corrections: confirmed.diffs.map((d) => ({
                residentId: d.residentId,
                version: d.version,
                fields: confirmed.fields,
              })),
              confirmCorrections: true,
            }
          : {}),
      });
      setPending(undefined);
      void message.success(t('caseUi.record.saved', { date: after.nextContactDate ?? '—' }));
      void navigate(`/cases/${c.id}`);
    } catch (error) {
      setPending(undefined);
      onError(error, form);
    } finally {
      setSaving(false);
    }
  };

  const submit = async (values: RecordValues) => {
    if (!checking) return save(values);
    let fields: Partial<ResidentFields> | undefined;
    try {
      fields = correctionFields(household.data, memberId, await correctionForm.validateFields());
    } catch {
      return; // the correction form shows what is wrong at its fields
    }
    if (!fields) return save(values);
    setSaving(true);
    let diffs: CorrectionDiff[];
    try {
      diffs = await writes.previewCorrections({ corrections: [{ residentId: memberId, fields }] });
    } catch (error) {
      onError(error, correctionForm);
      return;
    } finally {
      setSaving(false);
    }
    const changed = diffs.filter((d) => d.changes.length > 0);
    if (changed.length === 0) {
      // Checked and found right: the visit is recorded, nothing is corrected.
      void message.info(t('caseUi.verify.noChanges'));
      return save(values);
    }
    setPending({ values, diffs: changed, fields });
  };

  if (c.status !== 'open' || !c.canWrite) {
    return (
      <Card>
        <Alert
          type="info"
          showIcon
          title={t(c.status !== 'open' ? 'caseUi.record.closed' : 'caseUi.record.noRight')}
        />
      </Card>
    );
  }

  const saveButton = (
    <Button
      type="primary"
      size="large"
      block={isPhone}
      icon={checking ? <SafetyCertificateOutlined /> : <SaveOutlined />}
      loading={saving}
      onClick={() => form.submit()}
      data-action="save-record"
    >
      {checking ? t('caseUi.verify.preview') : t('caseUi.record.save')}
    </Button>
  );

  return (
    <Card
      className="record-page"
      title={isPhone ? undefined : t('caseUi.record.title')}
      extra={
        !isPhone && (
          <Link to={`/cases/${c.id}`}>{t('caseUi.record.for', { name: c.clientName })}</Link>
        )
      }
    >
      {isPhone && (
        <div className="record-client">{t('caseUi.record.for', { name: c.clientName })}</div>
      )}
      <Form<RecordValues>
        name="serviceRecord"
        form={form}
        layout="vertical"
        requiredMark={false}
        scrollToFirstError={{ block: 'center' }}
        initialValues={{
          type: asked && serviceRecordTypes.includes(asked) ? asked : 'homeVisit',
          at: dayjs(),
          durationMinutes: 30,
        }}
        onFinish={(values) => void submit(values)}
        className="record-form"
      >
        <Form.Item name="type" label={t('cases.fields.recordType')} rules={rules.type}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            className="type-grid"
            options={serviceRecordTypes.map((v) => ({
              value: v,
              label: (
                <span className="type-option">
                  {recordTypeLook[v].icon} {t(`cases.recordTypes.${v}`)}
                </span>
              ),
            }))}
          />
        </Form.Item>
        <div className="record-when">
          <Form.Item
            name="at"
            label={t('caseUi.record.at')}
            rules={[
              ...rules.at,
              // Not in the schema: the server's clock and the phone's may differ a little.
              {
                validator: async (_, value?: Dayjs) => {
                  if (value && value.isAfter(dayjs().add(10, 'minute')))
                    throw new Error(t('caseUi.record.future'));
                },
              },
            ]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              inputReadOnly={isPhone}
              disabledDate={(d) => d.format('YYYY-MM-DD') > shanghaiToday()}
            />
          </Form.Item>
          <Form.Item label={t('caseUi.record.duration')} required>
            <Form.Item name="durationMinutes" noStyle rules={rules.durationMinutes}>
              <InputNumber
                {...boundsOf(zServiceRecordCreate.shape.durationMinutes)}
                precision={0}
                inputMode="numeric"
                suffix={t('caseUi.record.minutesUnit')}
                style={{ width: '100%' }}
                aria-label={t('caseUi.record.duration')}
              />
            </Form.Item>
            <Space wrap size={8} className="quick-chips">
              {durations.map((m) => (
                <Button
                  key={m}
                  size={isPhone ? 'middle' : 'small'}
                  onClick={() => form.setFieldValue('durationMinutes', m)}
                >
                  {m}
                </Button>
              ))}
            </Space>
          </Form.Item>
        </div>
        <Form.Item name="content" label={t('caseUi.record.content')} rules={rules.content}>
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            maxLength={maxLengthOf(zServiceRecordCreate.shape.content)}
            placeholder={t('caseUi.record.contentPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          label={t('caseUi.record.nextFollowUp')}
          extra={t('caseUi.record.nextFollowUpHint')}
        >
          <Form.Item name="nextFollowUpDate" noStyle rules={rules.nextFollowUpDate}>
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly={isPhone}
              disabledDate={(d) => d.format('YYYY-MM-DD') < shanghaiToday()}
              aria-label={t('caseUi.record.nextFollowUp')}
            />
          </Form.Item>
          <Space wrap size={8} className="quick-chips">
            {followUps.map((f) => (
              <Button
                key={f.key}
                size={isPhone ? 'middle' : 'small'}
                onClick={() =>
                  form.setFieldValue('nextFollowUpDate', dayjs(shanghaiToday()).add(f.days, 'day'))
                }
              >
                {t(`caseUi.record.quick.${f.key}`)}
              </Button>
            ))}
          </Space>
        </Form.Item>
      </Form>
      {type === 'homeVisit' && (
        <VisitCorrections
          c={c}
          form={correctionForm}
          on={verify}
          onToggle={setVerify}
          memberId={memberId}
          onMember={setMemberId}
        />
      )}
      {isPhone ? (
        <PhoneActionBar>{saveButton}</PhoneActionBar>
      ) : (
        <div className="record-actions">{saveButton}</div>
      )}
      <CorrectionDiffModal
        diffs={pending?.diffs ?? null}
        saving={saving}
        onConfirm={() => pending && void save(pending.values, pending)}
        onCancel={() => setPending(undefined)}
      />
    </Card>
  );
}
