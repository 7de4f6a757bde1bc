import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Resource,
  ResourceCreate,
  ResourceQuery,
  ResourceUpdate,
} from '../../../../common/schemas/cases';
import { apiGet, apiSend } from '../../api';
import { usePagedRegister } from '../../components/register/register-list';
import { useWrite } from '../../use-write';

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

export function useResourceList(query: Partial<ResourceQuery>) {
  return usePagedRegister<Resource>([...resourcesKey, 'list'], '/resources', query);
}

/** Adding and editing the directory; a 409 (edited meanwhile) reloads the list before a retry. */
export function useResourceWrites() {
  const changes = () => [resourcesKey];
  const create = useWrite({
    send: (body: ResourceCreate) => apiSend<Resource>('POST', '/resources', body),
    changes,
  });
  const update = useWrite({
    send: ({ id, body }: { id: string; body: ResourceUpdate }) =>
      apiSend<Resource>('PATCH', `/resources/${id}`, body),
    changes,
  });
  return {
    create: create.mutateAsync,
    update: (id: string, body: ResourceUpdate) => update.mutateAsync({ id, body }),
  };
}
