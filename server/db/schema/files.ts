// The tables of files: photos and attachments.
import type { Time } from './time';

export interface StoredFileTable {
  id: string;
  street_id: string | null;
  uploaded_by: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  thumb_key: string | null;
  width: number | null;
  height: number | null;
  /** The record the file belongs to once attached (e.g. issue, inspection, patrolFinding). */
  entity: string | null;
  entity_id: string | null;
  created_at: Time;
}
