// The tables of notify: group-chat robots and the posts they deliver.
import type { Selectable } from 'kysely';
import type { Time } from './time';

/** A group-chat robot (企业微信 / 钉钉) that hears what is sent to its org unit. */
export interface NotifyWebhookTable {
  id: string;
  org_unit_id: string;
  street_id: string | null;
  org_path: string;
  kind: 'wecom' | 'dingtalk';
  name: string;
  url_sealed: string;
  url_hint: string;
  secret_sealed: string | null;
  status: 'active' | 'paused';
  last_sent_at: Time | null;
  last_error: string | null;
  version: number;
  created_by: string;
  created_at: Time;
  updated_at: Time;
}

/** A message for an org unit's robots, queued with what caused it and sent after. */
export interface NotifyOutboxTable {
  id: string;
  org_unit_id: string;
  street_id: string | null;
  title: string;
  text: string;
  created_at: Time;
}

/** One robot's copy of an outbox message: sent, retried and given up on its own. */
export interface NotifyDeliveryTable {
  id: string;
  outbox_id: string;
  webhook_id: string;
  street_id: string | null;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: Time;
  /** A process posting it holds it until then; past that, another may take it over. */
  claimed_until: Time | null;
  sent_at: Time | null;
  last_error: string | null;
  created_at: Time;
}

export type NotifyWebhookRow = Selectable<NotifyWebhookTable>;
export type NotifyOutboxRow = Selectable<NotifyOutboxTable>;
export type NotifyDeliveryRow = Selectable<NotifyDeliveryTable>;
