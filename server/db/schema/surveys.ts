// The tables of 问卷 (surveys): drafts, published versions and answers.
import type { Selectable } from 'kysely';
import type { Time } from './time';

/** A survey (问卷): its draft (JSON sections, edited freely) and the latest published version. */
export interface SurveyTable {
  id: string;
  street_id: string;
  /** The street or community the survey belongs to. */
  org_unit_id: string;
  org_path: string;
  title: string;
  description: string | null;
  status: 'draft' | 'published' | 'closed';
  allow_multiple_per_household: number;
  /** JSON [{ id, title, questions: [{ id, type, text, required, options? }] }]. */
  draft: string;
  current_version: number;
  current_version_id: string | null;
  published_at: Time | null;
  closed_at: Time | null;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** A published survey version: frozen, never updated. */
export interface SurveyVersionTable {
  id: string;
  survey_id: string;
  street_id: string;
  number: number;
  title: string;
  description: string | null;
  /** JSON sections, as the draft was when published. */
  sections: string;
  published_by: string;
  published_at: Time;
}

export interface SurveyAnswerTable {
  id: string;
  survey_id: string;
  version_id: string;
  street_id: string;
  org_path: string;
  household_id: string | null;
  /** household_id where the survey takes one answer per household (unique), else null. */
  household_key: string | null;
  /** The household's address when answered. */
  household_label: string | null;
  resident_id: string | null;
  /** The resident's name, masked, when answered. */
  resident_label: string | null;
  /** JSON { questionId: value }. */
  answers: string;
  context_kind: 'campaign' | 'activity' | null;
  context_id: string | null;
  recorded_by: string;
  created_at: Time;
}

export type SurveyRow = Selectable<SurveyTable>;
export type SurveyVersionRow = Selectable<SurveyVersionTable>;
export type SurveyAnswerRow = Selectable<SurveyAnswerTable>;
