// The tables of 保障任务 (operations): batches, supplies, the duty roster and the log.
import type { Selectable } from 'kysely';
import type { Time } from './time';

/** A support operation (保障任务) of an org unit, e.g. 市军供站's 2026年春季新兵铁路运输保障. */
export interface OperationTable {
  id: string;
  owner_unit_id: string;
  /** The owning unit's street; null for a district's department. */
  street_id: string | null;
  org_path: string;
  title: string;
  description: string | null;
  /** First and last day (Asia/Shanghai), yyyy-mm-dd. */
  start_date: string;
  end_date: string;
  status: 'planned' | 'active' | 'completed';
  /** Why it was completed with batches not departed. */
  completion_note: string | null;
  completed_at: Time | null;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** One group moved (批次): planned → arrived → served → departed, with the time of each step. */
export interface OperationBatchTable {
  id: string;
  operation_id: string;
  street_id: string | null;
  planned_at: Time;
  head_count: number;
  train_no: string;
  from_place: string;
  to_place: string;
  status: 'planned' | 'arrived' | 'served' | 'departed';
  arrived_at: Time | null;
  served_at: Time | null;
  departed_at: Time | null;
  note: string | null;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** An item prepared for the operation; `issued` is the sum of its issues. */
export interface OperationSupplyTable {
  id: string;
  operation_id: string;
  street_id: string | null;
  item: string;
  unit: string;
  prepared: number;
  issued: number;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** One issue of a supply (a movement out), optionally to a batch; never changed. */
export interface OperationSupplyIssueTable {
  id: string;
  supply_id: string;
  operation_id: string;
  street_id: string | null;
  batch_id: string | null;
  quantity: number;
  at: Time;
  note: string | null;
  created_by: string;
  created_at: Time;
}

/** A duty shift (值班表); people is JSON [{ userId: string | null, name: string }]. */
export interface OperationShiftTable {
  id: string;
  operation_id: string;
  street_id: string | null;
  starts_at: Time;
  ends_at: Time;
  people: string;
  note: string | null;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** The operation's log of events; append-only. */
export interface OperationLogTable {
  id: string;
  operation_id: string;
  street_id: string | null;
  at: Time;
  text: string;
  author_id: string;
  author_name: string;
  created_at: Time;
}

export type OperationRow = Selectable<OperationTable>;
export type OperationBatchRow = Selectable<OperationBatchTable>;
export type OperationSupplyRow = Selectable<OperationSupplyTable>;
export type OperationSupplyIssueRow = Selectable<OperationSupplyIssueTable>;
export type OperationShiftRow = Selectable<OperationShiftTable>;
export type OperationLogRow = Selectable<OperationLogTable>;
