import type { Db } from './index';

/** The key that says the demo district was loaded: its accounts share a password printed in the README. */
const DEMO_SEEDED = 'demo_seeded_at';

export async function markDemoSeeded(db: Db, at: string): Promise<void> {
  await db
    .insertInto('system_setting')
    .values({ key: DEMO_SEEDED, value: at, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: at, updated_at: at }))
    .execute();
}

/** When the demo district was loaded into this database, or undefined for a real one. */
export async function demoSeededAt(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('system_setting')
    .select('value')
    .where('key', '=', DEMO_SEEDED)
    .executeTakeFirst();
  return row?.value;
}
