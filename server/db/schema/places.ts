// The tables of 场所 (places): places, checklists, inspections and rectification notices.
import type { Selectable } from 'kysely';
import type { Time } from './time';

/** A place (场所 / 实有单位) in a grid: shops, markets, pharmacies, enterprises, property companies … */
export interface PlaceTable {
  id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  org_path: string;
  name: string;
  category: string;
  address: string;
  licence_no: string | null;
  person_in_charge: string | null;
  /** A business contact, not a private person's: stored plain, masked in lists. */
  phone: string | null;
  lat: number | null;
  lng: number | null;
  status: 'active' | 'closed';
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

export interface ChecklistTable {
  id: string;
  /** The district or street whose checklist it is; visible to staff at or below it. */
  owner_unit_id: string;
  street_id: string | null;
  org_path: string;
  name: string;
  topic: string;
  description: string | null;
  status: 'active' | 'retired';
  current_version: number;
  current_version_id: string;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** One version of a checklist's items; never changed once written. */
export interface ChecklistVersionTable {
  id: string;
  checklist_id: string;
  number: number;
  name: string;
  topic: string;
  /** JSON [{ id, text, category, photoRequired }]. */
  items: string;
  created_by: string;
  created_at: Time;
}

export interface InspectionTable {
  id: string;
  place_id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  org_path: string;
  checklist_id: string;
  /** The version it is done with: its items are the inspection's items for good. */
  checklist_version_id: string;
  mode: string;
  status: 'draft' | 'awaitingSignOff' | 'completed';
  result: 'pass' | 'fail' | null;
  failed_items: number;
  at: Time;
  summary: string | null;
  rectification_deadline: string | null;
  rectification_requirement: string | null;
  issue_id: string | null;
  created_by: string;
  submitted_by: string | null;
  submitted_at: Time | null;
  completed_at: Time | null;
  version: number;
  created_at: Time;
  updated_at: Time;
}

export interface InspectionMemberTable {
  inspection_id: string;
  user_id: string;
  street_id: string;
}

export interface InspectionDepartmentTable {
  inspection_id: string;
  department_id: string;
  street_id: string;
  signed_by: string | null;
  signed_at: Time | null;
  note: string | null;
}

export interface InspectionResultTable {
  inspection_id: string;
  item_id: string;
  street_id: string;
  result: 'pass' | 'fail' | 'notApplicable';
  note: string | null;
  /** JSON array of stored_file ids, attached to the inspection. */
  photo_ids: string;
  recorded_by: string;
  recorded_at: Time;
}

export interface RectificationNoticeTable {
  id: string;
  inspection_id: string;
  issue_id: string | null;
  place_id: string;
  street_id: string;
  org_path: string;
  year: number;
  seq: number;
  /** As printed: 振华〔2026〕第0012号. */
  number: string;
  deadline: string;
  /** JSON [{ checklistItemId, text, note }]: the failed items as they were when issued. */
  items: string;
  requirement: string | null;
  legal_basis: string;
  issuing_unit: string;
  status: 'issued' | 'rectified' | 'notRectified';
  issued_by: string;
  issued_at: Time;
  version: number;
  updated_at: Time;
}

export interface NoticeCounterTable {
  street_id: string;
  year: number;
  n: number;
}

export interface NoticeReinspectionTable {
  id: string;
  notice_id: string;
  street_id: string;
  at: Time;
  user_id: string;
  /** JSON [{ checklistItemId, result, note, photoIds }]. */
  results: string;
  fixed: number;
  note: string | null;
}

export type PlaceRow = Selectable<PlaceTable>;
export type ChecklistRow = Selectable<ChecklistTable>;
export type ChecklistVersionRow = Selectable<ChecklistVersionTable>;
export type InspectionRow = Selectable<InspectionTable>;
export type InspectionResultRow = Selectable<InspectionResultTable>;
export type InspectionDepartmentRow = Selectable<InspectionDepartmentTable>;
export type NoticeRow = Selectable<RectificationNoticeTable>;
export type NoticeReinspectionRow = Selectable<NoticeReinspectionTable>;
