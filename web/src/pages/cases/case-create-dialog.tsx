import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  zCaseCreate,
  zIntakeForm,
  type CaseSource,
  type RiskLevel,
} from '../../../../common/schemas/cases';
import type { Resident } from '../../../../common/schemas/people';
import type { IntakeReferral } from '../../../../common/schemas/tips';
import { shanghaiToday } from '../../../../common/time';
import { ApiError } from '../../api';
import { showServerError } from '../../components/form-errors';
import { maxLengthOf, requiredRule, schemaRules } from '../../components/zod-form';
import { useIsPhone } from '../../use-is-phone';
import { useCaseRoles } from './case-roles';
import { useCaseOptions } from './case-tags';
import { useCreateCase, useStationWorkers } from './cases-api';
import { ConsentFields, toConsentBody, type ConsentValues } from './consent-fields';
import { useRecordConsent } from '../people/people-api';
import { ResidentPicker } from './resident-picker';

const rules = schemaRules(zCaseCreate);
const intake = schemaRules(zIntakeForm);
const max = maxLengthOf;

interface CaseValues {
  stationId?: string;
  residentId: string;
  source: CaseSource;
  riskLevel: RiskLevel;
  assignedWorkerId?: string;
  presentingProblem: string;
  nextContactDate?: Dayjs | null;
  needAsTold: string;
  background?: string;
  expectations?: string;
}

/**
 * 接案: a resident, where the case came from, the problem and risk, the worker, and the intake form.
 * Without the client's consent on record the server refuses; the consent is then recorded right here
 * and the intake sent again, with nothing typed lost.
 */
export function CaseCreateDialog({
  open,
  onClose,
  referral,
}: {
  open: boolean;
  onClose: () => void;
  /** 接案 of a pending intake referral: prefilled from it, and marked accepted with the case */
  referral?: IntakeReferral;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const roles = useCaseRoles();
  const options = useCaseOptions();
  const createCase = useCreateCase();
  const recordConsent = useRecordConsent();
  const [form] = Form.useForm<CaseValues>();
  const [consentForm] = Form.useForm<ConsentValues>();
  const [step, setStep] = useState<'case' | 'consent'>('case');
  const [resident, setResident] = useState<Resident>();
  // One id per opening: a retry after consent, or a resend on a poor signal, opens one case.
  const [caseId, setCaseId] = useState(() => uuidv7());
  const single = roles.stations.length === 1 ? roles.stations[0].id : undefined;
  const stationId = Form.useWatch('stationId', form) ?? single;
  const workers = useStationWorkers(stationId);
  const span = isPhone ? 24 : 12;

  const close = () => {
    setStep('case');
    setResident(undefined);
    setCaseId(uuidv7());
    onClose();
  };

  const send = async (values: CaseValues) => {
    const detail = await createCase.mutateAsync({
      id: caseId,
      residentId: values.residentId,
      stationId: values.stationId ?? single,
      source: values.source,
      riskLevel: values.riskLevel,
      assignedWorkerId: values.assignedWorkerId,
      presentingProblem: values.presentingProblem.trim(),
      nextContactDate: values.nextContactDate?.format('YYYY-MM-DD'),
      intake: {
        needAsTold: values.needAsTold.trim(),
        background: values.background?.trim() || null,
        expectations: values.expectations?.trim() || null,
      },
      intakeReferralId: referral?.id,
    });
    void message.success(t('caseUi.create.created', { name: detail.clientName }));
    close();
    void navigate(`/cases/${detail.id}`);
  };

  const submitCase = async (values: CaseValues) => {
    try {
      await send(values);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONSENT_REQUIRED') setStep('consent');
      else showServerError(form, error, (text) => void message.error(text));
    }
  };

  const submitConsent = async (values: ConsentValues) => {
    const residentId = form.getFieldValue('residentId') as string;
    try {
      await recordConsent.mutateAsync({ residentId, body: toConsentBody(values) });
      await send(form.getFieldsValue(true) as CaseValues);
    } catch (error) {
      showServerError(consentForm, error, (text) => void message.error(text), {
        CONSENT_REQUIRED: 'guardianName',
      });
    }
  };

  const workerOptions = (workers.data ?? []).map((w) => ({
    value: w.id,
    label:
      w.id === roles.me.id ? t('caseUi.create.workerSelf', { name: w.displayName }) : w.displayName,
  }));

  return (
    <Modal
      open={open}
      title={t('caseUi.create.title')}
      width={760}
      okText={step === 'case' ? t('caseUi.create.submit') : t('caseUi.create.consentAndOpen')}
      cancelText={step === 'case' ? t('common.cancel') : t('caseUi.create.back')}
      confirmLoading={createCase.isPending || recordConsent.isPending}
      onOk={() => (step === 'case' ? form.submit() : consentForm.submit())}
      onCancel={() => (step === 'case' ? close() : setStep('case'))}
      destroyOnHidden
    >
      <div hidden={step !== 'case'}>
        <Form<CaseValues>
          name="caseCreate"
          form={form}
          layout="vertical"
          requiredMark={false}
          clearOnDestroy
          scrollToFirstError={{ block: 'center' }}
          initialValues={{
            riskLevel: 'medium',
            assignedWorkerId: single && roles.workerAt(single) ? roles.me.id : undefined,
            ...(referral && {
              stationId: roles.stations.length > 1 ? referral.stationId : undefined,
              residentId: referral.residentId ?? undefined,
              source: 'communityReferral',
              presentingProblem: referral.need.slice(0, 1000),
              needAsTold: referral.need,
            }),
          }}
          onFinish={(values) => void submitCase(values)}
        >
          <h4 className="form-section">{t('caseUi.create.caseSection')}</h4>
          <Row gutter={16}>
            {roles.stations.length > 1 && (
              <Col span={24}>
                <Form.Item
                  name="stationId"
                  label={t('caseUi.create.station')}
                  // Optional in the API only for staff of one station; this one has several.
                  rules={[requiredRule(), ...rules.stationId]}
                >
                  <Select
                    options={roles.stations.map((s) => ({ value: s.id, label: s.name }))}
                    onChange={(id: string) =>
                      form.setFieldValue(
                        'assignedWorkerId',
                        roles.workerAt(id) ? roles.me.id : undefined,
                      )
                    }
                  />
                </Form.Item>
              </Col>
            )}
            <Col span={24}>
              <Form.Item
                name="residentId"
                label={t('caseUi.create.resident')}
                rules={rules.residentId}
              >
                <ResidentPicker
                  placeholder={t('caseUi.create.residentPlaceholder')}
                  onPick={setResident}
                />
              </Form.Item>
            </Col>
            <Col span={span}>
              <Form.Item name="source" label={t('cases.fields.source')} rules={rules.source}>
                <Select options={options.sources} />
              </Form.Item>
            </Col>
            <Col span={span}>
              <Form.Item
                name="assignedWorkerId"
                label={t('caseUi.create.worker')}
                // The API takes the caller when left out; the form asks so it is chosen, not assumed.
                rules={[requiredRule(), ...rules.assignedWorkerId]}
              >
                <Select options={workerOptions} loading={workers.isFetching} />
              </Form.Item>
            </Col>
            <Col span={span}>
              <Form.Item
                name="riskLevel"
                label={t('cases.fields.riskLevel')}
                rules={rules.riskLevel}
              >
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={options.risks}
                  className="radio-row"
                />
              </Form.Item>
            </Col>
            <Col span={span}>
              <Form.Item
                name="nextContactDate"
                label={t('cases.fields.nextContactDate')}
                extra={t('caseUi.create.nextContactHint')}
                rules={rules.nextContactDate}
              >
                <DatePicker
                  style={{ width: '100%' }}
                  inputReadOnly={isPhone}
                  disabledDate={(d) => d.format('YYYY-MM-DD') < shanghaiToday()}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="presentingProblem"
                label={t('cases.fields.presentingProblem')}
                rules={rules.presentingProblem}
              >
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 5 }}
                  maxLength={max(zCaseCreate.shape.presentingProblem)}
                />
              </Form.Item>
            </Col>
          </Row>
          <h4 className="form-section">{t('caseUi.create.intakeSection')}</h4>
          <Form.Item
            name="needAsTold"
            label={t('cases.fields.needAsTold')}
            rules={intake.needAsTold}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={max(zIntakeForm.shape.needAsTold)}
            />
          </Form.Item>
          <Form.Item
            name="background"
            label={t('cases.fields.background')}
            rules={intake.background}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={max(zIntakeForm.shape.background)}
            />
          </Form.Item>
          <Form.Item
            name="expectations"
            label={t('cases.fields.expectations')}
            rules={intake.expectations}
          >
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={max(zIntakeForm.shape.expectations)}
            />
          </Form.Item>
        </Form>
      </div>
      {step === 'consent' && (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('caseUi.create.consentTitle', { name: resident?.name ?? '' })}
            description={t('caseUi.create.consentText')}
            className="gap-bottom"
          />
          <ConsentFields
            form={consentForm}
            birthDate={resident?.birthDate ?? null}
            onFinish={(v) => void submitConsent(v)}
          />
        </>
      )}
    </Modal>
  );
}
