// The tables of 事件 (issues): issues, their steps and notices, deadlines, the working-day calendar.
import type { Selectable } from 'kysely';
import type { Time } from './time';

/** An issue (事件): something found or reported that must be handled, on its way through the flow. */
export interface IssueTable {
  id: string;
  source: string;
  source_id: string | null;
  category: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  /** The grid's materialised path. */
  org_path: string;
  place_id: string | null;
  /** The place's name when it was reported, for lists and exports. */
  place_name: string | null;
  location_text: string | null;
  lat: number | null;
  lng: number | null;
  description: string;
  reporter_id: string;
  status: string;
  /** The department or person it is dispatched to now. */
  department_id: string | null;
  assignee_id: string | null;
  escalation_level: string;
  /** When the current step is due (overdue past it); null when no step is running. */
  step_deadline: Time | null;
  /** When it next goes one level up if nothing happens: the deadline, then one more step limit each time. */
  escalate_at: Time | null;
  /** JSON of the rectification order (common/schemas/issues.ts zRectificationOrder). */
  rectification: string | null;
  rating: number | null;
  merged_into: string | null;
  closed_at: Time | null;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** One step of an issue's timeline; photos are files with entity 'issueStep'. */
export interface IssueStepTable {
  id: string;
  issue_id: string;
  street_id: string;
  at: Time;
  /** null: the system (escalation). */
  actor_id: string | null;
  actor_name: string;
  action: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
  department_id: string | null;
  assignee_id: string | null;
  level: string | null;
  related_issue_id: string | null;
  rating: number | null;
}

/** A street's (or, with street_id null, the district's) time limit for a step of an issue category. */
export interface IssueDeadlineRuleTable {
  id: string;
  street_id: string | null;
  step: string;
  category: string;
  amount: number;
  unit: string;
  /** The version of the street's whole set of rules, as the settings page saves them together. */
  version: number;
  updated_by: string;
  updated_at: Time;
}

/** A correction to the national working-day calendar (chinese-days) for one day. */
export interface WorkdayOverrideTable {
  day: string;
  kind: 'workday' | 'holiday';
  note: string | null;
  updated_by: string;
  updated_at: Time;
}

/** A notice to a unit: an issue escalated to its level, or urged while dispatched to it. */
export interface IssueNoticeTable {
  id: string;
  issue_id: string;
  street_id: string;
  kind: 'escalation' | 'urge';
  level: string | null;
  unit_id: string;
  note: string | null;
  created_at: Time;
  read_at: Time | null;
  read_by: string | null;
}

export type IssueRow = Selectable<IssueTable>;
export type IssueStepRow = Selectable<IssueStepTable>;
export type IssueNoticeRow = Selectable<IssueNoticeTable>;
