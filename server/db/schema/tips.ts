// The tables of 线索 (tips): tips and their steps; the public form's spent proof-of-work challenges.
import type { Time } from './time';

/** A resident's tip (爆料 / 居民诉求); the contact phone is sealed. */
export interface TipTable {
  id: string;
  street_id: string;
  community_id: string | null;
  org_path: string;
  tracking_code: string;
  channel: 'hotline' | 'email' | 'webForm' | 'inPerson';
  topic: 'home' | 'neighbour' | 'community';
  category: string;
  address: string | null;
  description: string;
  contact_name: string | null;
  contact_phone: string | null;
  status: string;
  issue_id: string | null;
  intake_referral_id: string | null;
  message_id: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Time | null;
  closed_at: Time | null;
  created_by: string | null;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** A step of a tip: the reply the resident reads, and the note only staff read. */
export interface TipStepTable {
  id: string;
  tip_id: string;
  street_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  public_reply: string | null;
  internal_note: string | null;
  actor_id: string | null;
  at: Time;
}

/** A solved proof-of-work challenge of the public tip form, kept until it would have expired. */
export interface SpentChallengeTable {
  signature: string;
  expires_at: Time;
}
