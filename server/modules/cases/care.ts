import { ageOn } from '../../../common/people';
import type { CareTier, RiskLevel } from '../../../common/schemas/cases';
import { formatShanghai, todayInShanghai } from '../../lib/time';

/**
 * Care-rule tiers, from a client's care tags and age:
 * - high: aged 80+ living alone or empty-nest, or a life-threatening illness;
 * - key: disabled, incapacitated or with dementia at 60+, in extreme poverty, a family-planning
 *   special family, or a child in difficulty (orphans and de facto unsupported children are
 *   children in difficulty under the same protection rules);
 * - other: any other care tag.
 * Without a birth date, the 高龄 tag stands for 80+.
 */
export function careTierOf(
  tags: readonly string[],
  birthDate: string | null,
  day: string,
): CareTier | null {
  if (tags.length === 0) return null;
  const has = (t: string) => tags.includes(t);
  const age = birthDate ? ageOn(birthDate, day) : null;
  const aged80 = age !== null ? age >= 80 : has('aged80');
  const aged60 = age !== null ? age >= 60 : aged80;
  if ((aged80 && (has('livingAlone') || has('emptyNest'))) || has('seriousIllness')) return 'high';
  if (
    (aged60 && (has('disabled') || has('incapacitated') || has('dementia'))) ||
    has('extremePoverty') ||
    has('familyPlanningSpecial') ||
    has('childInDifficulty') ||
    has('orphan') ||
    has('unsupportedChild')
  )
    return 'key';
  return 'other';
}

/** The calendar day (Asia/Shanghai) of a stored UTC time. */
export const shanghaiDay = (iso: string): string => formatShanghai(iso).slice(0, 10);
export { todayInShanghai };

const DAY = 86_400_000;
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** First and last day of a YYYY-MM month. */
export function monthDays(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { first, last };
}

/**
 * Whether contacts kept to the rule over a period: from the last contact before it (or the day the
 * case opened), no gap between contacts, nor from the last one to the period's end, was longer than
 * the interval. Days are calendar days; contacts may be given in any order.
 */
export function keptToRule(opts: {
  /** The last contact before the period, or the day the case opened. */
  since: string;
  contacts: string[];
  from: string;
  to: string;
  intervalDays: number;
}): boolean {
  let last = opts.since;
  const inPeriod = opts.contacts.filter((d) => d >= opts.from && d <= opts.to).sort();
  for (const d of inPeriod) {
    if (daysBetween(last, d) > opts.intervalDays) return false;
    last = d;
  }
  return daysBetween(last, opts.to) <= opts.intervalDays;
}

const RISK_ORDER: Record<RiskLevel, number> = { high: 0, medium: 1, low: 2 };

/** 今日待办's order: the most overdue first, then the highest risk. */
export function todoOrder(
  a: { daysOverdue: number; riskLevel: RiskLevel; clientName: string },
  b: { daysOverdue: number; riskLevel: RiskLevel; clientName: string },
): number {
  return (
    b.daysOverdue - a.daysOverdue ||
    RISK_ORDER[a.riskLevel] - RISK_ORDER[b.riskLevel] ||
    a.clientName.localeCompare(b.clientName, 'zh-CN')
  );
}
