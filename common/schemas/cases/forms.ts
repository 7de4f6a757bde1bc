// The stage forms: 接案, 预估, 服务计划, 评估, 结案.
import { z } from 'zod';
import { wordedAs } from '../../validation';
import { zTimestamp, zVersion } from '../common';
import { closureReasons, goalResults, reviewStatuses } from './codes';
import { zDate, zNote, zPerson, zText } from './fields';

export const zIntakeForm = z.object({
  needAsTold: zText(2000).describe('the need in the client’s own words'),
  background: zNote(2000).nullable().optional(),
  expectations: zNote(1000).nullable().optional(),
});
export type IntakeForm = z.infer<typeof zIntakeForm>;

export const zAssessmentDomain = z.object({
  rating: z.number().int().min(1).max(5).describe('1 serious difficulty … 5 doing well'),
  needs: zNote(1000).default(''),
  strengths: zNote(1000).default(''),
});
export const zAssessmentForm = z.object({
  domains: z.object({
    health: zAssessmentDomain,
    economy: zAssessmentDomain,
    family: zAssessmentDomain,
    educationWork: zAssessmentDomain,
    psychology: zAssessmentDomain,
    socialSupport: zAssessmentDomain,
    safety: zAssessmentDomain,
  }),
  summary: zText(2000),
  overallLevel: z.number().int().min(1).max(6).describe('overall need, 1 least … 6 most'),
});
export type AssessmentForm = z.infer<typeof zAssessmentForm>;

export const zPlanGoal = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[\w-]{1,40}$/, wordedAs('key'))
    .describe('the form’s own key, named again by the evaluation'),
  description: zText(500),
  targetDate: zDate,
});
export const zPlanAction = z.object({
  description: zText(500),
  who: zText(60).describe('who does it: the worker, the client, a partner …'),
  goalIds: z.array(z.string()).max(20).optional(),
  dueDate: zDate.nullable().optional(),
});
export const zPlanForm = z
  .object({
    goals: z.array(zPlanGoal).min(1).max(20),
    actions: z.array(zPlanAction).min(1).max(50),
  })
  .superRefine((p, ctx) => {
    const ids = p.goals.map((g) => g.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({ code: 'custom', path: ['goals', i, 'id'], message: 'duplicate goal id' });
    });
    p.actions.forEach((a, i) =>
      (a.goalIds ?? []).forEach((g, j) => {
        if (!ids.includes(g))
          ctx.addIssue({ code: 'custom', path: ['actions', i, 'goalIds', j], message: 'no goal' });
      }),
    );
  });
export type PlanForm = z.infer<typeof zPlanForm>;

export const zEvaluationForm = z.object({
  goals: z
    .array(z.object({ goalId: z.string(), result: z.enum(goalResults), evidence: zText(1000) }))
    .min(1)
    .max(20)
    .describe('every goal of the approved plan, once'),
  summary: zNote(2000).nullable().optional(),
});
export type EvaluationForm = z.infer<typeof zEvaluationForm>;

export const zClosureForm = z.object({
  reason: z.enum(closureReasons),
  summary: zText(2000),
});
export type ClosureForm = z.infer<typeof zClosureForm>;

/** Saving the form of the case's current stage (closure: at evaluation, or earlier for an early end). */
export const zCaseFormSave = z.discriminatedUnion('stage', [
  z.object({ stage: z.literal('intake'), version: zVersion, data: zIntakeForm }),
  z.object({ stage: z.literal('assessment'), version: zVersion, data: zAssessmentForm }),
  z.object({ stage: z.literal('plan'), version: zVersion, data: zPlanForm }),
  z.object({ stage: z.literal('evaluation'), version: zVersion, data: zEvaluationForm }),
  z.object({ stage: z.literal('closure'), version: zVersion, data: zClosureForm }),
]);
export type CaseFormSave = z.infer<typeof zCaseFormSave>;

const zFormMeta = z.object({
  cycle: z.number().int().describe('1, and one more after each reopening'),
  submittedBy: zPerson,
  submittedAt: zTimestamp,
  review: z.enum(reviewStatuses).nullable().describe('plan and closure only'),
  reviewedBy: zPerson.nullable(),
  reviewedAt: zTimestamp.nullable(),
  reviewNote: z.string().nullable(),
  version: z.number().int(),
});
export const zCaseForm = z.discriminatedUnion('stage', [
  zFormMeta.extend({ stage: z.literal('intake'), data: zIntakeForm }),
  zFormMeta.extend({ stage: z.literal('assessment'), data: zAssessmentForm }),
  zFormMeta.extend({ stage: z.literal('plan'), data: zPlanForm }),
  zFormMeta.extend({ stage: z.literal('evaluation'), data: zEvaluationForm }),
  zFormMeta.extend({ stage: z.literal('closure'), data: zClosureForm }),
]);
export type CaseForm = z.infer<typeof zCaseForm>;
