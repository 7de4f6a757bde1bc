import { z } from 'zod';
import { wordedAs } from '../validation';
import { zId, zTimestamp, zVersion } from './common';

/** The group chats a robot message can go to: 企业微信 (WeCom) and 钉钉 (DingTalk). */
export const webhookKinds = ['wecom', 'dingtalk'] as const;
export const webhookStatuses = ['active', 'paused'] as const;

const zUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/\S+$/, wordedAs('webhookUrl'))
  .describe('the robot’s webhook address, as the group chat gives it (it holds the key)');

export const zWebhook = z.object({
  id: zId,
  unitId: zId,
  unitName: z.string(),
  kind: z.enum(webhookKinds),
  name: z.string(),
  /** the address is a secret: only its host and last characters are shown */
  urlHint: z.string(),
  signed: z.boolean(),
  status: z.enum(webhookStatuses),
  lastSentAt: zTimestamp.nullable(),
  lastError: z.string().nullable(),
  version: z.number().int(),
  createdAt: zTimestamp,
});
export type Webhook = z.infer<typeof zWebhook>;

export const zWebhookCreate = z.object({
  id: zId.optional(),
  unitId: zId,
  kind: z.enum(webhookKinds),
  name: z.string().trim().min(1).max(60),
  url: zUrl,
  secret: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .optional()
    .describe('钉钉 加签 secret (SEC…), when the robot is set to sign'),
});
export type WebhookCreate = z.infer<typeof zWebhookCreate>;

export const zWebhookUpdate = z.object({
  version: zVersion,
  name: z.string().trim().min(1).max(60).optional(),
  url: zUrl.optional(),
  secret: z.string().trim().max(200).nullable().optional(),
  status: z.enum(webhookStatuses).optional(),
});
export type WebhookUpdate = z.infer<typeof zWebhookUpdate>;

export const zWebhookQuery = z.object({ unitId: zId });
export const zWebhookList = z.object({ items: z.array(zWebhook) });
export const zWebhookTestResult = z.object({
  ok: z.boolean(),
  error: z.string().nullable(),
});
