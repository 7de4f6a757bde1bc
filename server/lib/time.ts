/** Now, as stored: ISO 8601 in UTC. */
export const nowIso = (): string => new Date().toISOString();
export const addMinutes = (iso: string, minutes: number): string =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** First instant of a calendar day in Asia/Shanghai (UTC+8, no daylight saving), as stored. */
export function shanghaiDayStart(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}
export function shanghaiDayEnd(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();
}
/** A stored time as people here read it: 2026-11-28 14:05. */
export function formatShanghai(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** Today's date (YYYY-MM-DD) in Asia/Shanghai, the day the people using Linli live in. */
export const todayInShanghai = (): string => formatShanghai(nowIso()).slice(0, 10);
