import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../../common/roles';
import type {
  Checklist,
  ChecklistCreate,
  Place,
  PlaceCreate,
  PlaceHistory,
  PlaceUpdate,
} from '../../../../common/schemas/places';
import { apiGet, apiSend } from '../../api';
import { useMe } from '../../auth';
import { usePagedRegister } from '../../components/register/register-list';
import { useWrite } from '../../use-write';

/** Mirrors the server's PLACE_WRITERS so read-only callers are not offered forms that would fail. */
const placeWriters: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'communityStaff',
  'gridWorker',
];

export function useCanWritePlaces(): boolean {
  const me = useMe();
  return me.roles.some((r) => placeWriters.includes(r.role));
}

export function usePlaceList(query: Record<string, string | number | undefined>) {
  return usePagedRegister<Place>(['places', 'list'], '/places', query);
}

export function usePlaceHistory(id: string) {
  return useQuery({
    queryKey: ['places', id, 'history'],
    queryFn: () => apiGet<PlaceHistory>(`/places/${id}/history`),
  });
}

export function usePlaceWrites() {
  const client = useQueryClient();
  const changes = () => [['places']];
  const create = useWrite({
    send: (input: PlaceCreate) => apiSend<Place>('POST', '/places', input),
    changes,
  });
  const update = useWrite({
    send: ({ id, input }: { id: string; input: PlaceUpdate }) =>
      apiSend<Place>('PATCH', `/places/${id}`, input),
    changes,
  });
  return {
    /** after an import, which writes places outside these mutations */
    invalidate: () => client.invalidateQueries({ queryKey: ['places'] }),
    create: create.mutateAsync,
    update: (id: string, input: PlaceUpdate) => update.mutateAsync({ id, input }),
  };
}

/** A new checklist, or a new version of one; the lists of checklists are fetched again. */
export function useSaveChecklist() {
  return useWrite({
    send: ({ checklist, body }: { checklist?: Checklist; body: ChecklistCreate }) =>
      checklist
        ? apiSend<Checklist>('PUT', `/checklists/${checklist.id}`, {
            ...body,
            id: undefined,
            version: checklist.version,
          })
        : apiSend<Checklist>('POST', '/checklists', body),
    changes: () => [['checklists']],
  });
}
