import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../../common/roles';
import type {
  Place,
  PlaceCreate,
  PlaceHistory,
  PlaceUpdate,
} from '../../../../common/schemas/places';
import { apiGet, apiSend } from '../../api';
import { useMe } from '../../auth';

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

export function usePlaceHistory(id: string) {
  return useQuery({
    queryKey: ['places', id, 'history'],
    queryFn: () => apiGet<PlaceHistory>(`/places/${id}/history`),
  });
}

export function usePlaceWrites() {
  const client = useQueryClient();
  const invalidate = () => client.invalidateQueries({ queryKey: ['places'] });
  return {
    invalidate,
    create: async (input: PlaceCreate) => {
      const place = await apiSend<Place>('POST', '/places', input);
      await invalidate();
      return place;
    },
    update: async (id: string, input: PlaceUpdate) => {
      const place = await apiSend<Place>('PATCH', `/places/${id}`, input);
      await invalidate();
      return place;
    },
  };
}
