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

export function interpolate(
  template: string,
  params: Record<string, string | number> = {},
): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}
export type { Messages };
