import type { FormInstance } from 'antd';
import type { RuleObject } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { passwordProblems } from '../../../common/schemas/auth';
import { ApiError } from '../api';

type Notify = (text: string) => void;

/**
 * Puts a server error next to the field it is about, so the form keeps what was typed;
 * anything not tied to a field goes to the toast.
 * `codeFields` names the field for codes the server reports without one (e.g. WRONG_PASSWORD).
 */
export function showServerError(
  form: FormInstance | undefined,
  error: unknown,
  notify: Notify,
  codeFields: Record<string, string> = {},
) {
  const text = error instanceof Error ? error.message : String(error);
  if (form && error instanceof ApiError) {
    const field = codeFields[error.code] ?? error.field;
    const known = field !== undefined && Object.hasOwn(form.getFieldsValue() as object, field);
    if (field && known) {
      form.setFields([{ name: field, errors: [text] }]);
      return;
    }
  }
  notify(text);
}

const problemKeys = ['tooShort', 'tooSimple', 'containsUsername'] as const;

/** The server's own strength check, run while typing. */
export function passwordRule(t: TFunction, username: () => string | undefined): RuleObject {
  return {
    validator: async (_, value: unknown) => {
      if (typeof value !== 'string' || value === '') return;
      const problems = passwordProblems(value, username());
      const first = problemKeys.find((key) => problems.includes(key));
      if (first) throw new Error(t(`password.${first}`));
    },
  };
}
