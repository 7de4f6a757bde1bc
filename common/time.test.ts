import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shanghaiDay, shanghaiToday } from './time';

describe('dates are the Asia/Shanghai date, not the UTC one', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // 01:00 on 5 December in Shanghai is still 4 December in UTC.
    vi.setSystemTime(new Date('2026-12-05T01:00:00+08:00'));
  });
  afterEach(() => vi.useRealTimers());

  it('today is the Shanghai date at 01:00 Shanghai', () => {
    expect(new Date().toISOString().slice(0, 10)).toBe('2026-12-04');
    expect(shanghaiToday()).toBe('2026-12-05');
  });

  it('a case closed at 02:36 Shanghai shows the Shanghai date (the case page’s 已于…结案)', () => {
    const closedAt = new Date('2026-12-05T02:36:00+08:00').toISOString();
    expect(closedAt).toBe('2026-12-04T18:36:00.000Z');
    expect(shanghaiDay(closedAt)).toBe('2026-12-05');
  });

  it('a day string stays the same day', () => {
    expect(shanghaiDay('2026-02-13')).toBe('2026-02-13');
  });
});
