import type { Db } from '../../db';
import type { CaseRow } from '../../db/schema';
import { activeStaffAt, staffDisplayNames } from '../auth/staff-service';
import { unitNames } from '../org/service';
import { residentBasics } from '../people/service';
import * as repo from './repo';

/** A case with what lists show beside it: the client's name, age and household, the worker, the station. */
export type CaseView = CaseRow & {
  client_name: string;
  client_birth_date: string | null;
  client_household_id: string;
  worker_name: string | null;
  station_name: string;
};

/** Cases with the names their owners give: the client (people), the station (org), the worker (auth). */
export async function withNames(db: Db, rows: CaseRow[]): Promise<CaseView[]> {
  const [clients, stations, workers] = await Promise.all([
    residentBasics(
      db,
      rows.map((r) => r.resident_id),
    ),
    unitNames(
      db,
      rows.map((r) => r.station_id),
    ),
    staffDisplayNames(
      db,
      rows.map((r) => r.assigned_worker_id),
    ),
  ]);
  return rows.map((r) => {
    const client = clients.get(r.resident_id);
    return {
      ...r,
      client_name: client?.name ?? '',
      client_birth_date: client?.birthDate ?? null,
      client_household_id: client?.householdId ?? '',
      worker_name: workers.get(r.assigned_worker_id) ?? null,
      station_name: stations.get(r.station_id) ?? '',
    };
  });
}

export async function getCaseView(db: Db, id: string): Promise<CaseView | undefined> {
  const row = await repo.getCase(db, id);
  return row && (await withNames(db, [row]))[0];
}

export async function findCaseViews(db: Db, ids: string[]): Promise<CaseView[]> {
  return withNames(db, await repo.findCasesById(db, ids));
}

/** Active staff holding the social-worker role on the station (the auth module knows them). */
export async function findStationWorkers(
  db: Db,
  stationId: string,
): Promise<{ id: string; displayName: string }[]> {
  return (await activeStaffAt(db, [stationId], ['socialWorker'])).map((w) => ({
    id: w.id,
    displayName: w.displayName,
  }));
}
