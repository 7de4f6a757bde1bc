/** Care tags (重点人群标签): the glossary's list and the ones the station work adds. Stored by these codes. */
export const careTags = [
  'livingAlone', // 独居老人
  'aged80', // 高龄
  'minimumIncome', // 低保
  'nearMinimumIncome', // 低保边缘
  'extremePoverty', // 特困
  'disabled', // 残疾
  'seriousIllness', // 重病
  'childInDifficulty', // 困境儿童
  'mentalDisorder', // 精神障碍
  'veteran', // 退役军人
  'emptyNest', // 空巢
  'incapacitated', // 失能
  'orphan', // 孤儿
  'unsupportedChild', // 事实无人抚养儿童
  'familyPlanningSpecial', // 计生特殊家庭
  'dementia', // 失智
] as const;
export type CareTag = (typeof careTags)[number];

export const genders = ['male', 'female'] as const;
export const registrationStatuses = [
  'localResident',
  'registeredElsewhere',
  'livingElsewhere',
] as const;
export const residentStatuses = ['living', 'movedAway', 'deceased'] as const;
export const selfCareLevels = ['full', 'partial', 'none'] as const;
export const relationsToHead = [
  'self',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'grandparent',
  'sibling',
  'childInLaw',
  'other',
] as const;
export const housingTypes = ['owned', 'rented', 'public', 'relatives', 'other'] as const;
export const economicStatuses = [
  'normal',
  'nearMinimumIncome',
  'minimumIncome',
  'extremePoverty',
] as const;
export const incomeSources = [
  'wages',
  'pension',
  'minimumIncome',
  'subsidy',
  'business',
  'farming',
  'family',
  'none',
  'other',
] as const;
export const disabilityCategories = [
  'visual',
  'hearing',
  'speech',
  'physical',
  'intellectual',
  'mental',
  'multiple',
] as const;

/** GB 11643: 17 digits and a check character over weights 2^(17-i) mod 11. */
export function idNumberValid(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0);
  if ('10X98765432'[sum % 11] !== id[17]) return false;
  const birth = id.slice(6, 14);
  const d = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10).replaceAll('-', '') === birth;
}

/** The check character that makes 17 digits a valid ID number (for generated demo data). */
export function idCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(first17[i]), 0);
  return '10X98765432'[sum % 11];
}

export const birthDateFromId = (id: string): string =>
  `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
export const genderFromId = (id: string): 'male' | 'female' =>
  Number(id[16]) % 2 === 1 ? 'male' : 'female';

/** 140202********1234: the region and the last four stay readable. */
export const maskIdNumber = (id: string): string =>
  `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
/** 138****5678 */
export const maskPhone = (phone: string): string =>
  phone.length >= 7
    ? `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`
    : '****';

export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
