import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentQuery } from '../../../../common/schemas/people';
import { FilterArea, FilterSearch, FilterSelect } from '../../components/register/register-filters';
import { RegisterPage } from '../../components/register/register-page';
import { useRegisterQuery } from '../../components/register/register-query';
import { useIsPhone } from '../../use-is-phone';
import { HouseholdCreateDialog } from './household-create-dialog';
import { useRegisterImport } from '../imports/register-import';
import { useInvalidateResidents, useResidentList } from './people-api';
import { usePeopleOptions } from './people-options';
import { ResidentCard, useResidentColumns } from './residents-list';
import { useCanWritePeople } from './people-roles';

type Filters = Pick<ResidentQuery, 'q' | 'careTag' | 'communityId' | 'gridId' | 'status'>;
const filterKeys = ['q', 'careTag', 'communityId', 'gridId', 'status'] as const;

/** 居民台账: one search box for name, pinyin, ID or address, the care tag, status and area filters. */
export function ResidentsPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const canWrite = useCanWritePeople();
  const options = usePeopleOptions();
  const query = useRegisterQuery<Filters>(filterKeys);
  const list = useResidentList({ ...query.filters, pageSize: query.pageSize });
  const columns = useResidentColumns();
  const [creating, setCreating] = useState(false);
  const invalidateResidents = useInvalidateResidents();
  const imports = useRegisterImport({
    kind: 'residents',
    enabled: canWrite,
    label: t('people.register.import'),
    templatePath: '/households/import-template.xlsx',
    onImported: invalidateResidents,
  });

  return (
    <RegisterPage
      title={t('people.register.title')}
      query={query}
      list={list}
      export={{
        path: '/residents/export.xlsx',
        name: 'residents',
        done: (count) => t('people.register.exported', { count }),
        partial: (total, exported) => t('people.register.exportPartial', { total, exported }),
      }}
      tools={imports.button}
      phoneTools
      mainAction={
        canWrite && {
          label: t('people.register.newHousehold'),
          onClick: () => setCreating(true),
        }
      }
      above={imports.unfinished}
      filters={
        <>
          <FilterSearch
            label={t('people.register.search')}
            placeholder={t(
              isPhone
                ? 'people.register.searchPlaceholderShort'
                : 'people.register.searchPlaceholder',
            )}
            className="resident-search"
          />
          <FilterSelect
            name="careTag"
            label={t('people.register.careTagFilter')}
            options={options.careTags}
          />
          <FilterSelect
            name="status"
            label={t('people.register.statusFilter')}
            options={options.statuses}
          />
          <FilterArea label={t('people.register.areaFilter')} />
        </>
      }
      columns={columns}
      table={{ scroll: { x: 940 }, className: 'resident-table' }}
      card={(r) => <ResidentCard r={r} />}
      empty={{ text: t('people.register.empty'), hint: t('people.register.emptyHint') }}
    >
      <HouseholdCreateDialog open={creating} onClose={() => setCreating(false)} />
      {imports.dialog}
    </RegisterPage>
  );
}
