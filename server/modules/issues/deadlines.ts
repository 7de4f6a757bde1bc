import {
  issueCategories,
  issueDeadlineSteps,
  type DeadlineLimit,
  type DeadlineRule,
  type IssueCategory,
  type IssueDeadlineStep,
} from '../../../common/schemas/issues';
// The package is CommonJS whose named exports Node cannot see from ESM (the compiled server).
import chineseDays from 'chinese-days';
import { shanghaiDayEnd } from '../../lib/time';

const { isWorkday } = chineseDays;

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
 * "Days" are calendar days: a gas leak does not wait for Monday. Working days are China's, in
 * Asia/Shanghai: Monday to Friday less the public holidays, plus the weekend days worked in exchange
 * (调休), as the chinese-days package has them, corrected day by day by a district admin
 * (workday_override, the 工作日历 page) where the State Council announced something the package lacks.
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

/** Corrections to the national calendar, day (YYYY-MM-DD) → a working day or not. */
export type WorkdayOverrides = ReadonlyMap<string, boolean>;
const noOverrides: WorkdayOverrides = new Map();

/** Whether a day (YYYY-MM-DD, in Shanghai) is a working day: the correction if any, else the State Council's. */
export const isWorkingDay = (day: string, overrides: WorkdayOverrides = noOverrides): boolean =>
  overrides.get(day) ?? isWorkday(day);

const shanghaiDayOf = (ms: number): string => new Date(ms + SHANGHAI).toISOString().slice(0, 10);

/**
 * Adds working time: a working day is 24 hours of working-day time in Shanghai, so Friday 15:00 plus
 * one working day is Monday 15:00 (or the first working day after a holiday), and a report made on a
 * day off starts counting at 00:00 of the next working day.
 */
export function addWorkingDays(
  fromIso: string,
  days: number,
  overrides: WorkdayOverrides = noOverrides,
): string {
  const working = (ms: number) => isWorkingDay(shanghaiDayOf(ms), overrides);
  let t = Date.parse(fromIso);
  if (!working(t)) {
    t -= (t + SHANGHAI) % DAY;
    while (!working(t)) t += DAY;
  }
  for (let i = 0; i < days; i++) {
    t += DAY;
    while (!working(t)) t += DAY;
  }
  return new Date(t).toISOString();
}

export function addLimit(
  fromIso: string,
  limit: DeadlineLimit,
  overrides: WorkdayOverrides = noOverrides,
): string {
  switch (limit.unit) {
    case 'workingDays':
      return addWorkingDays(fromIso, limit.amount, overrides);
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
  /** The calendar's corrections, loaded with the rules so every deadline counts the same days. */
  workdays?: WorkdayOverrides;
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
