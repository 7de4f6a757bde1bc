import { sql } from 'kysely';
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

  it('takes the write lock as a transaction begins, so one that read first can still write', async () => {
    database ??= await createTestDatabase('sqlite');
    const mine = openDb({ dataDir: database.dataDir });
    const other = openDb({ dataDir: database.dataDir });
    other.sqlite!.pragma('busy_timeout = 0');
    await mine.db.schema.createTable('note').addColumn('text', 'text').execute();
    await mine.db.transaction().execute(async (trx) => {
      await trx
        .selectFrom('note' as never)
        .selectAll()
        .execute();
      // The other connection (the import's worker, say) cannot slip a write in: the transaction
      // holds the write lock from its start, so its own write below cannot find the data changed.
      expect(() => other.sqlite!.prepare(`insert into note values ('other')`).run()).toThrow(
        /locked|busy/i,
      );
      await sql`insert into note values ('mine')`.execute(trx);
    });
    other.sqlite!.prepare(`insert into note values ('other')`).run();
    const rows = other.sqlite!.prepare('select text from note order by text').all();
    expect(rows).toEqual([{ text: 'mine' }, { text: 'other' }]);
    await mine.close();
    await other.close();
  });
});
