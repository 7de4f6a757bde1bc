import { Alert, App, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  zCaseReopen,
  zCaseReview,
  zCaseTransfer,
  zCaseUpdate,
  type CaseDetail,
  type ClosureForm,
  type ReviewedForm,
} from '../../../../common/schemas/cases';
import { shanghaiToday } from '../../../../common/time';
import { FormModal } from '../../components/form-modal';
import { checkWords, maxLengthOf, requiredRule, schemaRules } from '../../components/zod-form';
import { useIsPhone } from '../../use-is-phone';
import { useCaseWrites, useStationWorkers } from './cases-api';
import { ClosureFields, toClosure } from './stage-forms';

export type CaseDialog =
  | { kind: 'review'; form: ReviewedForm }
  | { kind: 'transfer' }
  | { kind: 'reopen' }
  | { kind: 'closure' }
  | { kind: 'nextContact' }
  | null;

interface Props {
  c: CaseDetail;
  dialog: CaseDialog;
  onClose: () => void;
}

export function CaseDialogs({ c, dialog, onClose }: Props) {
  const common = { c, onClose };
  return (
    <>
      <ReviewDialog
        {...common}
        open={dialog?.kind === 'review'}
        form={dialog?.kind === 'review' ? dialog.form : 'plan'}
      />
      <TransferDialog {...common} open={dialog?.kind === 'transfer'} />
      <ReopenDialog {...common} open={dialog?.kind === 'reopen'} />
      <ClosureDialog {...common} open={dialog?.kind === 'closure'} />
      <NextContactDialog {...common} open={dialog?.kind === 'nextContact'} />
    </>
  );
}

interface DialogProps {
  c: CaseDetail;
  open: boolean;
  onClose: () => void;
}

const review = schemaRules(zCaseReview);
const transfer = schemaRules(zCaseTransfer);
const reopen = schemaRules(zCaseReopen);
const update = schemaRules(zCaseUpdate);

const datePicker = (isPhone: boolean) => (
  <DatePicker
    style={{ width: '100%' }}
    inputReadOnly={isPhone}
    disabledDate={(d) => d.format('YYYY-MM-DD') < shanghaiToday()}
  />
);

type ReviewValues = { decision: 'approved' | 'returned'; note?: string };

/** The supervisor approves the plan or the closure, or returns it saying what to change. */
function ReviewDialog({ c, open, onClose, form: reviewed }: DialogProps & { form: ReviewedForm }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useCaseWrites(c.id);
  const [form] = Form.useForm<ReviewValues>();
  const decision = Form.useWatch('decision', form);
  const title = t(`cases.forms.${reviewed}`);
  return (
    <FormModal<ReviewValues>
      name="caseReview"
      open={open}
      title={t('caseUi.review.title', { form: title })}
      form={form}
      okText={decision === 'returned' ? t('caseUi.review.return') : t('caseUi.review.approve')}
      okDanger={decision === 'returned'}
      initialValues={{ decision: 'approved' }}
      onClose={onClose}
      onSubmit={async (v) => {
        await writes.review({
          form: reviewed,
          decision: v.decision,
          note: v.note?.trim() || undefined,
        });
        void message.success(
          t(v.decision === 'approved' ? 'caseUi.actions.approved' : 'caseUi.actions.returned'),
        );
      }}
    >
      {reviewed === 'closure' && (
        <Alert type="info" showIcon title={t('caseUi.review.closureHint')} className="gap-bottom" />
      )}
      <Form.Item name="decision" label={t('caseUi.review.decision')} rules={review.decision}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          size="large"
          className="radio-row"
          options={[
            { value: 'approved', label: t('caseUi.review.approve') },
            { value: 'returned', label: t('caseUi.review.return') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('caseUi.review.note')}
        dependencies={['decision']}
        rules={[
          // The schema's rule across the two fields, in its words: a return says what to change.
          ({ getFieldValue }) => ({
            required: getFieldValue('decision') === 'returned',
            whitespace: true,
            message: checkWords('returnNote'),
          }),
          ...review.note,
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={maxLengthOf(zCaseReview.shape.note)}
        />
      </Form.Item>
    </FormModal>
  );
}

type TransferValues = { toWorkerId: string; reason: string };

function TransferDialog({ c, open, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useCaseWrites(c.id);
  const workers = useStationWorkers(open ? c.stationId : undefined);
  const [form] = Form.useForm<TransferValues>();
  const options = (workers.data ?? [])
    .filter((w) => w.id !== c.assignedWorker.id)
    .map((w) => ({ value: w.id, label: w.displayName }));
  return (
    <FormModal<TransferValues>
      name="caseTransfer"
      open={open}
      title={t('caseUi.transfer.title')}
      form={form}
      onClose={onClose}
      onSubmit={async (v) => {
        await writes.transfer({ toWorkerId: v.toWorkerId, reason: v.reason.trim() });
        const name = options.find((o) => o.value === v.toWorkerId)?.label ?? '';
        void message.success(t('caseUi.actions.transferred', { name }));
      }}
    >
      <div className="muted gap-bottom">
        {t('caseUi.transfer.current', { name: c.assignedWorker.displayName })}
      </div>
      <Form.Item name="toWorkerId" label={t('caseUi.transfer.to')} rules={transfer.toWorkerId}>
        <Select options={options} loading={workers.isFetching} />
      </Form.Item>
      <Form.Item name="reason" label={t('caseUi.transfer.reason')} rules={transfer.reason}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={maxLengthOf(zCaseTransfer.shape.reason)}
        />
      </Form.Item>
    </FormModal>
  );
}

type ReopenValues = { reason: string; nextContactDate?: Dayjs | null };

function ReopenDialog({ c, open, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const writes = useCaseWrites(c.id);
  const [form] = Form.useForm<ReopenValues>();
  return (
    <FormModal<ReopenValues>
      name="caseReopen"
      open={open}
      title={t('caseUi.reopen.title')}
      form={form}
      okText={t('caseUi.actions.reopen')}
      onClose={onClose}
      onSubmit={async (v) => {
        await writes.reopen({
          reason: v.reason.trim(),
          nextContactDate: v.nextContactDate?.format('YYYY-MM-DD'),
        });
        void message.success(t('caseUi.actions.reopened'));
      }}
    >
      <Alert type="info" showIcon title={t('caseUi.reopen.hint')} className="gap-bottom" />
      <Form.Item name="reason" label={t('caseUi.reopen.reason')} rules={reopen.reason}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={maxLengthOf(zCaseReopen.shape.reason)}
        />
      </Form.Item>
      <Form.Item
        name="nextContactDate"
        label={t('caseUi.reopen.nextContact')}
        extra={t('caseUi.create.nextContactHint')}
        rules={reopen.nextContactDate}
      >
        {datePicker(isPhone)}
      </Form.Item>
    </FormModal>
  );
}

/** A closure asked for before evaluation: the client ended it, moved, was referred on… */
function ClosureDialog({ c, open, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useCaseWrites(c.id);
  const [form] = Form.useForm<ClosureForm>();
  return (
    <FormModal<ClosureForm>
      name="caseClosure"
      open={open}
      title={t('caseUi.closure.title')}
      form={form}
      okText={t('caseUi.actions.requestClosure')}
      onClose={onClose}
      onSubmit={async (v) => {
        await writes.saveForm({ stage: 'closure', data: toClosure(v) });
        void message.success(
          t('caseUi.actions.submittedForReview', { form: t('cases.forms.closure') }),
        );
      }}
    >
      <Alert type="warning" showIcon title={t('caseUi.closure.earlyHint')} className="gap-bottom" />
      <ClosureFields early />
    </FormModal>
  );
}

function NextContactDialog({ c, open, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const writes = useCaseWrites(c.id);
  const [form] = Form.useForm<{ date: Dayjs }>();
  return (
    <FormModal<{ date: Dayjs }>
      name="caseNextContact"
      open={open}
      title={t('caseUi.nextContact.title')}
      form={form}
      initialValues={{ date: c.nextContactDate ? dayjs(c.nextContactDate) : undefined }}
      onClose={onClose}
      onSubmit={async (v) => {
        await writes.update({ nextContactDate: v.date.format('YYYY-MM-DD') });
        void message.success(t('caseUi.actions.saved'));
      }}
    >
      <Form.Item
        name="date"
        label={t('caseUi.nextContact.date')}
        // The API's update changes only what it is given; this dialog is for the date.
        rules={[requiredRule(), ...update.nextContactDate]}
      >
        {datePicker(isPhone)}
      </Form.Item>
    </FormModal>
  );
}
