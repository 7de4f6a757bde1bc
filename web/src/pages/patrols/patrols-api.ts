import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
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

const patrolsKey = ['patrols'] as const;
const patrolKey = (id: string) => [...patrolsKey, 'one', id] as const;

export type PatrolListQuery = {
  gridId?: string;
  workerId?: string;
  page: number;
  pageSize: number;
};

export function usePatrolPage(query: PatrolListQuery) {
  return useQuery({
    queryKey: [...patrolsKey, 'list', query],
    queryFn: () =>
      apiGet<{ items: Patrol[]; total: number; page: number; pageSize: number }>('/patrols', query),
    placeholderData: keepPreviousData,
  });
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
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: patrolsKey });
  return {
    async start(body: PatrolStart) {
      const patrol = await apiSend<PatrolDetail>('POST', '/patrols', body);
      await refresh();
      return patrol;
    },
    async end(id: string, body: PatrolEnd) {
      const patrol = await apiSend<PatrolDetail>('POST', `/patrols/${id}/end`, body);
      await refresh();
      return patrol;
    },
    async addFinding(id: string, body: FindingCreate) {
      const finding = await apiSend<Finding>('POST', `/patrols/${id}/findings`, body);
      await refresh();
      return finding;
    },
    async report(id: string, findingId: string, body: FindingReport) {
      const r = await apiSend<{ issueId: string; created: boolean }>(
        'POST',
        `/patrols/${id}/findings/${findingId}/report`,
        body,
      );
      await Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: ['issues'] })]);
      return r;
    },
  };
}
