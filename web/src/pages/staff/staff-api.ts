import type {
  Staff,
  StaffCreate,
  StaffQuery,
  StaffRoles,
  StaffUpdate,
} from '../../../../common/schemas/staff';
import { apiSend } from '../../api';
import { usePagedRegister } from '../../components/register/register-list';
import { useWrite } from '../../use-write';

const staffKey = ['staff'] as const;

export function useStaffList(query: Partial<StaffQuery>) {
  return usePagedRegister<Staff>([...staffKey, 'list'], '/staff', query);
}

/** The staff writes; each refreshes the staff list, after a 409 too. */
export function useStaffWrites() {
  const changes = () => [staffKey];
  const create = useWrite({
    send: (body: StaffCreate) => apiSend<Staff>('POST', '/staff', body),
    changes,
  });
  const update = useWrite({
    send: ({ id, body }: { id: string; body: StaffUpdate }) =>
      apiSend<Staff>('PATCH', `/staff/${id}`, body),
    changes,
  });
  const setRoles = useWrite({
    send: ({ id, body }: { id: string; body: StaffRoles }) =>
      apiSend<Staff>('PUT', `/staff/${id}/roles`, body),
    changes,
  });
  const setStatus = useWrite({
    send: ({ staff, to }: { staff: Staff; to: 'disable' | 'enable' }) =>
      apiSend<Staff>('POST', `/staff/${staff.id}/${to}`, { version: staff.version }),
    changes,
  });
  const resetPassword = useWrite({
    send: ({ id, newPassword }: { id: string; newPassword: string }) =>
      apiSend<{ ok: true }>('POST', `/staff/${id}/reset-password`, { newPassword }),
    changes,
  });
  return {
    create: create.mutateAsync,
    update: (id: string, body: StaffUpdate) => update.mutateAsync({ id, body }),
    setRoles: (id: string, body: StaffRoles) => setRoles.mutateAsync({ id, body }),
    disable: (staff: Staff) => setStatus.mutateAsync({ staff, to: 'disable' }),
    enable: (staff: Staff) => setStatus.mutateAsync({ staff, to: 'enable' }),
    resetPassword: (id: string, newPassword: string) =>
      resetPassword.mutateAsync({ id, newPassword }),
  };
}
