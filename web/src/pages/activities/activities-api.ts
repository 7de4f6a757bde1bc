import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Activity,
  ActivityCreate,
  ActivityDetail,
  ActivityFeedback,
  ActivityStatus,
  ActivityUpdate,
  Attendance,
  AttendanceCreate,
  AttendanceList,
  AttendanceRegister,
  HandoutGive,
  HandoutItem,
  HandoutItemCreate,
  Need,
  NeedCreate,
  Partner,
  PartnerCreate,
  PartnerUpdate,
} from '../../../../common/schemas/activities';
import type { Resident, ResidentQuery } from '../../../../common/schemas/people';
import { apiGet, apiSend } from '../../api';
import { usePagedRegister } from '../../components/register/register-list';
import { useWrite } from '../../use-write';

const activitiesKey = ['activities'] as const;
const activityKey = (id: string) => [...activitiesKey, 'one', id] as const;

export type ActivityListQuery = {
  q?: string;
  type?: string;
  status?: string;
  communityId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

export function useActivityList(query: ActivityListQuery) {
  return usePagedRegister<Activity>([...activitiesKey, 'list'], '/activities', query);
}

export function useActivity(id: string) {
  return useQuery({
    queryKey: activityKey(id),
    queryFn: () => apiGet<ActivityDetail>(`/activities/${id}`),
  });
}

export function useAttendance(id: string) {
  return useQuery({
    queryKey: [...activityKey(id), 'attendance'],
    queryFn: () => apiGet<AttendanceList>(`/activities/${id}/attendance`),
  });
}

export function usePartners() {
  return useQuery({
    queryKey: [...activitiesKey, 'partners'],
    queryFn: async () => (await apiGet<{ items: Partner[] }>('/activities/partners')).items,
  });
}

/** Published surveys the caller sees, to name one for feedback. */
export function usePublishedSurveys(enabled: boolean) {
  return useQuery({
    queryKey: ['surveys', 'published'],
    queryFn: async () =>
      (
        await apiGet<{ items: { id: string; title: string }[] }>('/surveys', {
          status: 'published',
          pageSize: 100,
        })
      ).items,
    enabled,
  });
}

/** Residents living here, found by name or pinyin (the register's own search and filter). */
export function useResidentSearch(q: string) {
  return useQuery({
    queryKey: ['residents', 'search', q],
    queryFn: async () => {
      // Typed by the API's own query schema, so a filter it does not know cannot compile.
      const query: ResidentQuery = { q, page: 1, pageSize: 8, status: 'living' };
      return (await apiGet<{ items: Resident[] }>('/residents', query)).items;
    },
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

type Write = { method: 'POST' | 'PATCH' | 'PUT'; path: string; body: unknown };

/**
 * Every write refreshes the activities (list, detail, attendance); a 409 (full, stock, stale) too,
 * to show what others did meanwhile. A need may have raised an issue: the board is refreshed too.
 */
export function useActivityWrites() {
  const write = useWrite({
    send: ({ method, path, body }: Write) => apiSend<unknown>(method, path, body),
    changes: ({ path }) =>
      path.endsWith('/needs') ? [activitiesKey, ['issues']] : [activitiesKey],
  });
  const send = <T>(method: Write['method'], path: string, body: unknown) =>
    write.mutateAsync({ method, path, body }) as Promise<T>;
  return {
    create: (body: ActivityCreate) => send<ActivityDetail>('POST', '/activities', body),
    update: (id: string, body: ActivityUpdate) =>
      send<ActivityDetail>('PATCH', `/activities/${id}`, body),
    setStatus: (id: string, version: number, status: ActivityStatus) =>
      send<ActivityDetail>('POST', `/activities/${id}/status`, { version, status }),
    checkIn: (id: string, body: AttendanceCreate) =>
      send<Attendance>('POST', `/activities/${id}/attendance`, body),
    register: (id: string, attendanceId: string, body: AttendanceRegister) =>
      send<{ residentId: string }>(
        'POST',
        `/activities/${id}/attendance/${attendanceId}/register`,
        body,
      ),
    addItem: (id: string, body: HandoutItemCreate) =>
      send<HandoutItem>('POST', `/activities/${id}/handout-items`, body),
    setPrepared: (id: string, itemId: string, prepared: number) =>
      send<HandoutItem>('PUT', `/activities/${id}/handout-items/${itemId}`, { prepared }),
    give: (id: string, body: HandoutGive) =>
      send<{ item: HandoutItem }>('POST', `/activities/${id}/handouts`, body),
    need: (id: string, body: NeedCreate) =>
      send<{ need: Need }>('POST', `/activities/${id}/needs`, body),
    feedback: (id: string, body: ActivityFeedback) =>
      send<{ id: string }>('POST', `/activities/${id}/feedback`, body),
    createPartner: (body: PartnerCreate) => send<Partner>('POST', '/activities/partners', body),
    updatePartner: (id: string, body: PartnerUpdate) =>
      send<Partner>('PUT', `/activities/partners/${id}`, body),
  };
}
