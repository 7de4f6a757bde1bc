import type { Db } from '../../db';
import * as repo from './repo';

/*
 * What other modules ask of the register about residents they hold by id (a case's client, a
 * visit's household): names, birth dates, households and care tags. They ask here rather than read
 * the people module's tables (eslint/table-owners.json).
 */

const distinct = (ids: readonly string[]) => [...new Set(ids)];

export interface ResidentBasics {
  name: string;
  birthDate: string | null;
  householdId: string;
}

/** Name, birth date and household of residents by id. */
export async function residentBasics(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, ResidentBasics>> {
  const rows = await repo.findResidentBasics(db, distinct(ids));
  return new Map(
    rows.map((r) => [r.id, { name: r.name, birthDate: r.birth_date, householdId: r.household_id }]),
  );
}

/** The ids of everyone registered in a household, past members included. */
export const residentIdsOfHousehold = (db: Db, householdId: string): Promise<string[]> =>
  repo.findResidentIdsOfHousehold(db, householdId);

/** The care tags (独居, 高龄 …) of each resident. */
export async function careTagsOf(
  db: Db,
  residentIds: readonly string[],
): Promise<Map<string, string[]>> {
  const tags = new Map<string, string[]>();
  for (const r of await repo.findCareTags(db, distinct(residentIds)))
    tags.set(r.resident_id, [...(tags.get(r.resident_id) ?? []), r.tag]);
  return tags;
}

/**
 * The residents whose name starts with `prefix`, as a subquery of their ids: a list of another
 * module filters by it in its own statement (a surname may match thousands across a district).
 */
export const residentsNamedLike = (db: Db, prefix: string) => repo.residentIdsNamed(db, prefix);
