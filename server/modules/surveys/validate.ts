import {
  questionsOf,
  SURVEY_LIMITS,
  type SurveyAnswerValue,
  type SurveySection,
  type SurveyVersion,
} from '../../../common/schemas/surveys';
import { AppError } from '../../lib/errors';

const CHOICE = new Set(['single', 'multiple']);

/**
 * A draft as it is kept: ids unique within the survey (sections, questions) and within a question
 * (options); a choice question with at least two options; other questions with none.
 */
export function checkSections(sections: SurveySection[]): SurveySection[] {
  const ids = new Set<string>();
  const once = (id: string, field: string) => {
    if (ids.has(id)) throw new AppError(400, 'SURVEY_DUPLICATE_ID', { id }, { field });
    ids.add(id);
  };
  let count = 0;
  return sections.map((s, si) => {
    once(s.id, `sections.${si}.id`);
    return {
      id: s.id,
      title: s.title,
      questions: s.questions.map((q, qi) => {
        const field = `sections.${si}.questions.${qi}`;
        once(q.id, `${field}.id`);
        count += 1;
        if (count > SURVEY_LIMITS.questions)
          throw new AppError(400, 'VALIDATION_FAILED', { field, detail: '' }, { field });
        if (!CHOICE.has(q.type))
          return { id: q.id, type: q.type, text: q.text, required: q.required };
        const options = q.options ?? [];
        if (options.length < 2)
          throw new AppError(
            400,
            'SURVEY_OPTIONS_REQUIRED',
            { question: q.text },
            { field: `${field}.options` },
          );
        const optionIds = new Set<string>();
        for (const [oi, o] of options.entries()) {
          if (optionIds.has(o.id))
            throw new AppError(
              400,
              'SURVEY_DUPLICATE_ID',
              { id: o.id },
              { field: `${field}.options.${oi}.id` },
            );
          optionIds.add(o.id);
        }
        return { ...q, options: options.map((o) => ({ id: o.id, label: o.label })) };
      }),
    };
  });
}

export const countQuestions = (sections: SurveySection[]): number =>
  sections.reduce((n, s) => n + s.questions.length, 0);

const isEmpty = (v: SurveyAnswerValue | undefined): boolean =>
  v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && !v.length);

/**
 * Checks an answer against the version it is given to and returns what is kept: every answered
 * question's value, normalised (text trimmed, multiple choices in option order). An error names the
 * question as its field (`answers.<questionId>`).
 */
export function checkAnswers(
  version: Pick<SurveyVersion, 'sections'>,
  answers: Record<string, SurveyAnswerValue>,
): Record<string, SurveyAnswerValue> {
  const questions = questionsOf(version);
  const known = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(answers))
    if (!known.has(key))
      throw new AppError(
        400,
        'SURVEY_ANSWER_INVALID',
        { question: key },
        { field: `answers.${key}` },
      );
  const kept: Record<string, SurveyAnswerValue> = {};
  for (const q of questions) {
    const field = `answers.${q.id}`;
    const v = answers[q.id];
    if (isEmpty(v)) {
      if (q.required)
        throw new AppError(400, 'SURVEY_ANSWER_REQUIRED', { question: q.text }, { field });
      continue;
    }
    const invalid = () =>
      new AppError(400, 'SURVEY_ANSWER_INVALID', { question: q.text }, { field });
    const optionIds = (q.options ?? []).map((o) => o.id);
    switch (q.type) {
      case 'single':
        if (typeof v !== 'string' || !optionIds.includes(v)) throw invalid();
        kept[q.id] = v;
        break;
      case 'multiple': {
        const picked = Array.isArray(v) ? v : [v];
        if (picked.some((p) => typeof p !== 'string' || !optionIds.includes(p))) throw invalid();
        kept[q.id] = optionIds.filter((id) => picked.includes(id));
        break;
      }
      case 'rating':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5) throw invalid();
        kept[q.id] = v;
        break;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid();
        kept[q.id] = v;
        break;
      case 'text':
        if (typeof v !== 'string' || v.length > SURVEY_LIMITS.textAnswer) throw invalid();
        kept[q.id] = v.trim();
        break;
    }
  }
  return kept;
}
