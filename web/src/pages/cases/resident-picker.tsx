import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../../../../common/schemas/people';
import { apiGet } from '../../api';
import type { ResidentPage } from '../people/people-api';
import { useGenderAge } from '../people/people-tags';

interface Props {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** the whole resident, for what the form needs besides the id (name, age for consent) */
  onPick?: (resident: Resident | undefined) => void;
  placeholder?: string;
}

/** The register's one search box in a select: name, full pinyin or initials ("wp" finds 王鹏). */
export function ResidentPicker({ id, value, onChange, onPick, placeholder }: Props) {
  const { t } = useTranslation();
  const genderAge = useGenderAge();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // Asks once the typing pauses, not at every keystroke over a weak signal.
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: ['residents', 'list', { q, status: 'living', pageSize: 20 }],
    queryFn: () => apiGet<ResidentPage>('/residents', { q, status: 'living', pageSize: 20 }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
  // The one picked stays an option after the search text is cleared, so its name stays shown.
  const [picked, setPicked] = useState<Resident>();
  const hits = q ? (found.data?.items ?? []) : [];
  const items = picked && !hits.some((r) => r.id === picked.id) ? [picked, ...hits] : hits;
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      value={value}
      placeholder={placeholder}
      notFoundContent={
        found.isFetching ? <Spin size="small" /> : q ? t('caseUi.create.residentNone') : null
      }
      onChange={(next?: string) => {
        const resident = items.find((r) => r.id === next);
        setPicked(resident);
        onChange?.(next);
        onPick?.(resident);
      }}
      options={items.map((r) => ({
        value: r.id,
        label: (
          <span className="resident-option">
            <strong>{r.name}</strong>
            <span className="muted small">
              {genderAge(r)} · {r.address}
            </span>
          </span>
        ),
      }))}
      className="resident-picker"
    />
  );
}
