import type { AuditEntry, AuditQuery } from '../../../../common/schemas/audit';
import { usePagedRegister } from '../../components/register/register-list';

export function useAuditList(query: Partial<AuditQuery>) {
  return usePagedRegister<AuditEntry>(['audit', 'list'], '/audit', query);
}
