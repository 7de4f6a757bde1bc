import { describe, expect, it } from 'vitest';
import { formatShanghai, shanghaiDayEnd, shanghaiDayStart } from './time';

describe('Asia/Shanghai days and times', () => {
  it('turns a calendar day into the UTC range that people here mean by it', () => {
    expect(shanghaiDayStart('2026-11-28')).toBe('2026-11-27T16:00:00.000Z');
    expect(shanghaiDayEnd('2026-11-28')).toBe('2026-11-28T16:00:00.000Z');
  });
  it('shows a stored UTC time in Shanghai time', () => {
    expect(formatShanghai('2026-11-28T06:05:00.000Z')).toBe('2026-11-28 14:05');
    expect(formatShanghai('2026-11-28T17:30:00.000Z')).toBe('2026-11-29 01:30');
  });
});
