import { enUS } from './en-US';
import type { Locale } from './public';
import { zhCN, type Messages } from './zh-CN';

export { locales, type Locale } from './public';
export const resources: Record<Locale, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Picks zh-CN unless the Accept-Language header prefers English. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}

export { interpolate } from './interpolate';
export type { Messages };
