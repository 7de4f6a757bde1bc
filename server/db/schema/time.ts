/** Times are ISO 8601 strings in UTC on both dialects, so one code path reads and compares them. */
export type Time = string;
