import { issueCategories } from './issues';

/**
 * Tips (爆料 / 居民诉求): a resident's report by hotline, e-mail, the public web form or in person.
 * Flow: received → triaged → converted (to an issue or a case referral) | answered | dismissed, then
 * closed and rated (回访 / 满意度). Each step carries the reply the resident reads by tracking code.
 * The lists need no zod, so the resident's public form loads them without the schemas.
 */
export const tipChannels = ['hotline', 'email', 'webForm', 'inPerson'] as const;
export const tipTopics = ['home', 'neighbour', 'community'] as const;
export const tipCategories = [
  ...issueCategories.filter((c) => c !== 'other'),
  'socialNeed',
  'other',
] as const;
export const tipStatuses = [
  'received', // 已接收
  'triaged', // 已分拣
  'converted', // 已转办
  'answered', // 已答复
  'dismissed', // 不予受理
  'closed', // 已办结
  'rated', // 已评价
] as const;
/** What the resident reads as the state of their tip: received, in hand, done. */
export const tipPublicPhases = [
  'submitted',
  'received',
  'inProgress',
  'done',
  'dismissed',
] as const;
export const tipActions = [
  'receive',
  'triage',
  'convertIssue',
  'convertCase',
  'answer',
  'dismiss',
  'close',
  'rate',
] as const;

export type TipChannel = (typeof tipChannels)[number];
export type TipTopic = (typeof tipTopics)[number];
export type TipCategory = (typeof tipCategories)[number];
export type TipStatus = (typeof tipStatuses)[number];
export type TipPublicPhase = (typeof tipPublicPhases)[number];

/** 受理编号: 10 characters without 0/O/1/I, read out in groups, e.g. K7MX-3PQD-9R. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export function normaliseTrackingCode(input: string): string {
  const raw = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return raw.length === 10 ? `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}` : raw;
}
