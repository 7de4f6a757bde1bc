import type { Db } from '../../db';
import type { Caller } from '../../lib/caller';
import { careTagsOf, residentIdsOfHousehold, type MajorChange } from '../people/service';
import { addDays, careTierOf, todayInShanghai } from './care';
import * as repo from './repo';
import { logStep } from './scope';
import { withNames } from './views';

/**
 * The care rules' "within 24 hours of a major change": when a high-tier client's household loses a
 * member, moves, or the client's health or care situation is corrected, the next contact is due by
 * tomorrow at the latest, and the case timeline says why.
 */
export async function dueAfterMajorChange(
  db: Db,
  caller: Caller,
  change: MajorChange,
): Promise<void> {
  const clients = await residentIdsOfHousehold(db, change.householdId);
  const cases = await withNames(db, await repo.findOpenCasesOfResidents(db, clients));
  if (cases.length === 0) return;
  const today = todayInShanghai();
  const tomorrow = addDays(today, 1);
  const tags = await careTagsOf(
    db,
    cases.map((c) => c.resident_id),
  );
  for (const c of cases) {
    const high =
      c.risk_level === 'high' ||
      careTierOf(tags.get(c.resident_id) ?? [], c.client_birth_date, today) === 'high';
    if (!high || (c.next_contact_date !== null && c.next_contact_date <= tomorrow)) continue;
    await repo.updateCase(db, c.id, null, {
      next_contact_date: tomorrow,
      updated_at: new Date().toISOString(),
    });
    await logStep(db, caller, c, {
      action: 'majorChange',
      note: change.what,
      changedFields: ['nextContactDate'],
    });
  }
}
