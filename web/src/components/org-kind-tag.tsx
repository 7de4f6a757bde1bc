import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnitKind } from '../../../common/roles';

// Kind colours only help scanning; the kind is always written on the tag too.
const kindColors: Record<OrgUnitKind, string> = {
  district: 'purple',
  street: 'blue',
  community: 'cyan',
  grid: 'green',
  station: 'orange',
  department: 'magenta',
};

export function OrgKindTag({ kind }: { kind: OrgUnitKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={kindColors[kind]} className="kind-tag">
      {t(`orgKinds.${kind}`)}
    </Tag>
  );
}
