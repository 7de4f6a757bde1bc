import type { ReactNode } from 'react';
import { Button, Form, Input, InputNumber, Typography, type FormInstance } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  questionsOf,
  SURVEY_LIMITS,
  type SurveyAnswerValue,
  type SurveyQuestion,
  type SurveyVersion,
} from '../../../../common/schemas/surveys';
import { ApiError } from '../../api';

/** Where the fields of a survey sit in a form: e.g. ['survey'] or ['visit', 'survey']. */
export type SurveyNamePrefix = (string | number)[];

const big = { minHeight: 48, fontSize: 16, whiteSpace: 'normal', height: 'auto' } as const;

/** Options as large buttons, one per row: easy to tap at a door. */
function ChoiceButtons(props: {
  question: SurveyQuestion;
  multiple: boolean;
  value?: string | string[];
  onChange?: (v: string | string[] | undefined) => void;
  disabled?: boolean;
}) {
  const { question, multiple, value, onChange, disabled } = props;
  const picked = Array.isArray(value) ? value : value ? [value] : [];
  const toggle = (id: string) => {
    if (!multiple) return onChange?.(picked.includes(id) ? undefined : id);
    const next = picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id];
    onChange?.(next);
  };
  return (
    <div
      role={multiple ? 'group' : 'radiogroup'}
      aria-label={question.text}
      style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
    >
      {(question.options ?? []).map((o) => {
        const on = picked.includes(o.id);
        return (
          <Button
            key={o.id}
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={on}
            type={on ? 'primary' : 'default'}
            disabled={disabled}
            block
            style={{ ...big, justifyContent: 'flex-start', textAlign: 'left' }}
            onClick={() => toggle(o.id)}
          >
            {on ? '✓ ' : ''}
            {o.label}
          </Button>
        );
      })}
    </div>
  );
}

/** A 1–5 rating as five big buttons, each a star count. */
function RatingButtons(props: {
  question: SurveyQuestion;
  value?: number;
  onChange?: (v: number | undefined) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { question, value, onChange, disabled } = props;
  return (
    <div>
      <div role="radiogroup" aria-label={question.text} style={{ display: 'flex', gap: 6 }}>
        {[1, 2, 3, 4, 5].map((n) => {
          const on = value !== undefined && n <= value;
          return (
            <Button
              key={n}
              role="radio"
              aria-checked={value === n}
              aria-label={t('surveys.results.score', { n })}
              type={value === n ? 'primary' : 'default'}
              disabled={disabled}
              style={{ ...big, flex: 1, minWidth: 44, padding: '4px 0' }}
              onClick={() => onChange?.(value === n ? undefined : n)}
            >
              <span style={{ display: 'flex', flexDirection: 'column', alignItems: 'center' }}>
                <StarFilled style={{ color: on ? '#faad14' : '#d9d9d9', fontSize: 20 }} />
                <span>{n}</span>
              </span>
            </Button>
          );
        })}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 4 }}>
        <Typography.Text type="secondary">{t('surveys.answer.ratingLow')}</Typography.Text>
        <Typography.Text type="secondary">{t('surveys.answer.ratingHigh')}</Typography.Text>
      </div>
    </div>
  );
}

// Form.Item hands its value and onChange to this component; each input must get them.
function QuestionInput({
  question,
  disabled,
  value,
  onChange,
}: {
  question: SurveyQuestion;
  disabled?: boolean;
  value?: SurveyAnswerValue;
  onChange?: (v: unknown) => void;
}) {
  const { t } = useTranslation();
  switch (question.type) {
    case 'single':
    case 'multiple':
      return (
        <ChoiceButtons
          question={question}
          multiple={question.type === 'multiple'}
          disabled={disabled}
          value={typeof value === 'number' ? undefined : value}
          onChange={onChange}
        />
      );
    case 'rating':
      return (
        <RatingButtons
          question={question}
          disabled={disabled}
          value={typeof value === 'number' ? value : undefined}
          onChange={onChange}
        />
      );
    case 'number':
      return (
        <InputNumber
          size="large"
          style={{ width: '100%' }}
          inputMode="decimal"
          placeholder={t('surveys.answer.numberPlaceholder')}
          disabled={disabled}
          value={typeof value === 'number' ? value : undefined}
          onChange={onChange}
        />
      );
    case 'text':
      return (
        <Input.TextArea
          size="large"
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={SURVEY_LIMITS.textAnswer}
          placeholder={t('surveys.answer.textPlaceholder')}
          disabled={disabled}
          value={typeof value === 'string' ? value : undefined}
          onChange={onChange}
        />
      );
  }
}

/**
 * A survey version's questions as form fields, section by section, under `name` (each question at
 * [...name, questionId]). Put it inside an antd Form; read the values with `toSurveyAnswers`.
 */
export function SurveyAnswerFields(props: {
  version: SurveyVersion;
  name?: SurveyNamePrefix;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { version, disabled } = props;
  const name = props.name ?? ['survey'];
  let n = 0;
  return (
    <div className="survey-answer-fields">
      {version.sections.map((s) => (
        <section key={s.id} style={{ marginBottom: 8 }}>
          {s.title && (
            <Typography.Title level={5} style={{ marginTop: 8 }}>
              {s.title}
            </Typography.Title>
          )}
          {s.questions.map((q) => {
            n += 1;
            const label: ReactNode = (
              <span style={{ fontSize: 16 }}>
                {n}. {q.text}
              </span>
            );
            return (
              <Form.Item
                key={q.id}
                name={[...name, q.id]}
                label={label}
                required={q.required}
                rules={
                  q.required
                    ? [
                        {
                          validator: async (_, v: unknown) => {
                            if (isBlank(v)) throw new Error(t('surveys.answer.required'));
                          },
                        },
                      ]
                    : undefined
                }
              >
                <QuestionInput question={q} disabled={disabled} />
              </Form.Item>
            );
          })}
        </section>
      ))}
    </div>
  );
}

const isBlank = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

/** The `answers` record of a SurveyAnswerInput from the form's values at the fields' `name`. */
export function toSurveyAnswers(values: unknown): Record<string, SurveyAnswerValue> {
  const out: Record<string, SurveyAnswerValue> = {};
  if (!values || typeof values !== 'object') return out;
  for (const [id, v] of Object.entries(values as Record<string, unknown>)) {
    if (isBlank(v)) continue;
    if (typeof v === 'string') out[id] = v.trim();
    else if (typeof v === 'number') out[id] = v;
    else if (Array.isArray(v)) out[id] = v.map(String);
  }
  return out;
}

/** Reads the answers at `name` from a form (what `SurveyAnswerFields` with the same name filled). */
export function surveyAnswersOf(
  form: FormInstance,
  name: SurveyNamePrefix = ['survey'],
): Record<string, SurveyAnswerValue> {
  return toSurveyAnswers(form.getFieldValue(name));
}

/**
 * Shows the server's answer error at its question (the server names `answers.<questionId>`);
 * returns false when the error is not about a question, for the caller to show it otherwise.
 */
export function showSurveyAnswerError(
  form: FormInstance,
  error: unknown,
  version: SurveyVersion,
  name: SurveyNamePrefix = ['survey'],
): boolean {
  if (!(error instanceof ApiError) || !error.field?.startsWith('answers.')) return false;
  const id = error.field.slice('answers.'.length);
  if (!questionsOf(version).some((q) => q.id === id)) return false;
  form.setFields([{ name: [...name, id], errors: [error.message] }]);
  form.scrollToField([...name, id]);
  return true;
}
