import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Staff,
  StaffCreate,
  StaffQuery,
  StaffRoles,
  StaffUpdate,
} from '../../../../common/schemas/staff';
import { ApiError, apiGet, apiSend } from '../../api';

const staffKey = ['staff'] as const;

export interface StaffPage {
  items: Staff[];
  total: number;
  page: number;
  pageSize: number;
}

export function useStaffPage(query: Partial<StaffQuery>) {
  return useQuery({
    queryKey: [...staffKey, 'list', query],
    queryFn: () => apiGet<StaffPage>('/staff', query),
    // Keeps the rows on screen while the next page loads instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
}

export function useStaffWrites() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: staffKey });
  async function write<T>(method: 'POST' | 'PATCH' | 'PUT', path: string, body: unknown) {
    try {
      const result = await apiSend<T>(method, path, body);
      await refresh();
      return result;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) void refresh();
      throw error;
    }
  }
  return {
    create: (body: StaffCreate) => write<Staff>('POST', '/staff', body),
    update: (id: string, body: StaffUpdate) => write<Staff>('PATCH', `/staff/${id}`, body),
    setRoles: (id: string, body: StaffRoles) => write<Staff>('PUT', `/staff/${id}/roles`, body),
    disable: (s: Staff) => write<Staff>('POST', `/staff/${s.id}/disable`, { version: s.version }),
    enable: (s: Staff) => write<Staff>('POST', `/staff/${s.id}/enable`, { version: s.version }),
    resetPassword: (id: string, newPassword: string) =>
      write<{ ok: true }>('POST', `/staff/${id}/reset-password`, { newPassword }),
  };
}
