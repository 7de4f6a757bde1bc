import { useTranslation } from 'react-i18next';
import {
  careTags,
  disabilityCategories,
  economicStatuses,
  genders,
  housingTypes,
  incomeSources,
  registrationStatuses,
  relationsToHead,
  residentStatuses,
  selfCareLevels,
} from '../../../../common/people';

/** Select options for the people module's codes, in the user's language; stored values are the codes. */
export function usePeopleOptions() {
  const { t } = useTranslation();
  return {
    careTags: careTags.map((v) => ({ value: v, label: t(`people.careTags.${v}`) })),
    genders: genders.map((v) => ({ value: v, label: t(`people.genders.${v}`) })),
    relations: relationsToHead
      .filter((v) => v !== 'self')
      .map((v) => ({ value: v, label: t(`people.relations.${v}`) })),
    registrationStatuses: registrationStatuses.map((v) => ({
      value: v,
      label: t(`people.registrationStatuses.${v}`),
    })),
    statuses: residentStatuses.map((v) => ({ value: v, label: t(`people.statuses.${v}`) })),
    selfCare: selfCareLevels.map((v) => ({ value: v, label: t(`people.selfCare.${v}`) })),
    housing: housingTypes.map((v) => ({ value: v, label: t(`people.housing.${v}`) })),
    economicStatuses: economicStatuses.map((v) => ({
      value: v,
      label: t(`people.economicStatuses.${v}`),
    })),
    incomeSources: incomeSources.map((v) => ({ value: v, label: t(`people.incomeSources.${v}`) })),
    disabilityCategories: disabilityCategories.map((v) => ({
      value: v,
      label: t(`people.disabilityCategories.${v}`),
    })),
    grades: [1, 2, 3, 4].map((g) => ({ value: g, label: t('people.grade', { grade: g }) })),
  };
}
