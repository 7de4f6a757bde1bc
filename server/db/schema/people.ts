// The tables of 实有人口 (people): households, residents, care tags, consent, history, sensitive access.
import type { Insertable, Selectable } from 'kysely';
import type { Time } from './time';

export interface HouseholdTable {
  id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  org_path: string;
  building: string;
  unit_no: string | null;
  room: string;
  head_resident_id: string | null;
  housing: string | null;
  /** JSON array of income source codes. */
  income_sources: string;
  economic_status: string;
  notes: string | null;
  status: 'active' | 'dissolved';
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** *_sealed columns hold AES-GCM ciphertext; *_index an HMAC for exact lookups; *_masked what lists show. */
export interface ResidentTable {
  id: string;
  household_id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  org_path: string;
  relation_to_head: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  gender: string | null;
  birth_date: string | null;
  ethnicity: string | null;
  id_number_sealed: string | null;
  id_number_index: string | null;
  id_number_masked: string | null;
  phone_sealed: string | null;
  phone_index: string | null;
  phone_last4: string | null;
  phone_masked: string | null;
  registration_status: string;
  health_notes_sealed: string | null;
  disability_sealed: string | null;
  self_care: string | null;
  status: 'living' | 'movedAway' | 'deceased';
  version: number;
  created_at: Time;
  updated_at: Time;
}

export interface ResidentCareTagTable {
  resident_id: string;
  tag: string;
  street_id: string;
  community_id: string;
}

export interface ResidentConsentTable {
  id: string;
  resident_id: string;
  given_by: 'self' | 'guardian';
  guardian_name: string | null;
  consent_date: string;
  scope: string;
  recorded_by: string;
  withdrawn_at: Time | null;
  created_at: Time;
}

export interface RecordHistoryTable {
  id: string;
  household_id: string;
  entity: 'household' | 'resident';
  entity_id: string;
  operation: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  source_type: 'manual' | 'visit' | 'import';
  source_id: string | null;
  user_id: string | null;
  username: string | null;
  at: Time;
}

export interface SensitiveAccessTable {
  id: string;
  resident_id: string;
  street_id: string;
  field: string;
  reason: string;
  user_id: string;
  username: string;
  at: Time;
}

export type HouseholdRow = Selectable<HouseholdTable>;
export type ResidentRow = Selectable<ResidentTable>;
export type NewResident = Insertable<ResidentTable>;
export type NewRecordHistory = Insertable<RecordHistoryTable>;
export type ConsentRow = Selectable<ResidentConsentTable>;
