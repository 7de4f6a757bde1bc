import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, openTestDb, type TestDatabase } from '../../../test/support/db';
import type { DbHandle } from '../../db';

// The pinyin search must stay an index range scan within the street as the register grows to a
// district's million residents; SQLite's plan says so without a million rows.
describe('resident search plan on SQLite', () => {
  let database: TestDatabase;
  let handle: DbHandle;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    handle = await openTestDb(database);
  });
  afterAll(async () => {
    await handle.close();
    await database.drop();
  });

  it('uses the initials and pinyin indexes for "wp"', () => {
    const plan = handle
      .sqlite!.prepare(
        'explain query plan select id from resident where street_id = ? and (name_initials like ? or name_pinyin like ?) limit 20',
      )
      .all('s', 'wp%', 'wp%') as { detail: string }[];
    const text = plan.map((p) => p.detail).join(' | ');
    expect(text).toContain(
      'resident_initials (street_id=? AND name_initials>? AND name_initials<?)',
    );
    expect(text).toContain('resident_pinyin (street_id=? AND name_pinyin>? AND name_pinyin<?)');
    expect(text).not.toMatch(/SCAN resident/);
  });
});
