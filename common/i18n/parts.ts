/**
 * The message files of each language (zh-CN/<part>.ts, en-US/<part>.ts): the app-wide core, and the
 * words of one module each. The web loads a part with the pages that show it (web/src/router.tsx).
 */
export const messageParts = [
  'core',
  'activities',
  'audit',
  'campaigns',
  'cases',
  'case-ui',
  'issues',
  'operations',
  'org',
  'patrols',
  'people',
  'places',
  'staff',
  'surveys',
  'tips',
] as const;
export type MessagePart = (typeof messageParts)[number];
