import { useMe } from '../../auth';
import { stationRoles } from '../../components/nav';

/**
 * What the caller's roles let them do with cases, mirroring the server (CASE_WORKERS, CASE_READERS,
 * the resource directory's writers) so that read-only callers are not offered forms that would fail.
 */
export function useCaseRoles() {
  const me = useMe();
  const stationAssignments = me.roles.filter(
    (r) => stationRoles.includes(r.role) && r.orgUnitKind === 'station',
  );
  const stations = [
    ...new Map(stationAssignments.map((r) => [r.orgUnitId, r.orgUnitName])).entries(),
  ].map(([id, name]) => ({ id, name }));
  const isStationStaff = stationAssignments.length > 0;
  return {
    me,
    stations,
    isStationStaff,
    /** carries a caseload: lists start from "mine" */
    isWorker: me.roles.some((r) => r.role === 'socialWorker'),
    /** opens cases (intake) at their station */
    canOpen: isStationStaff,
    /** the socialWorker assignments by station, so the intake form can offer "me" */
    workerAt: (stationId: string) =>
      me.roles.some((r) => r.role === 'socialWorker' && r.orgUnitId === stationId),
    /** keeps the street's resource directory (district admins the district's) */
    canWriteResources: isStationStaff || me.roles.some((r) => r.role === 'districtAdmin'),
    /** sees 今日待办 and the review queue */
    hasCaseWork: isStationStaff,
  };
}
