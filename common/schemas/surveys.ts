import { z } from 'zod';
import { zId, zPage, zPageQuery, zTimestamp, zVersion } from './common';

/**
 * Surveys (问卷): a questionnaire with a draft that is edited and published versions that are frozen.
 * An answer names the version it was given to and is always read against that version's questions.
 */
export const surveyStatuses = ['draft', 'published', 'closed'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];
export const surveyQuestionTypes = ['single', 'multiple', 'rating', 'number', 'text'] as const;
export type SurveyQuestionType = (typeof surveyQuestionTypes)[number];
export const surveyContextKinds = ['campaign', 'activity'] as const;

/** Limits that keep a questionnaire one a resident can answer at the door. */
export const SURVEY_LIMITS = {
  sections: 20,
  questions: 100,
  options: 30,
  textAnswer: 2000,
} as const;

export const zSurveyOption = z.object({
  id: z.string().trim().min(1).max(64),
  label: z.string().trim().min(1).max(200),
});
export type SurveyOption = z.infer<typeof zSurveyOption>;

export const zSurveyQuestion = z.object({
  id: z.string().trim().min(1).max(64).describe('stable within the survey, kept across versions'),
  type: z.enum(surveyQuestionTypes),
  text: z.string().trim().min(1).max(500),
  required: z.boolean(),
  options: z
    .array(zSurveyOption)
    .max(SURVEY_LIMITS.options)
    .optional()
    .describe('for single and multiple choice questions'),
});
export type SurveyQuestion = z.infer<typeof zSurveyQuestion>;

export const zSurveySection = z.object({
  id: z.string().trim().min(1).max(64),
  title: z.string().trim().max(200),
  questions: z.array(zSurveyQuestion).max(SURVEY_LIMITS.questions),
});
export type SurveySection = z.infer<typeof zSurveySection>;

/** A published, frozen version of a survey: what an answer was given to. */
export const zSurveyVersion = z.object({
  id: z.string(),
  surveyId: z.string(),
  version: z.number().int(),
  title: z.string(),
  description: z.string().nullable().optional(),
  sections: z.array(zSurveySection),
  publishedAt: zTimestamp.optional(),
});
export type SurveyVersion = z.infer<typeof zSurveyVersion>;

// ——— answers (the contract campaigns and activities code against) ———

export const zSurveyAnswerValue = z.union([z.string(), z.array(z.string()), z.number()]);
export type SurveyAnswerValue = z.infer<typeof zSurveyAnswerValue>;
export const zSurveyAnswerInput = z.object({
  id: z.string().uuid().optional(), // idempotent create
  surveyId: z.string(),
  versionId: z.string().optional(), // default: the survey's current published version
  householdId: z.string().nullable().optional(),
  residentId: z.string().nullable().optional(),
  answers: z.record(z.string(), zSurveyAnswerValue), // questionId → value
  context: z.object({ kind: z.enum(surveyContextKinds), id: z.string() }).optional(),
});
export type SurveyAnswerInput = z.infer<typeof zSurveyAnswerInput>;
export const zSurveyAnswerCreated = z.object({ id: z.string(), created: z.boolean() });

export const zSurveyAnswer = z.object({
  id: z.string(),
  surveyId: z.string(),
  versionId: z.string(),
  version: z.number().int(),
  household: z.object({ id: z.string(), address: z.string() }).nullable(),
  resident: z.object({ id: z.string(), name: z.string().describe('masked') }).nullable(),
  answers: z.record(z.string(), zSurveyAnswerValue),
  context: z.object({ kind: z.enum(surveyContextKinds), id: z.string() }).nullable(),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: zTimestamp,
});
export type SurveyAnswer = z.infer<typeof zSurveyAnswer>;

// ——— the survey and its draft ———

export const zSurveyDraft = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  allowMultiplePerHousehold: z.boolean().default(false),
  sections: z.array(zSurveySection).max(SURVEY_LIMITS.sections),
});
export type SurveyDraft = z.infer<typeof zSurveyDraft>;

export const zSurveyCreate = zSurveyDraft.extend({
  id: zId.optional().describe('made by the client, so a resend creates nothing new'),
  orgUnitId: zId.describe('the street or community the survey belongs to'),
});
export type SurveyCreate = z.input<typeof zSurveyCreate>;

export const zSurveyUpdate = zSurveyDraft.extend({ version: zVersion });
export type SurveyUpdate = z.input<typeof zSurveyUpdate>;

export const zSurvey = z.object({
  id: z.string(),
  orgUnit: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(surveyStatuses),
  allowMultiplePerHousehold: z.boolean(),
  currentVersion: z.number().int().describe('the latest published version; 0 before publishing'),
  currentVersionId: z.string().nullable(),
  publishedAt: zTimestamp.nullable(),
  answers: z.number().int().describe('answers recorded, all versions'),
  questions: z.number().int().describe('questions in the draft'),
  version: z.number().int(),
  updatedAt: zTimestamp,
});
export type Survey = z.infer<typeof zSurvey>;

export const zSurveyDetail = zSurvey.extend({
  sections: z.array(zSurveySection).describe('the draft'),
  draftChanged: z.boolean().describe('the draft differs from the latest published version'),
  versions: z.array(
    z.object({
      id: z.string(),
      version: z.number().int(),
      publishedAt: zTimestamp,
      answers: z.number().int(),
    }),
  ),
  canEdit: z.boolean(),
  canAnswer: z.boolean(),
});
export type SurveyDetail = z.infer<typeof zSurveyDetail>;

export const zSurveyQuery = zPageQuery.extend({
  status: z.enum(surveyStatuses).optional(),
  q: z.string().trim().max(100).optional(),
  answerable: z
    .enum(['true', 'false'])
    .optional()
    .describe('only published surveys the caller may record answers to'),
});
export type SurveyQuery = z.infer<typeof zSurveyQuery>;
export const zSurveyPage = zPage(zSurvey);

export const zSurveyVersionParams = z.object({ id: zId, versionId: zId });

// ——— results ———

export const zSurveyResultsQuery = z.object({
  versionId: zId.optional().describe('the latest published version by default'),
});

export const zSurveyQuestionResult = z.object({
  questionId: z.string(),
  type: z.enum(surveyQuestionTypes),
  text: z.string(),
  sectionTitle: z.string(),
  answered: z.number().int().describe('answers that answered this question'),
  options: z
    .array(
      z.object({
        id: z.string(),
        label: z.string(),
        count: z.number().int(),
        share: z.number().describe('0–1 of the answers that answered this question'),
      }),
    )
    .optional(),
  average: z.number().nullable().optional(),
  min: z.number().nullable().optional(),
  max: z.number().nullable().optional(),
  distribution: z
    .array(z.object({ value: z.number(), count: z.number().int() }))
    .optional()
    .describe('rating: 1–5 each; number: each distinct value'),
  texts: z.array(z.string()).optional(),
});
export type SurveyQuestionResult = z.infer<typeof zSurveyQuestionResult>;

export const zSurveyResults = z.object({
  surveyId: z.string(),
  title: z.string(),
  versionId: z.string(),
  version: z.number().int(),
  total: z.number().int().describe('answers to this version'),
  households: z.number().int().describe('distinct households among them'),
  questions: z.array(zSurveyQuestionResult),
});
export type SurveyResults = z.infer<typeof zSurveyResults>;

/** Every question of a version, in order, with its section's title. */
export function questionsOf(v: Pick<SurveyVersion, 'sections'>) {
  return v.sections.flatMap((s) => s.questions.map((q) => ({ ...q, sectionTitle: s.title })));
}
