import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Resource,
  ResourceCreate,
  ResourceQuery,
  ResourceUpdate,
} from '../../../../common/schemas/cases';
import { ApiError, apiGet, apiSend } from '../../api';

const resourcesKey = ['resources'] as const;

export interface ResourcePage {
  items: Resource[];
  total: number;
  page: number;
  pageSize: number;
}

export function useResourcePage(query: Partial<ResourceQuery>, enabled = true) {
  return useQuery({
    queryKey: [...resourcesKey, 'list', query],
    queryFn: () => apiGet<ResourcePage>('/resources', query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Adding and editing the directory; a 409 (edited meanwhile) reloads the list before a retry. */
export function useResourceWrites() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: resourcesKey });
  return {
    create: async (body: ResourceCreate) => {
      const resource = await apiSend<Resource>('POST', '/resources', body);
      await refresh();
      return resource;
    },
    update: async (id: string, body: ResourceUpdate) => {
      try {
        const resource = await apiSend<Resource>('PATCH', `/resources/${id}`, body);
        await refresh();
        return resource;
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) void refresh();
        throw error;
      }
    },
  };
}
