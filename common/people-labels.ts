import type {
  CareTag,
  disabilityCategories,
  economicStatuses,
  genders,
  housingTypes,
  incomeSources,
  registrationStatuses,
  relationsToHead,
  residentStatuses,
  selfCareLevels,
} from './people';

type Labels<T extends readonly string[]> = Record<T[number], string>;

/**
 * The Chinese names of the people module's codes, as the register (台账) and the pages print them.
 * Stored values are always the codes; these maps are the one place their Chinese names are written.
 */
export const genderLabels: Labels<typeof genders> = { male: '男', female: '女' };

export const relationLabels: Labels<typeof relationsToHead> = {
  self: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandchild: '孙子女',
  grandparent: '祖父母',
  sibling: '兄弟姐妹',
  childInLaw: '儿媳/女婿',
  other: '其他',
};

export const registrationStatusLabels: Labels<typeof registrationStatuses> = {
  localResident: '户在人在',
  registeredElsewhere: '人在户不在',
  livingElsewhere: '户在人不在',
};

export const careTagLabels: Record<CareTag, string> = {
  livingAlone: '独居老人',
  aged80: '高龄',
  minimumIncome: '低保',
  nearMinimumIncome: '低保边缘',
  extremePoverty: '特困',
  disabled: '残疾',
  seriousIllness: '重病',
  childInDifficulty: '困境儿童',
  mentalDisorder: '精神障碍',
  veteran: '退役军人',
  emptyNest: '空巢',
  incapacitated: '失能',
  orphan: '孤儿',
  unsupportedChild: '事实无人抚养儿童',
  familyPlanningSpecial: '计生特殊家庭',
  dementia: '失智',
};

export const selfCareLabels: Labels<typeof selfCareLevels> = {
  full: '完全自理',
  partial: '部分自理',
  none: '不能自理',
};

export const residentStatusLabels: Labels<typeof residentStatuses> = {
  living: '在住',
  movedAway: '已迁出',
  deceased: '已故',
};

export const housingLabels: Labels<typeof housingTypes> = {
  owned: '自有住房',
  rented: '租住',
  public: '公租房',
  relatives: '借住亲友',
  other: '其他',
};

export const economicStatusLabels: Labels<typeof economicStatuses> = {
  normal: '一般',
  nearMinimumIncome: '低保边缘',
  minimumIncome: '低保',
  extremePoverty: '特困',
};

export const incomeSourceLabels: Labels<typeof incomeSources> = {
  wages: '工资',
  pension: '养老金',
  minimumIncome: '低保金',
  subsidy: '补贴',
  business: '经营',
  farming: '务农',
  family: '亲属供养',
  none: '无收入',
  other: '其他',
};

export const disabilityCategoryLabels: Labels<typeof disabilityCategories> = {
  visual: '视力残疾',
  hearing: '听力残疾',
  speech: '言语残疾',
  physical: '肢体残疾',
  intellectual: '智力残疾',
  mental: '精神残疾',
  multiple: '多重残疾',
};

/** Other words people write in a register for the same thing. */
const aliases: Record<string, string> = {
  本人: 'self',
  户主本人: 'self',
  夫: 'spouse',
  妻: 'spouse',
  丈夫: 'spouse',
  妻子: 'spouse',
  子: 'child',
  女: 'child',
  儿子: 'child',
  女儿: 'child',
  父亲: 'parent',
  母亲: 'parent',
  孙子: 'grandchild',
  孙女: 'grandchild',
  外孙: 'grandchild',
  外孙女: 'grandchild',
  祖父: 'grandparent',
  祖母: 'grandparent',
  外祖父: 'grandparent',
  外祖母: 'grandparent',
  兄弟: 'sibling',
  姐妹: 'sibling',
  儿媳: 'childInLaw',
  女婿: 'childInLaw',
  男性: 'male',
  女性: 'female',
};

/**
 * The code a register cell names: its Chinese label, a common other word for it, or the code itself.
 * `labels` decides which codes are possible, so an alias of another list never matches.
 */
export function codeOfLabel<K extends string>(
  labels: Record<K, string>,
  text: string,
): K | undefined {
  const t = text.trim().replace(/\s+/g, '');
  const codes = Object.keys(labels) as K[];
  return (
    codes.find((c) => labels[c] === t) ??
    codes.find((c) => labels[c].replace(/残疾$/, '') === t) ??
    codes.find((c) => aliases[t] === c) ??
    codes.find((c) => c === t)
  );
}
