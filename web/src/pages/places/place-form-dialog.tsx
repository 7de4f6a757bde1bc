import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { placeCategories, type Place, type PlaceCreate } from '../../../../common/schemas/places';
import type { OrgTreeNode } from '../../../../common/schemas/org';
import { FormModal } from '../../components/form-modal';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { useOrgTree } from '../org/org-api';
import { indexTree } from '../org/org-tree-utils';
import { usePlaceWrites } from './places-api';

type Values = PlaceCreate;

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
      <Form.Item name="name" label={t('places.fields.name')} rules={[{ required: true, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="category" label={t('places.fields.category')} rules={[{ required: true }]}>
        <Select
          options={placeCategories.map((c) => ({ value: c, label: t(`places.categories.${c}`) }))}
        />
      </Form.Item>
      <Form.Item name="gridId" label={t('places.fields.grid')} rules={[{ required: true }]}>
        <OrgUnitSelect
          tree={tree.data ?? []}
          loading={tree.isPending}
          canPick={(node: OrgTreeNode) => node.kind === 'grid'}
          placeholder={t('placeUi.form.gridPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="address"
        label={t('places.fields.address')}
        rules={[{ required: true, max: 200 }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="licenceNo" label={t('places.fields.licenceNo')} rules={[{ max: 40 }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        name="personInCharge"
        label={t('places.fields.personInCharge')}
        rules={[{ max: 40 }]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('places.fields.phone')}
        rules={[
          {
            pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8}|1\d{2}\*{4}\d{4})$/,
            message: t('placeUi.form.badPhone'),
          },
        ]}
      >
        <Input inputMode="tel" maxLength={20} />
      </Form.Item>
      <Form.Item label={t('placeUi.form.coordinates')} extra={t('placeUi.form.coordinatesHint')}>
        <Space.Compact block>
          <Form.Item name="lat" noStyle>
            <InputNumber
              min={-90}
              max={90}
              step={0.000001}
              placeholder={t('places.fields.lat')}
              aria-label={t('places.fields.lat')}
              style={{ width: '50%' }}
            />
          </Form.Item>
          <Form.Item name="lng" noStyle>
            <InputNumber
              min={-180}
              max={180}
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
