import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Issue,
  IssueCommand,
  IssueCounts,
  IssueDetail,
  IssueFilter,
  IssueReport,
  IssueStep,
  zDispatchTargets,
} from '../../../../common/schemas/issues';
import { apiGet, apiSend } from '../../api';

const issuesKey = ['issues'] as const;
export const issueKey = (id: string) => [...issuesKey, 'one', id] as const;

export interface IssuePage {
  items: Issue[];
  total: number;
  page: number;
  pageSize: number;
}

/** The board's query as the address carries it: `overdue` is the string the server parses. */
export type IssueListQuery = Partial<Omit<IssueFilter, 'overdue'>> & {
  overdue?: 'true';
  page: number;
  pageSize: number;
};

export function useIssuePage(query: IssueListQuery) {
  return useQuery({
    queryKey: [...issuesKey, 'list', query],
    queryFn: () => apiGet<IssuePage>('/issues', query),
    placeholderData: keepPreviousData,
  });
}

/** The tab counts follow the same filters as the list, without the tab itself. */
export function useIssueCounts(query: Omit<IssueListQuery, 'tab' | 'page' | 'pageSize'>) {
  return useQuery({
    queryKey: [...issuesKey, 'counts', query],
    queryFn: () => apiGet<IssueCounts>('/issues/counts', query),
    placeholderData: keepPreviousData,
  });
}

export function useIssue(id: string) {
  return useQuery({ queryKey: issueKey(id), queryFn: () => apiGet<IssueDetail>(`/issues/${id}`) });
}

export function useIssueSteps(id: string) {
  return useQuery({
    queryKey: [...issueKey(id), 'steps'],
    queryFn: async () => (await apiGet<{ items: IssueStep[] }>(`/issues/${id}/steps`)).items,
  });
}

export function useDispatchTargets(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...issueKey(id), 'targets'],
    queryFn: () => apiGet<z.infer<typeof zDispatchTargets>>(`/issues/${id}/dispatch-targets`),
    enabled,
  });
}

/** Every step and report refreshes the board, the counts and the issue itself. */
export function useIssueWrites() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: issuesKey });
  return {
    async step(id: string, command: IssueCommand) {
      const issue = await apiSend<IssueDetail>('POST', `/issues/${id}/steps`, command);
      await refresh();
      return issue;
    },
    async report(report: IssueReport) {
      const issue = await apiSend<IssueDetail>('POST', '/issues', report);
      await refresh();
      return issue;
    },
  };
}

/** A photo taken with the phone's camera, uploaded as it is; answers its id and thumbnail. */
export async function uploadPhoto(file: File) {
  return apiSend<{ id: string; thumbUrl: string | null }>('POST', '/files', {
    file,
    type: file.type || 'image/jpeg',
  });
}
