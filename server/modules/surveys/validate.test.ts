import { describe, expect, it } from 'vitest';
import type { SurveySection } from '../../../common/schemas/surveys';
import { AppError } from '../../lib/errors';
import { computeResults } from './results';
import { checkAnswers, checkSections } from './validate';

const sections: SurveySection[] = [
  {
    id: 's',
    title: '环境',
    questions: [
      { id: 'r', type: 'rating', text: '满意度', required: true },
      {
        id: 'm',
        type: 'multiple',
        text: '消防用品',
        required: false,
        options: [
          { id: 'a', label: '灭火器' },
          { id: 'b', label: '报警器' },
        ],
      },
      { id: 'n', type: 'number', text: '人数', required: false, options: [] },
      { id: 't', type: 'text', text: '建议', required: false },
    ],
  },
];

const fails = (f: () => unknown, code: string, field: string) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    expect((e as AppError).extra.field).toBe(field);
    return;
  }
  throw new Error('expected an error');
};

describe('survey rules', () => {
  it('drops options from questions that are not choices and keeps ids unique', () => {
    expect(checkSections(sections)[0].questions[2]).not.toHaveProperty('options');
    const twice = structuredClone(sections);
    twice[0].questions[1].options![1].id = 'a';
    fails(() => checkSections(twice), 'SURVEY_DUPLICATE_ID', 'sections.0.questions.1.options.1.id');
  });

  it('keeps answers normalised: choices in option order, text trimmed, blanks left out', () => {
    expect(checkAnswers({ sections }, { r: 4, m: ['b', 'a'], t: '  多宣传 ', n: 0 })).toEqual({
      r: 4,
      m: ['a', 'b'],
      n: 0,
      t: '多宣传',
    });
    expect(checkAnswers({ sections }, { r: 1, m: [], t: '' })).toEqual({ r: 1 });
  });

  it('refuses a rating outside 1–5, a fraction, or a number given as text', () => {
    fails(() => checkAnswers({ sections }, { r: 0 }), 'SURVEY_ANSWER_INVALID', 'answers.r');
    fails(() => checkAnswers({ sections }, { r: 2.5 }), 'SURVEY_ANSWER_INVALID', 'answers.r');
    fails(() => checkAnswers({ sections }, { r: 3, n: '3' }), 'SURVEY_ANSWER_INVALID', 'answers.n');
    fails(() => checkAnswers({ sections }, {}), 'SURVEY_ANSWER_REQUIRED', 'answers.r');
  });

  it('computes shares of those who answered a question, and averages to two places', () => {
    const r = computeResults({ sections }, [{ r: 5, m: ['a'] }, { r: 4, m: ['a', 'b'] }, { r: 4 }]);
    expect(r[0]).toMatchObject({ answered: 3, average: 4.33, min: 4, max: 5 });
    expect(r[1].options).toEqual([
      { id: 'a', label: '灭火器', count: 2, share: 1 },
      { id: 'b', label: '报警器', count: 1, share: 0.5 },
    ]);
    expect(r[2]).toMatchObject({ answered: 0, average: null, distribution: [] });
  });
});
