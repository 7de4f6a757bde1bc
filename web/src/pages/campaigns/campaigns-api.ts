import { keepPreviousData, useQuery } from '@tanstack/react-query';
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
import { usePagedRegister } from '../../components/register/register-list';
import { useWrite } from '../../use-write';

const campaignsKey = ['campaigns'] as const;

export type CampaignListQuery = {
  status?: CampaignStatus;
  q?: string;
  page: number;
  pageSize: number;
};

export function useCampaignList(query: CampaignListQuery) {
  return usePagedRegister<Campaign>([...campaignsKey, 'list'], '/campaigns', query);
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

/** Every write refreshes the campaigns (list, detail, households, coverage); a 409 too. */
export function useCampaignWrites() {
  const create = useWrite({
    send: (body: CampaignCreate) => apiSend<CampaignDetail>('POST', '/campaigns', body),
    changes: () => [campaignsKey],
  });
  const update = useWrite({
    send: ({ id, body }: { id: string; body: CampaignUpdate }) =>
      apiSend<CampaignDetail>('PATCH', `/campaigns/${id}`, body),
    changes: () => [campaignsKey],
  });
  const visit = useWrite({
    send: ({ id, body }: { id: string; body: VisitCreate }) =>
      apiSend<Visit>('POST', `/campaigns/${id}/visits`, body),
    // A visit that reported a problem raised an issue: the board too.
    changes: (_, v) => (v?.issueId ? [campaignsKey, ['issues']] : [campaignsKey]),
  });
  return {
    create: create.mutateAsync,
    update: (id: string, body: CampaignUpdate) => update.mutateAsync({ id, body }),
    visit: (id: string, body: VisitCreate) => visit.mutateAsync({ id, body }),
    /** a download, not a write */
    exportVisits: (id: string) => apiDownload(`/campaigns/${id}/visits.xlsx`, {}, 'visits.xlsx'),
  };
}
