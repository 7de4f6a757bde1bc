import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  placeCategories,
  zPlaceCreate,
  type Place,
  type PlaceCreate,
} from '../../../../common/schemas/places';
import type { OrgTreeNode } from '../../../../common/schemas/org';
import { FormModal } from '../../components/form-modal';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { boundsOf, fieldRules, maxLengthOf, schemaRules } from '../../components/zod-form';
import { useOrgTree } from '../org/org-api';
import { indexTree } from '../org/org-tree-utils';
import { usePlaceWrites } from './places-api';

type Values = PlaceCreate;
const rules = schemaRules(zPlaceCreate);
const max = (field: keyof typeof zPlaceCreate.shape) => maxLengthOf(zPlaceCreate.shape[field]);

/** 新增 / 编辑场所: the grid is picked from the caller's own part of the org tree. */
export function PlaceFormDialog({
  open,
  place,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** the place being edited; none to register a new one */
  place?: Place;
  onClose: () => void;
  onSaved?: (place: Place) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const tree = useOrgTree(false);
  const writes = usePlaceWrites();
  const grids = [...indexTree(tree.data ?? []).byId.values()].filter(
    (u) => u.kind === 'grid' && u.status === 'active',
  );
  const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
  // A masked phone left as it was is not sent, so it is not checked either.
  const phoneRules = fieldRules(zPlaceCreate.shape.phone, {
    from: (v: string) => (place?.phoneMasked && v === place.phone ? undefined : v),
  });

  const submit = async (values: Values) => {
    const input = {
      ...values,
      licenceNo: blank(values.licenceNo),
      personInCharge: blank(values.personInCharge),
      phone: blank(values.phone),
      lat: values.lat ?? null,
      lng: values.lng ?? null,
    };
    const saved = place
      ? await writes.update(place.id, {
          ...input,
          // a masked phone was never shown whole: leave it as it is
          phone: place.phoneMasked && input.phone === place.phone ? undefined : input.phone,
          version: place.version,
        })
      : await writes.create(input);
    onSaved?.(saved);
  };

  return (
    <FormModal<Values>
      name="place"
      open={open}
      title={t(place ? 'placeUi.form.editTitle' : 'placeUi.form.createTitle')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      initialValues={
        place
          ? {
              name: place.name,
              category: place.category,
              gridId: place.gridId,
              address: place.address,
              licenceNo: place.licenceNo,
              personInCharge: place.personInCharge,
              phone: place.phone,
              lat: place.lat,
              lng: place.lng,
            }
          : // a grid worker with one grid registers places there
            { gridId: grids.length === 1 ? grids[0].id : undefined }
      }
    >
      <Form.Item name="name" label={t('places.fields.name')} rules={rules.name}>
        <Input maxLength={max('name')} />
      </Form.Item>
      <Form.Item name="category" label={t('places.fields.category')} rules={rules.category}>
        <Select
          options={placeCategories.map((c) => ({ value: c, label: t(`places.categories.${c}`) }))}
        />
      </Form.Item>
      <Form.Item name="gridId" label={t('places.fields.grid')} rules={rules.gridId}>
        <OrgUnitSelect
          tree={tree.data ?? []}
          loading={tree.isPending}
          canPick={(node: OrgTreeNode) => node.kind === 'grid'}
          placeholder={t('placeUi.form.gridPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="address" label={t('places.fields.address')} rules={rules.address}>
        <Input maxLength={max('address')} />
      </Form.Item>
      <Form.Item name="licenceNo" label={t('places.fields.licenceNo')} rules={rules.licenceNo}>
        <Input maxLength={max('licenceNo')} />
      </Form.Item>
      <Form.Item
        name="personInCharge"
        label={t('places.fields.personInCharge')}
        rules={rules.personInCharge}
      >
        <Input maxLength={max('personInCharge')} />
      </Form.Item>
      <Form.Item name="phone" label={t('places.fields.phone')} rules={phoneRules}>
        <Input inputMode="tel" maxLength={20} />
      </Form.Item>
      <Form.Item label={t('placeUi.form.coordinates')} extra={t('placeUi.form.coordinatesHint')}>
        <Space.Compact block>
          <Form.Item name="lat" noStyle rules={rules.lat}>
            <InputNumber
              {...boundsOf(zPlaceCreate.shape.lat)}
              step={0.000001}
              placeholder={t('places.fields.lat')}
              aria-label={t('places.fields.lat')}
              style={{ width: '50%' }}
            />
          </Form.Item>
          <Form.Item name="lng" noStyle rules={rules.lng}>
            <InputNumber
              {...boundsOf(zPlaceCreate.shape.lng)}
              step={0.000001}
              placeholder={t('places.fields.lng')}
              aria-label={t('places.fields.lng')}
              style={{ width: '50%' }}
            />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
    </FormModal>
  );
}
