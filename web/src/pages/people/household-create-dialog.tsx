import { App, Divider, Form } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '../../api';
import { FormModal } from '../../components/form-modal';
import { AddressFieldItems, toAddress, useOnlyGrid, type AddressValues } from './address-fields';
import { HouseholdFactItems, toFacts, type HouseholdFactsValues } from './household-fields';
import { useCreateHousehold } from './people-api';
import {
  openModes,
  ResidentFieldItems,
  toResidentFields,
  type ResidentFormValues,
} from './resident-fields';

type Values = AddressValues & ResidentFormValues & HouseholdFactsValues;

/** The server names the head's fields as head.x; the form holds them flat beside the address. */
export function withoutPrefix(error: unknown, prefix: string): unknown {
  if (!(error instanceof ApiError) || !error.field?.startsWith(prefix)) return error;
  const field = error.field.slice(prefix.length);
  const flat = field.startsWith('disability') ? 'disabilityCategory' : field;
  return new ApiError(error.status, error.code, error.message, flat, error.current);
}

/** 入户登记: a new household at an address in the caller's grids, with its head. */
export function HouseholdCreateDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateHousehold();
  const onlyGrid = useOnlyGrid();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      name="householdCreate"
      open={open}
      title={t('people.forms.newHouseholdTitle')}
      form={form}
      width={760}
      initialValues={{ gridId: onlyGrid, economicStatus: 'normal' }}
      onClose={onClose}
      onSubmit={async (values) => {
        try {
          const household = await create({
            id: uuidv7(),
            ...toAddress(values),
            ...toFacts(values),
            head: toResidentFields(values, openModes),
          });
          void message.success(t('people.forms.created', { name: values.name.trim() }));
          void navigate(`/households/${household.id}`);
        } catch (error) {
          throw withoutPrefix(error, 'head.');
        }
      }}
    >
      <Divider titlePlacement="start" className="form-section">
        {t('people.forms.addressSection')}
      </Divider>
      <AddressFieldItems />
      <Divider titlePlacement="start" className="form-section">
        {t('people.forms.headSection')}
      </Divider>
      <ResidentFieldItems form={form} modes={openModes} />
      <Divider titlePlacement="start" className="form-section">
        {t('people.forms.householdSection')}
      </Divider>
      <HouseholdFactItems />
    </FormModal>
  );
}
