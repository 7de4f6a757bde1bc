// The tables of 走访 (campaigns): campaigns, the units they go to and their visits.
import type { Selectable } from 'kysely';
import type { Time } from './time';

/** A door-to-door campaign (宣传走访活动); materials is a JSON array of strings. */
export interface CampaignTable {
  id: string;
  street_id: string;
  /** The street or community that runs it; its path is the campaign's scope. */
  owner_unit_id: string;
  org_path: string;
  title: string;
  materials: string;
  survey_id: string | null;
  start_date: string;
  end_date: string;
  status: 'planned' | 'active' | 'ended';
  note: string | null;
  created_by: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** A community or grid a campaign goes to: its active households are the campaign's households. */
export interface CampaignTargetTable {
  campaign_id: string;
  unit_id: string;
  unit_kind: 'community' | 'grid';
  street_id: string;
  org_path: string;
}

/** One knock on a household's door; append-only, the latest one is the household's outcome. */
export interface CampaignVisitTable {
  id: string;
  campaign_id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  org_path: string;
  household_id: string;
  outcome: 'delivered' | 'notHome' | 'refused';
  note: string | null;
  at: Time;
  worker_id: string;
  survey_answer_id: string | null;
  issue_id: string | null;
  created_at: Time;
}

export type CampaignRow = Selectable<CampaignTable>;
export type CampaignTargetRow = Selectable<CampaignTargetTable>;
export type CampaignVisitRow = Selectable<CampaignVisitTable>;
