import { describe, expect, it } from 'vitest';
import {
  addLimit,
  addWorkingDays,
  defaultLimit,
  effectiveRules,
  isWorkingDay,
  limitFor,
} from './deadlines';

/** A Shanghai wall-clock time as stored (UTC). */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('working days (Monday to Friday, Asia/Shanghai)', () => {
  // 2026-12-04 is a Friday.
  it('skips the weekend', () => {
    expect(addWorkingDays(sh('2026-12-04T15:00:00'), 1)).toBe(sh('2026-12-07T15:00:00'));
    expect(addWorkingDays(sh('2026-12-03T10:00:00'), 2)).toBe(sh('2026-12-07T10:00:00'));
    expect(addWorkingDays(sh('2026-12-07T09:00:00'), 1)).toBe(sh('2026-12-08T09:00:00'));
  });

  it('reads the weekday in Shanghai, not in UTC', () => {
    // Friday 23:30 in Shanghai is still Friday 15:30 in UTC; Saturday 07:00 in Shanghai is Friday in UTC.
    expect(addWorkingDays(sh('2026-12-04T23:30:00'), 1)).toBe(sh('2026-12-07T23:30:00'));
    expect(addWorkingDays(sh('2026-12-05T07:00:00'), 1)).toBe(sh('2026-12-08T00:00:00'));
  });

  it('starts counting on Monday 00:00 for a weekend report', () => {
    expect(addWorkingDays(sh('2026-12-05T10:00:00'), 1)).toBe(sh('2026-12-08T00:00:00'));
    expect(addWorkingDays(sh('2026-12-06T23:00:00'), 1)).toBe(sh('2026-12-08T00:00:00'));
  });

  it('counts China’s holidays and 调休: Friday 2026-02-13 plus 3 working days is after the Spring Festival', () => {
    // Saturday 14 February is worked in exchange; 15–23 February are the holiday.
    expect(addWorkingDays(sh('2026-02-13T10:00:00'), 1)).toBe(sh('2026-02-14T10:00:00'));
    expect(addWorkingDays(sh('2026-02-13T10:00:00'), 3)).toBe(sh('2026-02-25T10:00:00'));
    expect(addLimit(sh('2026-02-13T10:00:00'), { amount: 3, unit: 'workingDays' })).toBe(
      sh('2026-02-25T10:00:00'),
    );
    // A report on the holiday starts counting on the first working day after it.
    expect(addWorkingDays(sh('2026-02-18T09:00:00'), 1)).toBe(sh('2026-02-25T00:00:00'));
    // National Day 2026: 1–7 October off, Saturday 10 October worked.
    expect(addWorkingDays(sh('2026-09-30T10:00:00'), 1)).toBe(sh('2026-10-08T10:00:00'));
  });

  it('takes a district’s correction of a day over the national calendar', () => {
    const corrected = new Map([
      ['2026-02-24', false],
      ['2026-02-15', true],
    ]);
    expect(isWorkingDay('2026-02-15')).toBe(false);
    expect(isWorkingDay('2026-02-15', corrected)).toBe(true);
    expect(addWorkingDays(sh('2026-02-13T10:00:00'), 3, corrected)).toBe(sh('2026-02-25T10:00:00'));
    expect(addWorkingDays(sh('2026-02-14T10:00:00'), 2, corrected)).toBe(sh('2026-02-25T10:00:00'));
  });

  it('adds calendar days and hours as they are', () => {
    expect(addLimit(sh('2026-12-04T15:00:00'), { amount: 2, unit: 'days' })).toBe(
      sh('2026-12-06T15:00:00'),
    );
    expect(addLimit(sh('2026-12-04T15:00:00'), { amount: 36, unit: 'hours' })).toBe(
      sh('2026-12-06T03:00:00'),
    );
  });
});

describe('time limits', () => {
  it('has the documented defaults', () => {
    expect(defaultLimit('accept', 'other')).toEqual({ amount: 1, unit: 'workingDays' });
    expect(defaultLimit('dispatch', 'safetyHazard')).toEqual({ amount: 1, unit: 'workingDays' });
    expect(defaultLimit('handle', 'safetyHazard')).toEqual({ amount: 2, unit: 'days' });
    expect(defaultLimit('handle', 'epidemicPrevention')).toEqual({ amount: 2, unit: 'days' });
    expect(defaultLimit('handle', 'environmentSanitation')).toEqual({ amount: 7, unit: 'days' });
    expect(defaultLimit('verify', 'publicOrder')).toEqual({ amount: 2, unit: 'days' });
  });

  it('takes the street’s rule, then the district’s, then the default', () => {
    const rules = {
      street: [{ step: 'handle', category: 'other', amount: 3, unit: 'days' }] as const,
      district: [
        { step: 'handle', category: 'other', amount: 5, unit: 'days' },
        { step: 'accept', category: 'other', amount: 4, unit: 'hours' },
      ] as const,
    };
    const set = { street: [...rules.street], district: [...rules.district] };
    expect(limitFor(set, 'handle', 'other')).toEqual({ amount: 3, unit: 'days', source: 'street' });
    expect(limitFor(set, 'accept', 'other')).toEqual({
      amount: 4,
      unit: 'hours',
      source: 'district',
    });
    expect(limitFor(set, 'verify', 'other')).toMatchObject({ source: 'default' });
    expect(effectiveRules(set)).toHaveLength(4 * 6);
  });
});
