// The tables of 巡查 (patrols): a grid worker's rounds and what was found.
import type { Selectable } from 'kysely';
import type { Time } from './time';

/** A grid worker's patrol of their grid. */
export interface PatrolTable {
  id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  org_path: string;
  worker_id: string;
  status: 'open' | 'ended';
  started_at: Time;
  ended_at: Time | null;
  note: string | null;
  end_note: string | null;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** A problem found, or a place visited, on a patrol; photos are files with entity 'patrolFinding'. */
export interface PatrolFindingTable {
  id: string;
  patrol_id: string;
  street_id: string;
  grid_id: string;
  kind: 'finding' | 'visited';
  place_id: string | null;
  place_name: string | null;
  location_text: string | null;
  lat: number | null;
  lng: number | null;
  description: string | null;
  at: Time;
  /** The issue it was reported as. */
  issue_id: string | null;
  created_by: string;
  created_at: Time;
}

export type PatrolRow = Selectable<PatrolTable>;
export type PatrolFindingRow = Selectable<PatrolFindingTable>;
