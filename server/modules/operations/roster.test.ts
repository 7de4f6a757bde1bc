import { describe, expect, it } from 'vitest';
import { dayGaps, daysOf, rosterCoverage, rosterDay } from './roster';

// Shanghai is UTC+8: 2027-03-01 00:00 there is 2027-02-28T16:00Z.
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`).toISOString();
const shift = (a: string, b: string, people = ['王']) => ({ startsAt: a, endsAt: b, people });
const D = '2027-03-01';
const N = '2027-03-02';

describe('roster gaps', () => {
  it('a day nobody covers is one gap of 24 hours', () => {
    expect(dayGaps(D, [])).toEqual([{ from: '00:00', to: '24:00', minutes: 1440 }]);
  });

  it('a shift ending exactly when the next starts leaves no gap', () => {
    const shifts = [shift(at(D, '00:00'), at(D, '08:00')), shift(at(D, '08:00'), at(N, '00:00'))];
    expect(dayGaps(D, shifts)).toEqual([]);
  });

  it('the uncovered hours are merged into one range', () => {
    const shifts = [shift(at(D, '00:00'), at(D, '03:00')), shift(at(D, '05:00'), at(N, '00:00'))];
    expect(dayGaps(D, shifts)).toEqual([{ from: '03:00', to: '05:00', minutes: 120 }]);
    const day = rosterDay(D, shifts);
    expect(day.hours.filter((h) => h.gap).map((h) => h.hour)).toEqual([3, 4]);
    expect(day.hours[3].people).toEqual([]);
  });

  it('overlapping shifts count once and name everyone on duty', () => {
    const shifts = [
      shift(at(D, '00:00'), at(D, '14:00'), ['王']),
      shift(at(D, '12:00'), at(N, '00:00'), ['李', '志愿者张']),
    ];
    const day = rosterDay(D, shifts);
    expect(day.gaps).toEqual([]);
    expect(day.hours[12].people).toEqual(['王', '李', '志愿者张']);
  });

  it('a shift across midnight covers the end of one day and the start of the next', () => {
    const shifts = [
      shift(at(D, '00:00'), at(D, '20:00')),
      shift(at(D, '20:00'), at(N, '08:00')),
      shift(at(N, '08:00'), at(N, '22:30')),
    ];
    expect(dayGaps(D, shifts)).toEqual([]);
    expect(dayGaps(N, shifts)).toEqual([{ from: '22:30', to: '24:00', minutes: 90 }]);
    const roster = rosterCoverage(D, N, shifts);
    expect(roster.days.map((d) => d.day)).toEqual([D, N]);
    expect(roster.uncoveredMinutes).toBe(90);
    expect(roster.days[1].hours[22].gap).toBe(true);
    expect(roster.days[1].hours[21].gap).toBe(false);
  });

  it('staff-hours are hours times people', () => {
    const roster = rosterCoverage(D, D, [shift(at(D, '00:00'), at(D, '08:00'), ['王', '李'])]);
    expect(roster.staffHours).toBe(16);
  });

  it('lists every day of the period, across a month end', () => {
    expect(daysOf('2027-02-27', '2027-03-01')).toEqual(['2027-02-27', '2027-02-28', '2027-03-01']);
  });
});
