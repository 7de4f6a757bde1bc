// The tables of 台账导入 (imports): an import as a job, its remembered mappings, its households.
import type { Selectable } from 'kysely';
import type { Time } from './time';

/** A register import as a job (see migrations/2026-12-27-imports). JSON in columns, problems, fixed. */
export interface ImportJobTable {
  id: string;
  kind: string;
  status: string;
  user_id: string;
  scope_id: string;
  org_path: string | null;
  file_name: string;
  file_type: string;
  header_row: number | null;
  columns: string;
  fixed: string;
  layout_hash: string;
  mapping_remembered: number;
  total_rows: number | null;
  rows_checked: number;
  valid_rows: number;
  problem_rows: number;
  households: number;
  households_registered: number;
  members_added: number;
  chunk_size: number;
  chunks_total: number;
  chunks_done: number;
  problems: string;
  error_key: string | null;
  error_params: string | null;
  created_at: Time;
  updated_at: Time;
  finished_at: Time | null;
}

export interface ImportMappingTable {
  kind: string;
  scope_id: string;
  layout_hash: string;
  /** JSON: normalised header → field key or null. */
  mapping: string;
  fixed: string;
  updated_by: string;
  updated_at: Time;
}

export interface ImportHouseholdTable {
  street_id: string;
  household_no: string;
  household_id: string;
}

export type ImportJobRow = Selectable<ImportJobTable>;
