import type { Role } from '../../../../common/roles';
import { useMe } from '../../auth';

/** Mirrors the server's PEOPLE_WRITERS so read-only callers are not offered forms that would fail. */
const peopleWriters: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'stationSupervisor',
  'socialWorker',
  'gridWorker',
  'communityStaff',
];

export function useCanWritePeople(): boolean {
  const me = useMe();
  return me.roles.some((r) => peopleWriters.includes(r.role));
}
