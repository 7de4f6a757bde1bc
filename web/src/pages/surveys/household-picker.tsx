import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../../../../common/schemas/people';
import { apiGet } from '../../api';

export interface Respondent {
  householdId: string;
  residentId: string;
  label: string;
}

/**
 * Finds the respondent's household by a resident's name or part of the address, in the caller's area
 * (names come masked as in the register). Cleared means an anonymous answer.
 */
export function HouseholdPicker(props: {
  value?: Respondent;
  onChange?: (v: Respondent | undefined) => void;
  communityId?: string;
  size?: 'large';
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useQuery({
    queryKey: ['residents', 'pick', q],
    queryFn: async () =>
      (await apiGet<{ items: Resident[] }>('/residents', { q, pageSize: 20, status: 'living' }))
        .items,
    enabled: q.length > 0,
  });
  const label = (r: Resident) => `${r.address} · ${r.name}`;
  return (
    <Select<string>
      showSearch
      allowClear
      size={props.size}
      style={{ width: '100%' }}
      placeholder={t('surveys.answer.householdPlaceholder')}
      filterOption={false}
      onSearch={setText}
      loading={found.isFetching}
      value={props.value?.residentId}
      notFoundContent={null}
      options={[
        ...(props.value && !found.data?.some((r) => r.id === props.value?.residentId)
          ? [{ value: props.value.residentId, label: props.value.label }]
          : []),
        ...(found.data ?? []).map((r) => ({ value: r.id, label: label(r) })),
      ]}
      onChange={(id?: string) => {
        const r = found.data?.find((x) => x.id === id);
        props.onChange?.(
          r ? { householdId: r.householdId, residentId: r.id, label: label(r) } : undefined,
        );
      }}
    />
  );
}
