// The tables of 活动 (activities): partners, activities, check-in, handouts and needs.
import type { Selectable } from 'kysely';
import type { Time } from './time';

/** A partner organisation of a street's activities (合作机构): a hospital, a village, a company. */
export interface PartnerTable {
  id: string;
  street_id: string;
  org_path: string;
  name: string;
  kind: string;
  contact: string | null;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** A community activity (社区活动): 义诊, 安全宣传 … */
export interface ActivityTable {
  id: string;
  street_id: string;
  community_id: string;
  org_path: string;
  title: string;
  type: string;
  status: 'planned' | 'ongoing' | 'finished' | 'cancelled';
  start_at: Time;
  end_at: Time;
  place: string;
  capacity: number | null;
  /** Participants checked in, kept with the row so the capacity check is one conditional update. */
  checked_in: number;
  description: string | null;
  summary: string | null;
  survey_id: string | null;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

export interface ActivityPartnerTable {
  activity_id: string;
  partner_id: string;
  street_id: string;
}

/** A participant checked in (签到): a resident of the register or a walk-in (phone sealed). */
export interface ActivityAttendanceTable {
  id: string;
  activity_id: string;
  street_id: string;
  kind: 'resident' | 'walkIn';
  resident_id: string | null;
  name: string;
  phone_sealed: string | null;
  phone_masked: string | null;
  checked_in_at: Time;
  registered_at: Time | null;
  created_by: string;
}

export interface ActivityHandoutItemTable {
  id: string;
  activity_id: string;
  street_id: string;
  item: string;
  unit: string;
  prepared: number;
  given: number;
  created_at: Time;
}

export interface ActivityHandoutTable {
  id: string;
  activity_id: string;
  item_id: string;
  street_id: string;
  attendance_id: string | null;
  quantity: number;
  given_at: Time;
  created_by: string;
}

/** A need noticed at an activity, and the issue or case referral it became. */
export interface ActivityNeedTable {
  id: string;
  activity_id: string;
  street_id: string;
  kind: 'issue' | 'referral';
  description: string;
  attendance_id: string | null;
  name: string | null;
  target_id: string;
  created_by: string;
  created_at: Time;
}

export type PartnerRow = Selectable<PartnerTable>;
export type ActivityRow = Selectable<ActivityTable>;
export type ActivityAttendanceRow = Selectable<ActivityAttendanceTable>;
export type ActivityHandoutItemRow = Selectable<ActivityHandoutItemTable>;
export type ActivityNeedRow = Selectable<ActivityNeedTable>;
