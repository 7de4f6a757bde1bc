import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { showServerError } from '../../components/form-errors';

/**
 * A refused write on a case: a 409 (changed by someone else, or a step the stage machine refuses) says
 * why and that the case was reloaded — the form keeps what was typed; anything else goes to its field.
 */
export function useCaseErrors() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (error: unknown, form?: FormInstance, codeFields?: Record<string, string>) => {
    if (error instanceof ApiError && error.status === 409) {
      void message.error(error.message);
      if (error.code === 'STALE_VERSION') void message.info(t('caseUi.actions.reloaded'));
      return;
    }
    showServerError(form, error, (text) => void message.error(text), codeFields);
  };
}
