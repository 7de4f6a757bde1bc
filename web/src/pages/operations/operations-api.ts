import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BatchAdvance,
  BatchCreate,
  LogCreate,
  Operation,
  OperationCreate,
  OperationDetail,
  OperationStatusChange,
  OperationUpdate,
  ShiftCreate,
  SupplyCreate,
  SupplyIssueCreate,
  SupplyUpdate,
} from '../../../../common/schemas/operations';
import { apiGet, apiSend } from '../../api';

const operationsKey = ['operations'] as const;
const operationKey = (id: string) => [...operationsKey, 'one', id] as const;

export type OperationListQuery = { q?: string; status?: string; page: number; pageSize: number };

export function useOperationPage(query: OperationListQuery) {
  return useQuery({
    queryKey: [...operationsKey, 'list', query],
    queryFn: () =>
      apiGet<{ items: Operation[]; total: number; page: number; pageSize: number }>(
        '/operations',
        query,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useOperation(id: string) {
  return useQuery({
    queryKey: operationKey(id),
    queryFn: () => apiGet<OperationDetail>(`/operations/${id}`),
  });
}

export function useOwnerUnits(enabled: boolean) {
  return useQuery({
    queryKey: [...operationsKey, 'owners'],
    queryFn: () => apiGet<{ id: string; name: string; kind: string }[]>('/operations/owner-units'),
    enabled,
  });
}

export function useOperationStaff(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...operationKey(id), 'staff'],
    queryFn: () => apiGet<{ id: string; name: string }[]>(`/operations/${id}/staff`),
    enabled,
  });
}

/** Every write answers the whole operation: it replaces the cached one, and the list is refreshed. */
export function useOperationWrites(id?: string) {
  const queryClient = useQueryClient();
  const done = (op: OperationDetail) => {
    queryClient.setQueryData(operationKey(op.id), op);
    void queryClient.invalidateQueries({ queryKey: [...operationsKey, 'list'] });
    return op;
  };
  const at = (path: string) => `/operations/${id}${path}`;
  return {
    create: async (body: OperationCreate) =>
      done(await apiSend<OperationDetail>('POST', '/operations', body)),
    update: async (body: OperationUpdate) =>
      done(await apiSend<OperationDetail>('PATCH', at(''), body)),
    setStatus: async (body: OperationStatusChange) =>
      done(await apiSend<OperationDetail>('POST', at('/status'), body)),
    addBatch: async (body: BatchCreate) =>
      done(await apiSend<OperationDetail>('POST', at('/batches'), body)),
    advance: async (batchId: string, body: BatchAdvance) =>
      done(await apiSend<OperationDetail>('POST', at(`/batches/${batchId}/advance`), body)),
    addSupply: async (body: SupplyCreate) =>
      done(await apiSend<OperationDetail>('POST', at('/supplies'), body)),
    updateSupply: async (supplyId: string, body: SupplyUpdate) =>
      done(await apiSend<OperationDetail>('PATCH', at(`/supplies/${supplyId}`), body)),
    issue: async (supplyId: string, body: SupplyIssueCreate) =>
      done(await apiSend<OperationDetail>('POST', at(`/supplies/${supplyId}/issues`), body)),
    addShift: async (body: ShiftCreate) =>
      done(await apiSend<OperationDetail>('POST', at('/shifts'), body)),
    deleteShift: async (shiftId: string, version: number) =>
      done(
        await apiSend<OperationDetail>('DELETE', at(`/shifts/${shiftId}`), undefined, { version }),
      ),
    addLog: async (body: LogCreate) =>
      done(await apiSend<OperationDetail>('POST', at('/log'), body)),
  };
}
