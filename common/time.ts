/**
 * The street's calendar: Asia/Shanghai is UTC+8 all year (no daylight saving), so a date people see
 * or a rule uses is the UTC instant moved eight hours on. Shared by the web's pages; the server's
 * own helpers (server/lib/time.ts) do the same arithmetic.
 */
const SHANGHAI_MS = 8 * 3_600_000;

/** The Asia/Shanghai date (YYYY-MM-DD) of a stored instant: 18:36 UTC on the 4th is the 5th here. */
export function shanghaiDay(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_MS).toISOString().slice(0, 10);
}

/** Today's date (YYYY-MM-DD) in Asia/Shanghai, whatever zone the device or server runs in. */
export function shanghaiToday(): string {
  return shanghaiDay(new Date().toISOString());
}
