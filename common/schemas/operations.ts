import { z } from 'zod';
import { zId, zPage, zPageQuery, zTimestamp, zVersion } from './common';

/**
 * Support operations (保障任务): an org unit's operation (e.g. 市军供站's 2026年春季新兵铁路运输保障)
 * with its batches (批次), supplies (物资), duty roster (值班表) and log (日志).
 */
export const operationStatuses = ['planned', 'active', 'completed'] as const;
export type OperationStatus = (typeof operationStatuses)[number];
/** A batch moves forward one step at a time; going back is refused. */
export const batchStatuses = ['planned', 'arrived', 'served', 'departed'] as const;
export type BatchStatus = (typeof batchStatuses)[number];

const zDay = z.iso.date();
const zText = (max: number) => z.string().trim().min(1).max(max);
const zClientTime = z.iso
  .datetime({ offset: true })
  .optional()
  .describe('when it happened, as the phone recorded it; now when left out');

export const zOperationCreate = z.object({
  id: zId.optional().describe('made by the client, so a resend creates nothing new'),
  ownerUnitId: zId.describe('the unit whose operation it is (a street, community or department)'),
  title: zText(200),
  description: z.string().trim().max(4000).optional(),
  startDate: zDay.describe('first day (Asia/Shanghai)'),
  endDate: zDay.describe('last day'),
});
export type OperationCreate = z.infer<typeof zOperationCreate>;

export const zOperationUpdate = z.object({
  version: zVersion,
  title: zText(200).optional(),
  description: z.string().trim().max(4000).optional(),
  startDate: zDay.optional(),
  endDate: zDay.optional(),
});
export type OperationUpdate = z.infer<typeof zOperationUpdate>;

export const zOperationStatusChange = z.object({
  version: zVersion,
  status: z.enum(operationStatuses),
  note: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .describe('on completion: why batches are not all departed'),
});
export type OperationStatusChange = z.infer<typeof zOperationStatusChange>;

export const zOperation = z.object({
  id: zId,
  ownerUnit: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  description: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(operationStatuses),
  completionNote: z.string().nullable(),
  completedAt: zTimestamp.nullable(),
  batchCount: z.number().int(),
  headCount: z.number().int().describe('head count of all batches'),
  departedCount: z.number().int().describe('batches departed'),
  version: z.number().int(),
  createdAt: zTimestamp,
});
export type Operation = z.infer<typeof zOperation>;

export const zOperationQuery = zPageQuery.extend({
  q: z.string().trim().max(100).optional().describe('words of the title'),
  status: z.enum(operationStatuses).optional(),
});
export type OperationQuery = z.infer<typeof zOperationQuery>;
export const zOperationPage = zPage(zOperation);

export const zItemParams = z.object({ id: zId, itemId: zId });

// ——— batches ———
export const zBatchCreate = z.object({
  id: zId.optional(),
  plannedAt: z.iso.datetime({ offset: true }).describe('when the train is due'),
  headCount: z.number().int().min(1).max(100_000),
  trainNo: zText(20),
  from: zText(100),
  to: zText(100),
  note: z.string().trim().max(1000).optional(),
});
export type BatchCreate = z.infer<typeof zBatchCreate>;
export const zBatchUpdate = zBatchCreate.omit({ id: true }).partial().extend({ version: zVersion });
export type BatchUpdate = z.infer<typeof zBatchUpdate>;
export const zBatchAdvance = z.object({
  version: zVersion,
  status: z.enum(batchStatuses).describe('the next status; a resend of the current one is a no-op'),
  at: zClientTime,
});
export type BatchAdvance = z.infer<typeof zBatchAdvance>;
export const zBatch = z.object({
  id: zId,
  plannedAt: zTimestamp,
  headCount: z.number().int(),
  trainNo: z.string(),
  from: z.string(),
  to: z.string(),
  status: z.enum(batchStatuses),
  arrivedAt: zTimestamp.nullable(),
  servedAt: zTimestamp.nullable(),
  departedAt: zTimestamp.nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type Batch = z.infer<typeof zBatch>;

// ——— supplies ———
export const zSupplyCreate = z.object({
  id: zId.optional(),
  item: zText(100),
  unit: zText(20).describe('份, 箱, 瓶, 个 …'),
  prepared: z.number().int().min(0).max(10_000_000),
});
export type SupplyCreate = z.infer<typeof zSupplyCreate>;
export const zSupplyUpdate = zSupplyCreate
  .omit({ id: true })
  .partial()
  .extend({ version: zVersion });
export type SupplyUpdate = z.infer<typeof zSupplyUpdate>;
export const zSupplyIssueCreate = z.object({
  id: zId.optional(),
  quantity: z.number().int().min(1).max(10_000_000),
  at: zClientTime,
  note: z.string().trim().max(500).optional(),
  batchId: zId.optional().describe('the batch it was issued to'),
});
export type SupplyIssueCreate = z.infer<typeof zSupplyIssueCreate>;
export const zSupplyIssue = z.object({
  id: zId,
  quantity: z.number().int(),
  at: zTimestamp,
  note: z.string().nullable(),
  batchId: z.string().nullable(),
  trainNo: z.string().nullable(),
  byName: z.string(),
});
export const zSupply = z.object({
  id: zId,
  item: z.string(),
  unit: z.string(),
  prepared: z.number().int(),
  issued: z.number().int(),
  left: z.number().int().describe('prepared − issued'),
  issues: z.array(zSupplyIssue),
  version: z.number().int(),
});
export type Supply = z.infer<typeof zSupply>;

// ——— roster ———
export const zShiftInput = z.object({
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  staffIds: z.array(zId).max(50).default([]).describe('staff accounts of the operation’s unit'),
  volunteers: z.array(zText(50)).max(50).default([]).describe('others on duty, by name'),
  note: z.string().trim().max(500).optional(),
});
export const zShiftCreate = zShiftInput.extend({ id: zId.optional() });
export type ShiftCreate = z.infer<typeof zShiftCreate>;
export const zShiftUpdate = zShiftInput.extend({ version: zVersion });
export type ShiftUpdate = z.infer<typeof zShiftUpdate>;
export const zShiftPerson = z.object({ userId: z.string().nullable(), name: z.string() });
export const zShift = z.object({
  id: zId,
  startsAt: zTimestamp,
  endsAt: zTimestamp,
  people: z.array(zShiftPerson),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type Shift = z.infer<typeof zShift>;
export const zRosterGap = z.object({
  from: z.string().describe('HH:MM, Asia/Shanghai'),
  to: z.string().describe('HH:MM; 24:00 is the end of the day'),
  minutes: z.number().int(),
});
export type RosterGap = z.infer<typeof zRosterGap>;
export const zRosterDay = z.object({
  day: z.string(),
  gaps: z.array(zRosterGap).describe('uncovered time, merged into ranges'),
  uncoveredMinutes: z.number().int(),
  hours: z
    .array(z.object({ hour: z.number().int(), people: z.array(z.string()), gap: z.boolean() }))
    .describe('24 entries: who is on duty in each hour, and whether any of it is uncovered'),
});
export type RosterDay = z.infer<typeof zRosterDay>;
export const zRoster = z.object({
  days: z.array(zRosterDay),
  uncoveredMinutes: z.number().int(),
  staffHours: z.number().describe('sum over shifts of hours × people'),
});
export type Roster = z.infer<typeof zRoster>;

// ——— log ———
export const zLogCreate = z.object({
  id: zId.optional(),
  text: zText(2000),
  at: zClientTime,
});
export type LogCreate = z.infer<typeof zLogCreate>;
export const zLogEntry = z.object({
  id: zId,
  at: zTimestamp,
  text: z.string(),
  authorName: z.string(),
});
export type LogEntry = z.infer<typeof zLogEntry>;

export const zOperationDetail = zOperation.extend({
  batches: z.array(zBatch),
  supplies: z.array(zSupply),
  shifts: z.array(zShift),
  roster: zRoster,
  log: z.array(zLogEntry),
  canManage: z.boolean().describe('the caller may change it'),
});
export type OperationDetail = z.infer<typeof zOperationDetail>;

export const zOperationCreated = z.object({ operation: zOperationDetail, created: z.boolean() });

export const zStaffChoice = z.object({ id: z.string(), name: z.string() });
export const zStaffChoices = z.array(zStaffChoice);
export const zOwnerUnits = z.array(
  z.object({ id: z.string(), name: z.string(), kind: z.string() }),
);
