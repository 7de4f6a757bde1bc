import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Checklist,
  Inspection,
  InspectionCreate,
  InspectionSubmit,
  InspectionTeamOptions,
  ItemResultInput,
  Notice,
  Place,
  Reinspect,
} from '../../../../common/schemas/places';
import { apiGet, apiSend } from '../../api';

const inspectionsKey = ['inspections'] as const;
const inspectionKey = (id: string) => [...inspectionsKey, id] as const;

export function usePlace(id: string | null) {
  return useQuery({
    queryKey: ['places', id],
    queryFn: () => apiGet<Place>(`/places/${id}`),
    enabled: Boolean(id),
  });
}

export function useChecklists() {
  return useQuery({
    queryKey: ['checklists'],
    queryFn: async () => (await apiGet<{ items: Checklist[] }>('/checklists')).items,
  });
}

/** The departments and staff that may be named on an inspection of the place. */
export function useInspectionTeam(placeId: string | null) {
  return useQuery({
    queryKey: ['places', placeId, 'inspection-team'],
    queryFn: () => apiGet<InspectionTeamOptions>(`/places/${placeId}/inspection-team`),
    enabled: Boolean(placeId),
  });
}

export function useInspection(id: string) {
  return useQuery({
    queryKey: inspectionKey(id),
    queryFn: () => apiGet<Inspection>(`/inspections/${id}`),
  });
}

export function useNotice(id: string | null) {
  return useQuery({
    queryKey: ['notices', id],
    queryFn: () => apiGet<Notice>(`/notices/${id}`),
    enabled: Boolean(id),
  });
}

/** Each write puts the inspection's new state in the cache, so the next one sends its version. */
export function useInspectionWrites() {
  const queryClient = useQueryClient();
  const keep = (inspection: Inspection) => {
    queryClient.setQueryData(inspectionKey(inspection.id), inspection);
    return inspection;
  };
  return {
    start: async (body: InspectionCreate) =>
      keep(await apiSend<Inspection>('POST', '/inspections', body)),
    save: async (inspection: Inspection, results: ItemResultInput[]) =>
      keep(
        await apiSend<Inspection>('PUT', `/inspections/${inspection.id}/results`, {
          version: inspection.version,
          results,
        }),
      ),
    submit: async (inspection: Inspection, body: Omit<InspectionSubmit, 'version'>) => {
      const done = keep(
        await apiSend<Inspection>('POST', `/inspections/${inspection.id}/submit`, {
          ...body,
          version: inspection.version,
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['issues'] });
      return done;
    },
    signOff: async (inspection: Inspection) =>
      keep(
        await apiSend<Inspection>('POST', `/inspections/${inspection.id}/sign-off`, {
          version: inspection.version,
        }),
      ),
    reinspect: async (notice: Notice, body: Omit<Reinspect, 'version'>) => {
      const done = await apiSend<Notice>('POST', `/notices/${notice.id}/reinspect`, {
        ...body,
        version: notice.version,
      });
      queryClient.setQueryData(['notices', notice.id], done);
      await queryClient.invalidateQueries({ queryKey: ['issues'] });
      return done;
    },
  };
}
