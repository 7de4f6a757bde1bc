import { useQuery } from '@tanstack/react-query';
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
import { usePagedRegister } from '../../components/register/register-list';
import { useWrite } from '../../use-write';

const operationsKey = ['operations'] as const;
const operationKey = (id: string) => [...operationsKey, 'one', id] as const;

export type OperationListQuery = { q?: string; status?: string; page: number; pageSize: number };

export function useOperationList(query: OperationListQuery) {
  return usePagedRegister<Operation>([...operationsKey, 'list'], '/operations', query);
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

type Write = {
  method: 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  version?: number;
};

/**
 * Every write answers the whole operation: it replaces the cached one, and the list is refreshed;
 * after a 409 the operation is loaded again.
 */
export function useOperationWrites(id?: string) {
  const write = useWrite({
    send: ({ method, path, body, version }: Write) =>
      apiSend<OperationDetail>(method, path, body, version === undefined ? undefined : { version }),
    changes: (_, op) => (op ? [[...operationsKey, 'list']] : id ? [operationKey(id)] : []),
    onAnswer: (op, _, client) => client.setQueryData(operationKey(op.id), op),
  });
  const send = (method: Write['method'], path: string, body?: unknown, version?: number) =>
    write.mutateAsync({ method, path, body, version });
  const at = (path: string) => `/operations/${id}${path}`;
  return {
    create: (body: OperationCreate) => send('POST', '/operations', body),
    update: (body: OperationUpdate) => send('PATCH', at(''), body),
    setStatus: (body: OperationStatusChange) => send('POST', at('/status'), body),
    addBatch: (body: BatchCreate) => send('POST', at('/batches'), body),
    advance: (batchId: string, body: BatchAdvance) =>
      send('POST', at(`/batches/${batchId}/advance`), body),
    addSupply: (body: SupplyCreate) => send('POST', at('/supplies'), body),
    updateSupply: (supplyId: string, body: SupplyUpdate) =>
      send('PATCH', at(`/supplies/${supplyId}`), body),
    issue: (supplyId: string, body: SupplyIssueCreate) =>
      send('POST', at(`/supplies/${supplyId}/issues`), body),
    addShift: (body: ShiftCreate) => send('POST', at('/shifts'), body),
    deleteShift: (shiftId: string, version: number) =>
      send('DELETE', at(`/shifts/${shiftId}`), undefined, version),
    addLog: (body: LogCreate) => send('POST', at('/log'), body),
  };
}
