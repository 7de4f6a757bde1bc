import { describe, expect, it } from 'vitest';
import { addDays, careTierOf, daysBetween, keptToRule, monthDays, todoOrder } from './care';

describe('care-rule tiers', () => {
  const day = '2026-11-28';
  it('puts the very old living alone or empty-nest, and the seriously ill, in the high tier', () => {
    expect(careTierOf(['livingAlone', 'aged80'], '1945-03-01', day)).toBe('high');
    expect(careTierOf(['emptyNest'], '1940-01-01', day)).toBe('high');
    expect(careTierOf(['livingAlone'], '1950-01-01', day)).toBe('other');
    expect(careTierOf(['seriousIllness'], '1986-03-08', day)).toBe('high');
    expect(careTierOf(['livingAlone', 'aged80'], null, day)).toBe('high');
  });
  it('puts the old disabled or with dementia and the poorest, special families and children in difficulty in the key tier', () => {
    expect(careTierOf(['disabled'], '1960-01-01', day)).toBe('key');
    expect(careTierOf(['dementia'], '1950-01-01', day)).toBe('key');
    expect(careTierOf(['disabled'], '1990-01-01', day)).toBe('other');
    expect(careTierOf(['extremePoverty'], '1990-01-01', day)).toBe('key');
    expect(careTierOf(['familyPlanningSpecial'], null, day)).toBe('key');
    expect(careTierOf(['childInDifficulty'], '2012-01-01', day)).toBe('key');
  });
  it('puts anyone else with a tag in the other tier, and no one without', () => {
    expect(careTierOf(['minimumIncome'], '1980-01-01', day)).toBe('other');
    expect(careTierOf([], '1930-01-01', day)).toBeNull();
  });
});

describe('calendar days', () => {
  it('counts and adds days across months and years', () => {
    expect(daysBetween('2026-11-28', '2026-12-05')).toBe(7);
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(monthDays('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(monthDays('2028-02').last).toBe('2028-02-29');
  });
});

describe('keeping to a visit interval', () => {
  const period = { from: '2026-11-01', to: '2026-11-30', intervalDays: 7 };
  it('holds when no gap is longer than the interval, the last one to the end included', () => {
    expect(
      keptToRule({
        ...period,
        since: '2026-10-28',
        contacts: ['2026-11-04', '2026-11-11', '2026-11-18', '2026-11-25'],
      }),
    ).toBe(true);
  });
  it('fails on one long gap, and when the last contact is too long before the end', () => {
    expect(
      keptToRule({
        ...period,
        since: '2026-10-28',
        contacts: ['2026-11-04', '2026-11-15', '2026-11-22', '2026-11-29'],
      }),
    ).toBe(false);
    expect(
      keptToRule({
        ...period,
        since: '2026-10-28',
        contacts: ['2026-11-04', '2026-11-11', '2026-11-18'],
      }),
    ).toBe(false);
    expect(keptToRule({ ...period, since: '2026-10-01', contacts: [] })).toBe(false);
  });
  it('a monthly rule is kept by one visit', () => {
    expect(
      keptToRule({ ...period, intervalDays: 30, since: '2026-10-20', contacts: ['2026-11-10'] }),
    ).toBe(true);
  });
});

describe('the order of 今日待办', () => {
  it('puts the most overdue first, then the highest risk', () => {
    const items = [
      { clientName: 'a', daysOverdue: 0, riskLevel: 'high' as const },
      { clientName: 'b', daysOverdue: 3, riskLevel: 'low' as const },
      { clientName: 'c', daysOverdue: 3, riskLevel: 'high' as const },
      { clientName: 'd', daysOverdue: 0, riskLevel: 'medium' as const },
    ];
    expect(items.sort(todoOrder).map((i) => i.clientName)).toEqual(['c', 'b', 'a', 'd']);
  });
});
