// Follow-ups: the care rules' visit intervals, 今日's to-dos and the visit rates.
import { z } from 'zod';
import { wordedAs } from '../../validation';
import { zId, zVersion } from '../common';
import { careTiers, caseStages, riskLevels, todoActions } from './codes';
import { zDate, zPerson } from './fields';

export const zCareRulesQuery = z.object({
  streetId: zId.optional().describe('needed by staff of more than one street'),
});
export const zCareRule = z.object({
  tier: z.enum(careTiers),
  intervalDays: z.number().int(),
  isDefault: z.boolean(),
  version: z.number().int().nullable().describe('null while the default applies'),
});
export const zCareRules = z.object({ streetId: zId, rules: z.array(zCareRule) });
export type CareRules = z.infer<typeof zCareRules>;
export const zCareRulesUpdate = z.object({
  streetId: zId.optional(),
  rules: z
    .array(
      z.object({
        tier: z.enum(careTiers),
        intervalDays: z.number().int().min(1).max(365),
        version: zVersion.nullable().optional().describe('the version read; none for a default'),
      }),
    )
    .min(1)
    .max(careTiers.length),
});
export type CareRulesUpdate = z.infer<typeof zCareRulesUpdate>;

export const zTodayQuery = z.object({
  date: zDate.optional().describe('the day to look from (Asia/Shanghai); today when left out'),
});
export const zTodayItem = z.object({
  action: z.enum(todoActions),
  caseId: zId,
  residentId: zId,
  householdId: zId,
  clientName: z.string(),
  riskLevel: z.enum(riskLevels),
  stage: z.enum(caseStages),
  tier: z.enum(careTiers).nullable(),
  dueDate: z.string(),
  daysOverdue: z.number().int().describe('0: due today'),
  assignedWorker: zPerson,
});
export type TodayItem = z.infer<typeof zTodayItem>;
export const zToday = z.object({ date: z.string(), items: z.array(zTodayItem) });

export const zVisitRatesQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, wordedAs('month')),
});
export const zVisitRates = z.object({
  stationId: zId,
  month: z.string(),
  tiers: z.array(
    z.object({
      tier: z.enum(careTiers),
      intervalDays: z.number().int(),
      clients: z.number().int(),
      visitedWithinRule: z.number().int(),
      rate: z.number().nullable().describe('visitedWithinRule / clients; null with no clients'),
    }),
  ),
});
export type VisitRates = z.infer<typeof zVisitRates>;

export const zStationWorkers = z.array(zPerson);
