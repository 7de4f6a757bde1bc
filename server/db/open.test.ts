import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/db';
import { openDb } from '.';

describe('the embedded SQLite database', () => {
  let database: TestDatabase;
  afterAll(() => database?.drop());

  it('syncs every commit to disk, so a write it acknowledged survives a power loss', async () => {
    database = await createTestDatabase('sqlite');
    const handle = openDb({ dataDir: database.dataDir });
    // 2 is FULL; NORMAL (1) in WAL mode may lose the last commits when the power goes.
    expect(handle.sqlite!.pragma('synchronous', { simple: true })).toBe(2);
    expect(handle.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
    await handle.close();
  });
});
