/**
 * Issue lists that need no zod, so a page can use them without loading the schemas
 * (the resident's tip form offers the categories). schemas/issues.ts builds on them.
 */
export const issueCategories = [
  'environmentSanitation', // 环境卫生
  'publicOrder', // 公共秩序
  'safetyHazard', // 安全隐患
  'epidemicPrevention', // 疫情防控
  'livelihoodRequest', // 民生诉求
  'other',
] as const;
