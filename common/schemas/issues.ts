import { z } from 'zod';
import { zId } from './common';

/**
 * The contract between the issues module and the modules that raise issues (patrols, inspections,
 * campaigns, tips): what a report carries. The issues module owns everything else about an issue.
 */
export const issueSources = ['patrol', 'inspection', 'tip', 'visit', 'manual'] as const;
export const issueCategories = [
  'environmentSanitation', // 环境卫生
  'publicOrder', // 公共秩序
  'safetyHazard', // 安全隐患
  'epidemicPrevention', // 疫情防控
  'livelihoodRequest', // 民生诉求
  'other',
] as const;
export const issueStatuses = [
  'reported', // 上报
  'accepted', // 受理 / 立案
  'rejected', // 不予立案
  'dispatched', // 派遣
  'handling', // 处置中
  'handled', // 已处置
  'verified', // 已核查
  'reopened', // 退回重办
  'closed', // 结案
  'rated', // 已评价
  'merged', // 并案
] as const;

export const zIssueSource = z.enum(issueSources);
export const zIssueCategory = z.enum(issueCategories);
export const zIssueStatus = z.enum(issueStatuses);

export const zLocation = z.object({
  text: z.string().trim().min(1).max(200),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
});

/** A rectification order carried by an issue raised from failed inspection items. */
export const zRectificationOrder = z.object({
  items: z
    .array(
      z.object({
        checklistItemId: z.string(),
        text: z.string(),
        note: z.string().nullable().optional(),
      }),
    )
    .min(1),
  deadline: z.iso.date(),
  requirement: z.string().trim().max(2000).optional(),
});

export const zIssueReport = z.object({
  id: zId.optional(),
  source: zIssueSource,
  /** The patrol finding, inspection, tip or visit it came from. */
  sourceId: z.string().optional(),
  category: zIssueCategory,
  /** The grid where it is; required unless a place is named (its grid is used). */
  gridId: zId.optional(),
  placeId: zId.optional(),
  location: zLocation.optional(),
  description: z.string().trim().min(1).max(4000),
  photoIds: z.array(zId).max(20).optional(),
  rectification: zRectificationOrder.optional(),
});
export type IssueReport = z.infer<typeof zIssueReport>;
