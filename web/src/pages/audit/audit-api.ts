import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditQuery } from '../../../../common/schemas/audit';
import { apiGet } from '../../api';

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export function useAuditPage(query: Partial<AuditQuery>) {
  return useQuery({
    queryKey: ['audit', 'list', query],
    queryFn: () => apiGet<AuditPage>('/audit', query),
    placeholderData: keepPreviousData,
  });
}
