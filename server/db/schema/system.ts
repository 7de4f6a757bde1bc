// The system's own tables: settings and rate-limit counters.

export interface SystemSettingTable {
  key: string;
  value: string;
  updated_at: string;
}

/** A rate-limit counter (rate-limiter-flexible's layout); `expire` in epoch ms, a bigint on PostgreSQL. */
export interface RateLimitTable {
  key: string;
  points: number;
  expire: number | string | null;
}
