import { useQuery, type QueryClient } from '@tanstack/react-query';
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
import { useWrite } from '../../use-write';

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

/**
 * Each write puts the inspection's new state in the cache, so the next one sends its version; a 409
 * loads it again. Submitting and re-inspecting may raise issues: the board is refreshed.
 */
export function useInspectionWrites() {
  const onAnswer = (inspection: Inspection, _: unknown, client: QueryClient) =>
    client.setQueryData(inspectionKey(inspection.id), inspection);
  type Step = { inspection: Inspection; path: 'results' | 'submit' | 'sign-off'; body: object };
  const start = useWrite({
    send: (body: InspectionCreate) => apiSend<Inspection>('POST', '/inspections', body),
    changes: () => [],
    onAnswer,
  });
  const step = useWrite({
    send: ({ inspection, path, body }: Step) =>
      apiSend<Inspection>(
        path === 'results' ? 'PUT' : 'POST',
        `/inspections/${inspection.id}/${path}`,
        {
          ...body,
          version: inspection.version,
        },
      ),
    changes: ({ inspection, path }, answer) =>
      answer ? (path === 'submit' ? [['issues']] : []) : [inspectionKey(inspection.id)],
    onAnswer,
  });
  const reinspect = useWrite({
    send: ({ notice, body }: { notice: Notice; body: Omit<Reinspect, 'version'> }) =>
      apiSend<Notice>('POST', `/notices/${notice.id}/reinspect`, {
        ...body,
        version: notice.version,
      }),
    changes: ({ notice }, answer) => (answer ? [['issues']] : [['notices', notice.id]]),
    onAnswer: (done, { notice }, client) => client.setQueryData(['notices', notice.id], done),
  });
  return {
    start: start.mutateAsync,
    save: (inspection: Inspection, results: ItemResultInput[]) =>
      step.mutateAsync({ inspection, path: 'results', body: { results } }),
    submit: (inspection: Inspection, body: Omit<InspectionSubmit, 'version'>) =>
      step.mutateAsync({ inspection, path: 'submit', body }),
    signOff: (inspection: Inspection) =>
      step.mutateAsync({ inspection, path: 'sign-off', body: {} }),
    reinspect: (notice: Notice, body: Omit<Reinspect, 'version'>) =>
      reinspect.mutateAsync({ notice, body }),
  };
}
