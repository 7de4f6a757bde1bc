// The tables of 组织 (org): the unit tree.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Time } from './time';

export interface OrgUnitTable {
  id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  code: string | null;
  path: string;
  /** The street this unit belongs to (itself for a street); null above street level. Distribution key. */
  street_id: string | null;
  status: 'active' | 'retired';
  version: number;
  created_at: Time;
  updated_at: Time;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type OrgUnitPatch = Updateable<OrgUnitTable>;
