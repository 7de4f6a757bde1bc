import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CareTag } from '../../../../common/people';
import type { Resident } from '../../../../common/schemas/people';

// Colours group the tags for scanning (age, income, health, children); the word is always on the chip.
const careTagColors: Record<CareTag, string> = {
  livingAlone: 'orange',
  aged80: 'orange',
  emptyNest: 'orange',
  incapacitated: 'volcano',
  dementia: 'volcano',
  minimumIncome: 'gold',
  nearMinimumIncome: 'gold',
  extremePoverty: 'gold',
  disabled: 'magenta',
  seriousIllness: 'red',
  mentalDisorder: 'magenta',
  childInDifficulty: 'purple',
  orphan: 'purple',
  unsupportedChild: 'purple',
  veteran: 'blue',
  familyPlanningSpecial: 'cyan',
};

export function CareTagChips({ tags }: { tags: readonly CareTag[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap className="care-tags">
      {tags.map((tag) => (
        <Tag key={tag} color={careTagColors[tag]} className="care-tag">
          {t(`people.careTags.${tag}`)}
        </Tag>
      ))}
    </Space>
  );
}

const statusColors: Record<Resident['status'], string | undefined> = {
  living: 'green',
  movedAway: undefined,
  deceased: undefined,
};

export function ResidentStatusTag({ status }: { status: Resident['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status]} className="status-tag">
      {t(`people.statuses.${status}`)}
    </Tag>
  );
}

/** 男 · 40 岁, or what of it is known. */
export function useGenderAge() {
  const { t } = useTranslation();
  return (r: Pick<Resident, 'gender' | 'age'>) =>
    [r.gender && t(`people.genders.${r.gender}`), r.age !== null && t('people.age', { age: r.age })]
      .filter(Boolean)
      .join(' · ');
}
