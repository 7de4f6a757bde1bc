import { useNavigate } from 'react-router';
import { App, Checkbox, Divider, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  zChangeHead,
  zSplitHousehold,
  type Household,
  type Resident,
} from '../../../../common/schemas/people';
import { FormModal } from '../../components/form-modal';
import { fieldRules, schemaRules } from '../../components/zod-form';
import { AddressFieldItems, toAddress, type AddressValues } from './address-fields';
import {
  factsOf,
  HouseholdFactItems,
  toFacts,
  type HouseholdFactsValues,
} from './household-fields';
import type { MemberDialogKind } from './member-card';
import {
  AddMemberDialog,
  ConsentDialog,
  EditMemberDialog,
  RemoveMemberDialog,
} from './member-dialogs';
import { useHouseholdWrites } from './people-api';
import { usePeopleOptions } from './people-options';

export type HouseholdDialog =
  | { kind: 'add' | 'changeHead' | 'split' | 'move' | 'facts' }
  | { kind: MemberDialogKind; memberId: string }
  | null;

interface Props {
  household: Household;
  dialog: HouseholdDialog;
  onClose: () => void;
}

/**
 * The household's named operations, each a dialog. Members are looked up in the household as now
 * loaded, so after a 409 and the reload the next submit carries the current versions.
 */
export function HouseholdDialogs({ household, dialog, onClose }: Props) {
  const kind = dialog?.kind;
  const member =
    dialog && 'memberId' in dialog
      ? household.members.find((m) => m.id === dialog.memberId)
      : undefined;
  const common = { household, onClose };
  return (
    <>
      <AddMemberDialog {...common} open={kind === 'add'} />
      {member && (
        <>
          <EditMemberDialog {...common} member={member} open={kind === 'edit'} />
          <RemoveMemberDialog {...common} member={member} open={kind === 'remove'} />
          <ConsentDialog {...common} member={member} open={kind === 'consent'} />
        </>
      )}
      <ChangeHeadDialog {...common} open={kind === 'changeHead'} />
      <SplitDialog {...common} open={kind === 'split'} />
      <MoveDialog {...common} open={kind === 'move'} />
      <FactsDialog {...common} open={kind === 'facts'} />
    </>
  );
}

interface DialogProps {
  household: Household;
  open: boolean;
  onClose: () => void;
}

const changeHeadRules = schemaRules(zChangeHead);
const relationRules = fieldRules(zChangeHead.shape.relations.unwrap().valueType);
const splitRules = schemaRules(zSplitHousehold);

const livingOf = (h: Household) => h.members.filter((m) => m.status === 'living');

interface ChangeHeadValues {
  residentId: string;
  relations?: Record<string, Resident['relationToHead']>;
}

function ChangeHeadDialog({ household: h, open, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useHouseholdWrites(h.id);
  const options = usePeopleOptions();
  const [form] = Form.useForm<ChangeHeadValues>();
  const newHead = Form.useWatch('residentId', form);
  const living = livingOf(h);
  const others = living.filter((m) => m.id !== newHead);
  // The old head's relation to the new one is not known yet: it must be chosen.
  const relations = Object.fromEntries(
    living.filter((m) => m.id !== h.headResidentId).map((m) => [m.id, m.relationToHead]),
  );
  return (
    <FormModal<ChangeHeadValues>
      name="changeHead"
      open={open}
      title={t('people.forms.changeHeadTitle')}
      form={form}
      okText={t('people.ops.changeHead')}
      initialValues={{ relations }}
      onClose={onClose}
      onSubmit={async (values) => {
        const relationsToSend = Object.fromEntries(
          Object.entries(values.relations ?? {}).filter(([id]) => id !== values.residentId),
        );
        await writes.changeHead({
          version: h.version,
          residentId: values.residentId,
          relations: relationsToSend,
        });
        const name = living.find((m) => m.id === values.residentId)?.name ?? '';
        void message.success(t('people.forms.headChanged', { name }));
      }}
    >
      <Form.Item
        name="residentId"
        label={t('people.forms.newHead')}
        rules={changeHeadRules.residentId}
      >
        <Select
          options={living
            .filter((m) => m.id !== h.headResidentId)
            .map((m) => ({ value: m.id, label: m.name }))}
        />
      </Form.Item>
      {newHead && (
        <>
          <Divider titlePlacement="start" className="form-section">
            {t('people.forms.relationsToNewHead')}
          </Divider>
          {others.map((m) => (
            <Form.Item key={m.id} name={['relations', m.id]} label={m.name} rules={relationRules}>
              <Select options={options.relations} />
            </Form.Item>
          ))}
        </>
      )}
    </FormModal>
  );
}

type SplitValues = AddressValues & { residentIds: string[]; headResidentId: string };

function SplitDialog({ household: h, open, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useHouseholdWrites(h.id);
  const navigate = useNavigate();
  const [form] = Form.useForm<SplitValues>();
  const chosen = Form.useWatch('residentIds', form) ?? [];
  // The head stays: a household cannot lose its head by a split (change the head first).
  const movable = livingOf(h).filter((m) => m.id !== h.headResidentId);
  return (
    <FormModal<SplitValues>
      name="split"
      open={open}
      title={t('people.forms.splitTitle')}
      form={form}
      width={640}
      okText={t('people.ops.split')}
      initialValues={{ gridId: h.gridId, building: h.building, unitNo: h.unitNo ?? undefined }}
      onClose={onClose}
      onSubmit={async (values) => {
        const newHouseholdId = uuidv7();
        const { to } = await writes.split({
          version: h.version,
          newHouseholdId,
          residentIds: values.residentIds,
          headResidentId: values.headResidentId,
          ...toAddress(values),
        });
        const head = to.members.find((m) => m.id === values.headResidentId)?.name ?? '';
        void message.success(
          <span>
            {t('people.forms.splitDone', { name: head })}{' '}
            {/* The toast lives outside the router: a plain link that navigates in the app. */}
            <a
              href={`/households/${to.id}`}
              onClick={(e) => {
                e.preventDefault();
                void navigate(`/households/${to.id}`);
              }}
            >
              {t('people.forms.openNewHousehold')}
            </a>
          </span>,
        );
      }}
    >
      <Typography.Paragraph type="secondary">{t('people.forms.splitHint')}</Typography.Paragraph>
      <Form.Item
        name="residentIds"
        label={t('people.forms.splitMembers')}
        rules={splitRules.residentIds}
      >
        <Checkbox.Group
          className="member-checks"
          options={movable.map((m) => ({ value: m.id, label: m.name }))}
        />
      </Form.Item>
      <Form.Item
        name="headResidentId"
        label={t('people.forms.splitHead')}
        dependencies={['residentIds']}
        rules={[
          ...splitRules.headResidentId,
          // One of those who leave: a rule across the two fields, the form's own.
          ({ getFieldValue }) => ({
            validator: async (_, value?: string) => {
              const ids = (getFieldValue('residentIds') as string[] | undefined) ?? [];
              if (value && !ids.includes(value))
                throw new Error(t('people.forms.splitHeadRequired'));
            },
          }),
        ]}
      >
        <Select
          options={movable
            .filter((m) => chosen.includes(m.id))
            .map((m) => ({ value: m.id, label: m.name }))}
        />
      </Form.Item>
      <Divider titlePlacement="start" className="form-section">
        {t('people.forms.newAddress')}
      </Divider>
      <AddressFieldItems />
    </FormModal>
  );
}

function MoveDialog({ household: h, open, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useHouseholdWrites(h.id);
  const [form] = Form.useForm<AddressValues>();
  return (
    <FormModal<AddressValues>
      name="move"
      open={open}
      title={t('people.forms.moveTitle')}
      form={form}
      width={640}
      okText={t('people.ops.move')}
      initialValues={{
        gridId: h.gridId,
        building: h.building,
        unitNo: h.unitNo ?? undefined,
        room: h.room,
      }}
      onClose={onClose}
      onSubmit={async (values) => {
        await writes.move({ version: h.version, ...toAddress(values) });
        void message.success(t('people.forms.moved'));
      }}
    >
      <Typography.Paragraph type="secondary">{t('people.forms.moveHint')}</Typography.Paragraph>
      <AddressFieldItems />
    </FormModal>
  );
}

function FactsDialog({ household: h, open, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useHouseholdWrites(h.id);
  const [form] = Form.useForm<HouseholdFactsValues>();
  return (
    <FormModal<HouseholdFactsValues>
      name="facts"
      open={open}
      title={t('people.forms.factsTitle')}
      form={form}
      width={640}
      initialValues={factsOf(h)}
      onClose={onClose}
      onSubmit={async (values) => {
        await writes.update({ version: h.version, ...toFacts(values) });
        void message.success(t('people.forms.saved'));
      }}
    >
      <HouseholdFactItems />
    </FormModal>
  );
}
