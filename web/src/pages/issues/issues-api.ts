import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Issue,
  IssueCommand,
  IssueCounts,
  IssueDetail,
  IssueFilter,
  IssueNotice,
  IssueReport,
  IssueStep,
  WorkdayOverridePut,
  WorkdayYear,
  zDispatchTargets,
} from '../../../../common/schemas/issues';
import { apiGet, apiSend } from '../../api';
import { usePagedRegister } from '../../components/register/register-list';
import { useWrite } from '../../use-write';

const issuesKey = ['issues'] as const;
export const issueKey = (id: string) => [...issuesKey, 'one', id] as const;

/** The board's query as the address carries it: `overdue` is the string the server parses. */
export type IssueListQuery = Partial<Omit<IssueFilter, 'overdue'>> & {
  overdue?: 'true';
  page: number;
  pageSize: number;
};

export function useIssueList(query: IssueListQuery) {
  return usePagedRegister<Issue>([...issuesKey, 'list'], '/issues', query);
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

/** A step on an issue; it refreshes the board, the counts and the issue itself. */
export function useIssueStep(id: string) {
  return useWrite({
    send: (command: IssueCommand) => apiSend<IssueDetail>('POST', `/issues/${id}/steps`, command),
    changes: () => [issuesKey],
  });
}

/** 上报: a new issue, on the board at once. */
export function useReportIssue() {
  return useWrite({
    send: (report: IssueReport) => apiSend<IssueDetail>('POST', '/issues', report),
    changes: () => [issuesKey],
  });
}

const workdaysKey = (year: number) => ['workdays', year] as const;

export function useWorkdays(year: number) {
  return useQuery({
    queryKey: workdaysKey(year),
    queryFn: () => apiGet<WorkdayYear>('/workdays', { year }),
  });
}

/** A correction of the working-day calendar, added or dropped; the answer is the year as it now is. */
export function useWorkdayWrites() {
  const onAnswer = (year: WorkdayYear, _: unknown, client: QueryClient) =>
    client.setQueryData(workdaysKey(year.year), year);
  const put = useWrite({
    send: ({ day, body }: { day: string; body: WorkdayOverridePut }) =>
      apiSend<WorkdayYear>('PUT', `/workdays/${day}`, body),
    changes: ({ day }) => [workdaysKey(Number(day.slice(0, 4)))],
    onAnswer,
  });
  const remove = useWrite({
    send: (day: string) => apiSend<WorkdayYear>('DELETE', `/workdays/${day}`),
    changes: (day) => [workdaysKey(Number(day.slice(0, 4)))],
    onAnswer,
  });
  return { put, remove };
}

/** A photo taken with the phone's camera, uploaded as it is; answers its id and thumbnail. */
export async function uploadPhoto(file: File) {
  return apiSend<{ id: string; thumbUrl: string | null }>('POST', '/files', {
    file,
    type: file.type || 'image/jpeg',
  });
}

const unreadNoticesKey = ['issue-notices', 'unread'] as const;

/** Escalations and urgings sent to the caller's units, not yet read. */
export function useUnreadNotices() {
  return useQuery({
    queryKey: unreadNoticesKey,
    queryFn: () =>
      apiGet<{ items: IssueNotice[]; total: number }>('/issue-notices', {
        unread: 'true',
        pageSize: 20,
      }),
  });
}

export function useMarkNoticeRead() {
  return useWrite({
    send: (id: string) => apiSend<unknown>('POST', `/issue-notices/${id}/read`),
    changes: () => [unreadNoticesKey],
  });
}
