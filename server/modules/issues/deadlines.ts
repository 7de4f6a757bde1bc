import {
  issueCategories,
  issueDeadlineSteps,
  type DeadlineLimit,
  type DeadlineRule,
  type IssueCategory,
  type IssueDeadlineStep,
} from '../../../common/schemas/issues';
import { shanghaiDayEnd } from '../../lib/time';

/**
 * The default time limits of the issue flow — the one place they are written down. A street may set
 * its own (and a district admin district-wide ones) through /api/issue-deadlines; what is not set
 * falls back here.
 *
 * | step     | what must happen                 | default                                    |
 * |----------|----------------------------------|--------------------------------------------|
 * | accept   | 受理 or 不予立案 after 上报       | 1 working day                               |
 * | dispatch | 派遣 after 立案 (or a send-back)  | 1 working day                               |
 * | handle   | 处置完毕 after 派遣 (or 重办)      | 2 days for safety hazards and epidemic      |
 * |          |                                  | prevention, 7 days for the other categories |
 * | verify   | 核查 after 处置完毕               | 2 days                                      |
 *
 * "Days" are calendar days: a gas leak does not wait for Monday. Working days are Monday to Friday in
 * Asia/Shanghai; public holidays and the swapped working weekends (调休) are not modelled, so a limit
 * that spans a holiday is shorter than the official one.
 *
 * An issue raised with a rectification order (整改通知书) is due to be handled by the end of the
 * order's deadline day instead of the handle limit.
 */
const URGENT: readonly IssueCategory[] = ['safetyHazard', 'epidemicPrevention'];

export function defaultLimit(step: IssueDeadlineStep, category: IssueCategory): DeadlineLimit {
  switch (step) {
    case 'accept':
    case 'dispatch':
      return { amount: 1, unit: 'workingDays' };
    case 'handle':
      return URGENT.includes(category) ? { amount: 2, unit: 'days' } : { amount: 7, unit: 'days' };
    case 'verify':
      return { amount: 2, unit: 'days' };
  }
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;

/** 0 Sunday … 6 Saturday, as the calendar in Shanghai has it at that instant. */
const shanghaiWeekday = (ms: number): number => new Date(ms + SHANGHAI).getUTCDay();
const isWeekend = (ms: number): boolean => [0, 6].includes(shanghaiWeekday(ms));

/**
 * Adds working time: a working day is 24 hours of Monday-to-Friday time in Shanghai, so Friday 15:00
 * plus one working day is Monday 15:00, and a report made on Saturday starts counting on Monday 00:00.
 */
export function addWorkingDays(fromIso: string, days: number): string {
  let t = Date.parse(fromIso);
  if (isWeekend(t)) {
    // The start of the next Monday in Shanghai.
    const dayStart = t - ((t + SHANGHAI) % DAY);
    t = dayStart + DAY * (shanghaiWeekday(t) === 6 ? 2 : 1);
  }
  for (let i = 0; i < days; i++) {
    t += DAY;
    while (isWeekend(t)) t += DAY;
  }
  return new Date(t).toISOString();
}

export function addLimit(fromIso: string, limit: DeadlineLimit): string {
  switch (limit.unit) {
    case 'workingDays':
      return addWorkingDays(fromIso, limit.amount);
    case 'days':
      return new Date(Date.parse(fromIso) + limit.amount * DAY).toISOString();
    case 'hours':
      return new Date(Date.parse(fromIso) + limit.amount * HOUR).toISOString();
  }
}

/** The end of a rectification order's deadline day (a calendar day in Shanghai). */
export const rectificationDueAt = (deadlineDay: string): string => shanghaiDayEnd(deadlineDay);

export interface RuleSet {
  street: DeadlineRule[];
  district: DeadlineRule[];
}

/** The limit in force for a step and category: the street's own, else the district-wide, else the default. */
export function limitFor(
  rules: RuleSet,
  step: IssueDeadlineStep,
  category: IssueCategory,
): DeadlineLimit & { source: 'street' | 'district' | 'default' } {
  const match = (r: DeadlineRule) => r.step === step && r.category === category;
  const street = rules.street.find(match);
  if (street) return { amount: street.amount, unit: street.unit, source: 'street' };
  const district = rules.district.find(match);
  if (district) return { amount: district.amount, unit: district.unit, source: 'district' };
  return { ...defaultLimit(step, category), source: 'default' };
}

/** Every step and category with the limit in force, as the settings page lists them. */
export const effectiveRules = (rules: RuleSet) =>
  issueDeadlineSteps.flatMap((step) =>
    issueCategories.map((category) => ({ step, category, ...limitFor(rules, step, category) })),
  );
