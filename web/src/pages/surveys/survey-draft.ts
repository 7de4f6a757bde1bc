import type { SurveyQuestion, SurveySection } from '../../../../common/schemas/surveys';

/** The builder form's values, and the blank sections and questions it adds. */
export interface BuilderValues {
  title: string;
  description?: string | null;
  orgUnitId?: string;
  allowMultiplePerHousehold: boolean;
  sections: SurveySection[];
}

/** Short ids for sections, questions and options: unique within the survey, kept across versions. */
export const shortId = (prefix: string) =>
  `${prefix}${Date.now().toString(36).slice(-4)}${Math.random().toString(36).slice(2, 6)}`;

export const newQuestion = (): SurveyQuestion => ({
  id: shortId('q'),
  type: 'single',
  text: '',
  required: true,
  options: [
    { id: shortId('o'), label: '' },
    { id: shortId('o'), label: '' },
  ],
});
export const newSection = (): SurveySection => ({
  id: shortId('s'),
  title: '',
  questions: [newQuestion()],
});

/** Choice questions keep their options; the others send none. */
export function cleanSections(sections: SurveySection[] | undefined): SurveySection[] {
  return (sections ?? []).map((s) => ({
    id: s.id,
    title: s.title ?? '',
    questions: (s.questions ?? []).map((q) => ({
      id: q.id,
      type: q.type,
      text: q.text ?? '',
      required: !!q.required,
      ...(q.type === 'single' || q.type === 'multiple'
        ? { options: (q.options ?? []).map((o) => ({ id: o.id, label: o.label ?? '' })) }
        : {}),
    })),
  }));
}
