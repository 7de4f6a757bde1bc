import { useQuery } from '@tanstack/react-query';
import type {
  Coverage,
  Finding,
  FindingCreate,
  FindingReport,
  Patrol,
  PatrolDetail,
  PatrolEnd,
  PatrolStart,
} from '../../../../common/schemas/patrols';
import type { Place } from '../../../../common/schemas/places';
import { apiGet, apiSend } from '../../api';
import { usePagedRegister } from '../../components/register/register-list';
import { useWrite } from '../../use-write';

const patrolsKey = ['patrols'] as const;
const patrolKey = (id: string) => [...patrolsKey, 'one', id] as const;

export type PatrolListQuery = {
  gridId?: string;
  workerId?: string;
  page: number;
  pageSize: number;
};

export function usePatrolList(query: PatrolListQuery) {
  return usePagedRegister<Patrol>([...patrolsKey, 'list'], '/patrols', query);
}

export function usePatrol(id: string) {
  return useQuery({
    queryKey: patrolKey(id),
    queryFn: () => apiGet<PatrolDetail>(`/patrols/${id}`),
  });
}

export function useCoverage(gridId: string | undefined) {
  return useQuery({
    queryKey: [...patrolsKey, 'coverage', gridId],
    queryFn: () => apiGet<Coverage>('/patrols/coverage', { gridId }),
    enabled: !!gridId,
  });
}

/** The open places of a grid, to pick where a finding was seen. */
export function useGridPlaces(gridId: string | undefined) {
  return useQuery({
    queryKey: ['places', 'grid', gridId],
    queryFn: async () =>
      (await apiGet<{ items: Place[] }>('/places', { gridId, status: 'active', pageSize: 200 }))
        .items,
    enabled: !!gridId,
  });
}

/** Every write refreshes the patrols (list, detail, coverage); a report refreshes the issue board. */
export function usePatrolWrites() {
  const changes = () => [patrolsKey];
  const start = useWrite({
    send: (body: PatrolStart) => apiSend<PatrolDetail>('POST', '/patrols', body),
    changes,
  });
  const end = useWrite({
    send: ({ id, body }: { id: string; body: PatrolEnd }) =>
      apiSend<PatrolDetail>('POST', `/patrols/${id}/end`, body),
    changes,
  });
  const addFinding = useWrite({
    send: ({ id, body }: { id: string; body: FindingCreate }) =>
      apiSend<Finding>('POST', `/patrols/${id}/findings`, body),
    changes,
  });
  const report = useWrite({
    send: ({ id, findingId, body }: { id: string; findingId: string; body: FindingReport }) =>
      apiSend<{ issueId: string; created: boolean }>(
        'POST',
        `/patrols/${id}/findings/${findingId}/report`,
        body,
      ),
    changes: () => [patrolsKey, ['issues']],
  });
  return {
    start: start.mutateAsync,
    end: (id: string, body: PatrolEnd) => end.mutateAsync({ id, body }),
    addFinding: (id: string, body: FindingCreate) => addFinding.mutateAsync({ id, body }),
    report: (id: string, findingId: string, body: FindingReport) =>
      report.mutateAsync({ id, findingId, body }),
  };
}
