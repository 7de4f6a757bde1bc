import { Link } from 'react-router';
import { Card } from 'antd';
import type { TableProps } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../../../../common/schemas/people';
import { CareTagChips, ResidentStatusTag, useGenderAge } from './people-tags';
import { SensitiveValue } from './sensitive-value';

const householdPath = (r: Resident) => `/households/${r.householdId}`;

/** Lists carry masks only (the server never sends a whole value in a list); the household page opens them. */
function Masked({ r, field }: { r: Resident; field: 'idNumber' | 'phone' }) {
  return (
    <SensitiveValue residentId={r.id} field={field} value={{ ...r[field], canReveal: false }} />
  );
}

/** The register's columns on the desk. */
export function useResidentColumns(): TableProps<Resident>['columns'] {
  const { t } = useTranslation();
  const genderAge = useGenderAge();
  return [
    {
      key: 'name',
      title: t('people.columns.name'),
      width: 90,
      render: (_, r) => (
        <Link to={householdPath(r)} className="resident-name">
          {r.name}
        </Link>
      ),
    },
    {
      key: 'genderAge',
      title: t('people.columns.genderAge'),
      width: 120,
      render: (_, r) => genderAge(r),
    },
    { key: 'address', title: t('people.columns.address'), render: (_, r) => r.address },
    {
      key: 'careTags',
      title: t('people.columns.careTags'),
      width: 180,
      render: (_, r) => <CareTagChips tags={r.careTags} />,
    },
    {
      key: 'idNumber',
      title: t('people.columns.idNumber'),
      width: 170,
      render: (_, r) => <Masked r={r} field="idNumber" />,
    },
    {
      key: 'phone',
      title: t('people.columns.phone'),
      width: 124,
      render: (_, r) => <Masked r={r} field="phone" />,
    },
    {
      key: 'status',
      title: t('people.columns.status'),
      width: 90,
      render: (_, r) => <ResidentStatusTag status={r.status} />,
    },
  ];
}

/** On the phone a resident is a card; the whole card is the way to the household. */
export function ResidentCard({ r }: { r: Resident }) {
  const { t } = useTranslation();
  const genderAge = useGenderAge();
  return (
    <Link to={householdPath(r)} className="resident-card-link">
      <Card size="small" className="resident-card">
        <div className="resident-card-head">
          <strong>{r.name}</strong>
          <span className="muted">{genderAge(r)}</span>
          <ResidentStatusTag status={r.status} />
          <RightOutlined className="resident-card-arrow" />
        </div>
        <div className="resident-card-address">{r.address}</div>
        <CareTagChips tags={r.careTags} />
        <div className="resident-card-ids muted small">
          <span>
            {t('people.columns.idNumber')} <Masked r={r} field="idNumber" />
          </span>
          <span>
            {t('people.columns.phone')} <Masked r={r} field="phone" />
          </span>
        </div>
      </Card>
    </Link>
  );
}
