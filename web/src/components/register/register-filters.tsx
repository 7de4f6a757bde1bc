import { useState } from 'react';
import { DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { OrgTreeNode } from '../../../../common/schemas/org';
import { useOrgTree } from '../../pages/org/org-api';
import { indexTree } from '../../pages/org/org-tree-utils';
import { OrgUnitSelect } from '../org-unit-select';
import { useRegisterFilter } from './register-query';

interface Named {
  /** the filter's key in the address and the API's query */
  name: string;
  /** what a screen reader says, and the placeholder unless one is given */
  label: string;
}

/**
 * The search box. It shows the words of the search in the address: going back to another search
 * shows that search's words, not the last ones typed.
 */
export function FilterSearch({
  name = 'q',
  label,
  placeholder,
  enterButton = true,
  className,
}: Partial<Named> & {
  label: string;
  placeholder?: string;
  enterButton?: boolean;
  className?: string;
}) {
  const { filters, update } = useRegisterFilter();
  const value = filters[name] ?? '';
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value);
  }
  return (
    <Input.Search
      allowClear
      value={text}
      onChange={(e) => setText(e.target.value)}
      placeholder={placeholder ?? label}
      aria-label={label}
      onSearch={(text) => update({ [name]: text.trim() })}
      className={className ? `filter-search ${className}` : 'filter-search'}
      enterButton={enterButton}
    />
  );
}

export function FilterSelect({
  name,
  label,
  options,
}: Named & { options: { value: string; label: string }[] }) {
  const { filters, update } = useRegisterFilter();
  return (
    <Select<string>
      allowClear
      placeholder={label}
      aria-label={label}
      value={filters[name]}
      onChange={(value) => update({ [name]: value })}
      options={options}
      className="filter-select"
      popupMatchSelectWidth={false}
    />
  );
}

function UnitPicker({
  label,
  value,
  canPick,
  onChange,
}: {
  label: string;
  value: string | undefined;
  canPick?: (node: OrgTreeNode) => boolean;
  onChange: (id: string | undefined) => void;
}) {
  const tree = useOrgTree(false);
  return (
    <div className="filter-unit">
      <OrgUnitSelect
        tree={tree.data ?? []}
        loading={tree.isPending}
        allowClear
        canPick={canPick}
        placeholder={label}
        value={value}
        onChange={onChange}
      />
    </div>
  );
}

/** A unit of the caller's tree; units `canPick` refuses stay visible to find the way down. */
export function FilterUnit({
  name,
  label,
  canPick,
}: Named & { canPick?: (node: OrgTreeNode) => boolean }) {
  const { filters, update } = useRegisterFilter();
  return (
    <UnitPicker
      label={label}
      canPick={canPick}
      value={filters[name]}
      onChange={(id) => update({ [name]: id })}
    />
  );
}

const communityOrGrid = (node: OrgTreeNode) => node.kind === 'community' || node.kind === 'grid';

/** One picker for the area: a community filters by `communityId`, a grid by `gridId`. */
export function FilterArea({ label }: { label: string }) {
  const { filters, update } = useRegisterFilter();
  const index = indexTree(useOrgTree(false).data ?? []);
  const pick = (id: string | undefined) => {
    const kind = id ? index.byId.get(id)?.kind : undefined;
    update({
      communityId: kind === 'community' ? id : undefined,
      gridId: kind === 'grid' ? id : undefined,
    });
  };
  return (
    <UnitPicker
      label={label}
      canPick={communityOrGrid}
      value={filters.gridId ?? filters.communityId}
      onChange={pick}
    />
  );
}

/**
 * A range of days, as `from` and `to` (YYYY-MM-DD); either end may stay open. Without labels the
 * ends are named in antd's words for the language (开始日期, 结束日期).
 */
export function FilterDateRange({ labels }: { labels?: [string, string] }) {
  const { filters, update } = useRegisterFilter();
  return (
    <DatePicker.RangePicker
      allowEmpty={[true, true]}
      placeholder={labels}
      value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
      onChange={(range) =>
        update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
      }
      className="filter-range"
    />
  );
}
