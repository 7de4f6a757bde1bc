import { useTranslation } from 'react-i18next';
import { roleLabelKey } from '../../../common/roles';
import type { RoleAssignmentView } from '../../../common/schemas/auth';

/** "振华街道社工站 · 社工": where the person works and as what, the way staff introduce themselves. */
export function useScopeLine() {
  const { t } = useTranslation();
  return (assignment: RoleAssignmentView) =>
    t('app.scopeLine', {
      unit: assignment.orgUnitName,
      role: t(roleLabelKey(assignment.role, assignment.orgUnitName)),
    });
}
