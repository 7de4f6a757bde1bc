import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Tag } from 'antd';
import type { TableProps } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { placeCategories, type Place } from '../../../../common/schemas/places';
import { RegisterCard } from '../../components/register/register-card';
import { FilterArea, FilterSearch, FilterSelect } from '../../components/register/register-filters';
import { RegisterPage } from '../../components/register/register-page';
import { useRegisterQuery } from '../../components/register/register-query';
import { useRegisterImport } from '../imports/register-import';
import { PlaceFormDialog } from './place-form-dialog';
import { useCanWritePlaces, usePlaceList, usePlaceWrites } from './places-api';

function InspectButton({ place, block }: { place: Place; block?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to={`/inspections/new?placeId=${place.id}`}>
      <Button
        type="primary"
        ghost
        block={block}
        size={block ? 'large' : undefined}
        icon={<SafetyCertificateOutlined />}
      >
        {t('placeUi.inspect.start')}
      </Button>
    </Link>
  );
}

const filterKeys = ['q', 'category', 'communityId', 'gridId'] as const;

/**
 * 场所台账: search and filter by category and area, 开始检查 from each place, register a place,
 * 导出 Excel and the two-step 导入 shared with the household ledger.
 */
export function PlacesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCanWritePlaces();
  const writes = usePlaceWrites();
  const [creating, setCreating] = useState(false);
  const imports = useRegisterImport({
    kind: 'places',
    enabled: canWrite,
    label: t('placeUi.register.import'),
    templatePath: '/places/import-template.xlsx',
    onImported: writes.invalidate,
  });
  const query = useRegisterQuery(filterKeys);
  const list = usePlaceList({ ...query.filters, page: query.page, pageSize: query.pageSize });
  const columns: TableProps<Place>['columns'] = [
    {
      key: 'name',
      title: t('places.fields.name'),
      render: (_, p) => (
        <Link to={`/places/${p.id}`}>
          <strong>{p.name}</strong>
        </Link>
      ),
    },
    {
      key: 'category',
      title: t('places.fields.category'),
      width: 130,
      render: (_, p) => t(`places.categories.${p.category}`),
    },
    {
      key: 'grid',
      title: t('places.fields.grid'),
      width: 200,
      render: (_, p) => `${p.communityName} · ${p.gridName}`,
    },
    { key: 'address', title: t('places.fields.address'), ellipsis: true, dataIndex: 'address' },
    {
      key: 'status',
      title: t('places.fields.status'),
      width: 90,
      render: (_, p) => (
        <Tag color={p.status === 'active' ? 'green' : 'default'}>
          {t(`places.statuses.${p.status}`)}
        </Tag>
      ),
    },
    {
      key: 'inspect',
      title: t('common.actions'),
      width: 140,
      render: (_, p) => p.status === 'active' && <InspectButton place={p} />,
    },
  ];

  return (
    <RegisterPage
      title={t('places.register')}
      query={query}
      list={list}
      export={{
        path: '/places/export.xlsx',
        name: 'places',
        done: (count) => t('placeUi.register.exported', { count }),
      }}
      tools={imports.button}
      phoneTools
      mainAction={
        canWrite && { label: t('placeUi.register.create'), onClick: () => setCreating(true) }
      }
      above={imports.unfinished}
      filters={
        <>
          <FilterSearch label={t('placeUi.list.searchPlaceholder')} />
          <FilterSelect
            name="category"
            label={t('places.fields.category')}
            options={placeCategories.map((c) => ({
              value: c,
              label: t(`places.categories.${c}`),
            }))}
          />
          <FilterArea label={t('placeUi.register.areaFilter')} />
        </>
      }
      columns={columns}
      table={{ scroll: { x: 900 } }}
      card={(p) => (
        <RegisterCard
          to={`/places/${p.id}`}
          title={p.name}
          tags={<Tag>{t(`places.categories.${p.category}`)}</Tag>}
          actions={p.status === 'active' && <InspectButton place={p} block />}
        >
          <div className="muted small">{p.address}</div>
          <div className="muted small">
            {p.communityName} · {p.gridName}
          </div>
        </RegisterCard>
      )}
      empty={{
        text: t('placeUi.list.empty'),
        hint: canWrite ? t('placeUi.register.emptyHint') : undefined,
      }}
    >
      <PlaceFormDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(place) => void navigate(`/places/${place.id}`)}
      />
      {imports.dialog}
    </RegisterPage>
  );
}
