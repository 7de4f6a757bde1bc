import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Campaign,
  CampaignCreate,
  CampaignDetail,
  CampaignHouseholdDetail,
  CampaignHouseholds,
  CampaignStatus,
  CampaignUpdate,
  Visit,
  VisitCreate,
} from '../../../../common/schemas/campaigns';
import type { Survey } from '../../../../common/schemas/surveys';
import { apiDownload, apiGet, apiSend } from '../../api';

const campaignsKey = ['campaigns'] as const;

export type CampaignListQuery = {
  status?: CampaignStatus;
  q?: string;
  page: number;
  pageSize: number;
};

export function useCampaignPage(query: CampaignListQuery) {
  return useQuery({
    queryKey: [...campaignsKey, 'list', query],
    queryFn: () =>
      apiGet<{ items: Campaign[]; total: number; page: number; pageSize: number }>(
        '/campaigns',
        query,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: [...campaignsKey, 'one', id],
    queryFn: () => apiGet<CampaignDetail>(`/campaigns/${id}`),
  });
}

export type HouseholdFilter = 'pending' | 'delivered' | 'notHome' | 'refused';

export function useCampaignHouseholds(
  id: string,
  query: { filter?: HouseholdFilter; mine?: boolean; gridId?: string },
) {
  return useQuery({
    queryKey: [...campaignsKey, 'households', id, query],
    queryFn: () =>
      apiGet<CampaignHouseholds>(`/campaigns/${id}/households`, {
        filter: query.filter,
        gridId: query.gridId,
        mine: query.mine ? 'true' : undefined,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCampaignHousehold(id: string, householdId: string) {
  return useQuery({
    queryKey: [...campaignsKey, 'household', id, householdId],
    queryFn: () => apiGet<CampaignHouseholdDetail>(`/campaigns/${id}/households/${householdId}`),
  });
}

/** Published questionnaires the caller sees, to pick the one asked at the door. */
export function usePublishedSurveys(enabled: boolean) {
  return useQuery({
    queryKey: ['surveys', 'published'],
    queryFn: async () =>
      (await apiGet<{ items: Survey[] }>('/surveys', { status: 'published', pageSize: 200 })).items,
    enabled,
  });
}

/** Every write refreshes the campaigns (list, detail, households, coverage). */
export function useCampaignWrites() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: campaignsKey });
  return {
    async create(body: CampaignCreate) {
      const c = await apiSend<CampaignDetail>('POST', '/campaigns', body);
      await refresh();
      return c;
    },
    async update(id: string, body: CampaignUpdate) {
      try {
        return await apiSend<CampaignDetail>('PATCH', `/campaigns/${id}`, body);
      } finally {
        await refresh();
      }
    },
    async visit(id: string, body: VisitCreate) {
      const v = await apiSend<Visit>('POST', `/campaigns/${id}/visits`, body);
      await refresh();
      if (v.issueId) await queryClient.invalidateQueries({ queryKey: ['issues'] });
      return v;
    },
    exportVisits: (id: string) => apiDownload(`/campaigns/${id}/visits.xlsx`, {}, 'visits.xlsx'),
  };
}
