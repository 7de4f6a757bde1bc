import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  OrgTreeNode,
  OrgUnit,
  OrgUnitCreate,
  OrgUnitMove,
  OrgUnitUpdate,
} from '../../../../common/schemas/org';
import { ApiError, apiGet, apiSend } from '../../api';

const orgKey = ['org'] as const;

export function useOrgTree(includeRetired: boolean) {
  return useQuery({
    queryKey: [...orgKey, 'tree', includeRetired],
    queryFn: async () =>
      (await apiGet<{ tree: OrgTreeNode[] }>('/org/tree', { includeRetired })).tree,
  });
}

/** Every write refreshes the tree; a 409 does too, so the user sees what the other person changed. */
export function useOrgWrites() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKey });
  async function write(method: 'POST' | 'PATCH', path: string, body: unknown) {
    try {
      const unit = await apiSend<OrgUnit>(method, path, body);
      await refresh();
      return unit;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) void refresh();
      throw error;
    }
  }
  return {
    create: (body: OrgUnitCreate) => write('POST', '/org/units', body),
    update: (id: string, body: OrgUnitUpdate) => write('PATCH', `/org/units/${id}`, body),
    move: (id: string, body: OrgUnitMove) => write('POST', `/org/units/${id}/move`, body),
    retire: (unit: OrgUnit) =>
      write('POST', `/org/units/${unit.id}/retire`, { version: unit.version }),
    restore: (unit: OrgUnit) =>
      write('POST', `/org/units/${unit.id}/restore`, { version: unit.version }),
  };
}
