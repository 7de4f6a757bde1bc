import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResidentRow } from '../../db/schema';
import { isMinor, presentResident } from './access';

/** A resident who turns 18 on 5 December 2026. */
const row: ResidentRow = {
  id: '0190a000-0000-7000-8000-000000000001',
  household_id: '0190a000-0000-7000-8000-000000000002',
  street_id: 's',
  community_id: 'c',
  grid_id: 'g',
  org_path: '/s/c/g/',
  relation_to_head: 'child',
  name: '王小明',
  name_pinyin: 'wangxiaoming',
  name_initials: 'wxm',
  gender: 'male',
  birth_date: '2008-12-05',
  ethnicity: null,
  id_number_sealed: null,
  id_number_index: null,
  id_number_masked: null,
  phone_sealed: null,
  phone_index: null,
  phone_last4: null,
  phone_masked: null,
  registration_status: 'registered',
  health_notes_sealed: null,
  disability_sealed: null,
  self_care: null,
  status: 'living',
  version: 1,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('the minor check counts the Shanghai date', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // 01:00 Shanghai on the 18th birthday is 17:00 UTC the day before.
    vi.setSystemTime(new Date('2026-12-04T17:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('a person who turns 18 today in Shanghai is not a minor at 01:00', () => {
    expect(isMinor(row)).toBe(false);
    const shown = presentResident(row, {
      access: { idNumber: 'masked', phone: 'masked', healthNotes: 'hidden', disability: 'hidden' },
      tags: [],
      address: '',
    });
    expect(shown).toMatchObject({ minor: false, age: 18, name: '王小明', birthDate: '2008-12-05' });
  });

  it('at 23:59 Shanghai the day before the birthday, still a minor', () => {
    vi.setSystemTime(new Date('2026-12-04T15:59:00Z'));
    expect(isMinor(row)).toBe(true);
  });
});
