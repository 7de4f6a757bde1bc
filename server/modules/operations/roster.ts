import type { Roster, RosterDay, RosterGap } from '../../../common/schemas/operations';

/**
 * Duty-roster coverage (值班表): for each day of an operation (Asia/Shanghai) the time no shift
 * covers, merged into ranges (03:00–05:00), and who is on duty in each of its 24 hours. Pure, so it is
 * tested on its own; the service and the report use it alike.
 */
export interface ShiftSpan {
  startsAt: string;
  endsAt: string;
  people: string[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const dayStartMs = (day: string): number => Date.parse(`${day}T00:00:00+08:00`);

/** The days from first to last, inclusive (yyyy-mm-dd). */
export function daysOf(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += DAY)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Minutes since midnight as HH:MM; the end of the day is 24:00. */
function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The covered intervals [start, end) of [from, to), merged; touching shifts join. */
function covered(shifts: ShiftSpan[], from: number, to: number): [number, number][] {
  const spans = shifts
    .map((s) => [Math.max(Date.parse(s.startsAt), from), Math.min(Date.parse(s.endsAt), to)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]) as [number, number][];
  const merged: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** The uncovered ranges of one day, as clock times of that day. */
export function dayGaps(day: string, shifts: ShiftSpan[]): RosterGap[] {
  const from = dayStartMs(day);
  const to = from + DAY;
  const gaps: RosterGap[] = [];
  let at = from;
  const push = (a: number, b: number) => {
    const start = Math.floor((a - from) / 60_000);
    const end = Math.ceil((b - from) / 60_000);
    if (end > start) gaps.push({ from: clock(start), to: clock(end), minutes: end - start });
  };
  for (const [a, b] of covered(shifts, from, to)) {
    if (a > at) push(at, a);
    at = Math.max(at, b);
  }
  if (at < to) push(at, to);
  return gaps;
}

export function rosterDay(day: string, shifts: ShiftSpan[]): RosterDay {
  const from = dayStartMs(day);
  const gaps = dayGaps(day, shifts);
  const hours = Array.from({ length: 24 }, (_, hour) => {
    const a = from + hour * HOUR;
    const b = a + HOUR;
    const on = shifts.filter((s) => Date.parse(s.startsAt) < b && Date.parse(s.endsAt) > a);
    const people = [...new Set(on.flatMap((s) => s.people))];
    const inHour = covered(on, a, b);
    const gap = !(inHour.length === 1 && inHour[0][0] === a && inHour[0][1] === b);
    return { hour, people, gap };
  });
  return { day, gaps, uncoveredMinutes: gaps.reduce((n, g) => n + g.minutes, 0), hours };
}

/** Coverage of every day of the period, the total uncovered time and the staff-hours of the shifts. */
export function rosterCoverage(first: string, last: string, shifts: ShiftSpan[]): Roster {
  const days = daysOf(first, last).map((d) => rosterDay(d, shifts));
  const staffHours = shifts.reduce(
    (n, s) => n + ((Date.parse(s.endsAt) - Date.parse(s.startsAt)) / HOUR) * s.people.length,
    0,
  );
  return {
    days,
    uncoveredMinutes: days.reduce((n, d) => n + d.uncoveredMinutes, 0),
    staffHours: Math.round(staffHours * 100) / 100,
  };
}
