import type { Db } from '../../db';

/**
 * What the issues module asks of the places module: where a place lies, and whether an issue's
 * rectification notice is still open. The places module raises issues from its inspections and
 * follows them up on its notices, so it imports this module and cannot be imported back; it
 * provides these when it loads (places/service.ts), as org and people take their hooks.
 */
export interface PlaceFacts {
  /** The grid and name of a place, for an issue reported at it. */
  locate(db: Db, placeId: string): Promise<{ gridId: string; name: string } | undefined>;
  /** Whether the issue's rectification notice is still open (closed by re-inspection, not verify). */
  hasOpenNotice(db: Db, issueId: string): Promise<boolean>;
}

let provided: PlaceFacts | undefined;

export function providePlaceFacts(facts: PlaceFacts): void {
  provided = facts;
}

export function placeFacts(): PlaceFacts {
  if (!provided) throw new Error('The places module is not loaded: it provides the place facts.');
  return provided;
}
