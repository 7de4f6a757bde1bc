import { Link } from 'react-router';
import { FolderOpenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth';
import { caseReaders } from '../../components/nav';
import { useResidentCases } from './cases-api';
import { StageTag } from './case-tags';

/** On the household page: a member's case at the caller's station, one tap away (for those who read cases). */
export function MemberCaseLink({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const reads = me.roles.some((r) => caseReaders.includes(r.role));
  const cases = useResidentCases(residentId, reads);
  const c = cases.data?.items.find((x) => x.status === 'open') ?? cases.data?.items[0];
  if (!c) return null;
  return (
    <Link to={`/cases/${c.id}`} className="member-case-link" data-case={c.id}>
      <FolderOpenOutlined /> {t('caseUi.page.openCase')} <StageTag stage={c.stage} />
    </Link>
  );
}
